#!/usr/bin/env node
// OCPP 1.6J charge point simulator for the sandbox and the integration tests.
//
// Every charge point is an ocpp-rpc RPCClient in strict mode: each message in either direction
// is validated against the OCA OCPP 1.6 JSON schemas, so a central system that sends or answers
// anything off-schema is caught here ("strictValidationFailure" events), by a peer we did not
// write.
//
//   node chargepoint.mjs --url ws://127.0.0.1:8887 --id CP1 --password KEY [--count N]
//        [--plug-in] [--samples N] [--meter-interval-ms MS] [--id-tag TAG] [--ca cert.pem]
//        [--credentials FILE] [--sequence] [--stagger-ms MS] [--quiet] [--reconnect]
//        [--serial-field point|box|none]
//
// Security profile 1 is HTTP Basic auth over ws://; profile 2 the same over wss:// (--ca names
// the PEM certificate to trust, e.g. the central system's self-signed one).
//
// Life of a charge point: connect (HTTP Basic: id + password) -> BootNotification -> Heartbeat
// every `interval` seconds from the boot answer -> StatusNotification Available. A plug-in (at
// start with --plug-in, or on RemoteStartTransaction) runs Preparing -> StartTransaction ->
// Charging -> MeterValues (Energy.Active.Import.Register in Wh, Power.Active.Import in W, SoC in
// Percent rising) -> StopTransaction after --samples samples (0: until RemoteStopTransaction)
// -> Finishing -> Available. Each sample stands for one simulated minute of charging.
//
// With --count N the ids are <id>-001 ... <id>-N (all with the same password).
// Fleet mode (the load benchmark, tests/bench/csms_load): --credentials names a JSON list of
// {"id", "password"}, one charge point each; --stagger-ms spreads their connections evenly over
// that many ms (a thousand handshakes in one millisecond is not what a fleet does);
// --sequence makes the meter register a sample counter (meterStart 0, then exactly 1, 2, 3 ... Wh
// per MeterValues) so the central system can spot a lost or repeated sample; --quiet leaves out
// the per-sample events. --credentials also takes what `ovpp charger add --output json` prints
// (one {"id", "password", ...} or {"chargers": [...]}).
// --reconnect (the sandbox, where the app's central system may start later or restart): keep
// retrying the first connection and reconnect after a drop (1 s backoff doubling to 10 s), then
// boot again and carry on with the running transaction.
// On SIGTERM every charge point stops sending, waits (with --sequence) for the answers to what it
// already sent and prints {"event": "summary", "id", "connected", "sent" (MeterValues), "acked", "callErrors",
// "timeouts"}; then one {"event": "fleetSummary", ...} with the totals and this process's CPU
// time and peak RSS.
// Output: one JSON object per line on stdout ({"event": ..., "id": ...}) for the tests to follow.
// SIGTERM/SIGINT close every connection and exit 0; exit 2 when no charge point could connect.

import { readFileSync } from 'node:fs';

import ocppRpc from 'ocpp-rpc';

const { RPCClient, RPCError, TimeoutError } = ocppRpc;

// Thrown into a charge point's own start-up chain once SIGTERM stopped it; not a failure.
class StoppedError extends Error {}

function parseArgs(argv) {
    const opts = {
        url: 'ws://127.0.0.1:8887',
        id: 'CP1',
        password: undefined,
        count: 1,
        plugIn: false,
        samples: 5,
        meterIntervalMs: 200,
        idTag: '04A2B3C4D5E6F7',
        energyStartWh: 1234567,
        powerW: 7360,
        socStart: 20,
        vendor: 'OpenVPPSim',
        model: 'SimAC-22',
        ca: undefined,
        credentials: undefined,
        sequence: false,
        staggerMs: 0,
        quiet: false,
        reconnect: false,
        serialField: 'point',
    };
    for (let i = 2; i < argv.length; ++i) {
        const arg = argv[i];
        const next = () => {
            if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
            return argv[++i];
        };
        switch (arg) {
        case '--url': opts.url = next(); break;
        case '--id': opts.id = next(); break;
        case '--password': opts.password = next(); break;
        case '--count': opts.count = Number.parseInt(next(), 10); break;
        case '--plug-in': opts.plugIn = true; break;
        case '--samples': opts.samples = Number.parseInt(next(), 10); break;
        case '--meter-interval-ms': opts.meterIntervalMs = Number.parseInt(next(), 10); break;
        case '--id-tag': opts.idTag = next(); break;
        case '--energy-start': opts.energyStartWh = Number.parseInt(next(), 10); break;
        case '--power-w': opts.powerW = Number.parseInt(next(), 10); break;
        case '--soc-start': opts.socStart = Number.parseInt(next(), 10); break;
        case '--ca': opts.ca = readFileSync(next()); break;
        case '--credentials': opts.credentials = JSON.parse(readFileSync(next(), 'utf8')); break;
        case '--sequence': opts.sequence = true; break;
        case '--stagger-ms': opts.staggerMs = Number.parseInt(next(), 10); break;
        case '--quiet': opts.quiet = true; break;
        case '--reconnect': opts.reconnect = true; break;
        case '--serial-field': opts.serialField = next(); break;
        default: throw new Error(`unknown argument ${arg}`);
        }
    }
    if (!(opts.count >= 1)) throw new Error('--count must be at least 1');
    if (opts.credentials !== undefined && !Array.isArray(opts.credentials))
        opts.credentials = Array.isArray(opts.credentials?.chargers) ? opts.credentials.chargers : [opts.credentials];
    if (opts.credentials !== undefined
        && (!Array.isArray(opts.credentials) || opts.credentials.length === 0
            || !opts.credentials.every((c) => typeof c?.id === 'string' && typeof c?.password === 'string')))
        throw new Error('--credentials wants a non-empty JSON list of {"id", "password"}');
    if (!(opts.staggerMs >= 0)) throw new Error('--stagger-ms must be 0 or more');
    if (!['point', 'box', 'none'].includes(opts.serialField))
        throw new Error('--serial-field is point, box or none');
    if (opts.sequence) opts.energyStartWh = 0;
    return opts;
}

function emit(event, id, fields = {}) {
    process.stdout.write(JSON.stringify({ event, id, ...fields }) + '\n');
}

const now = () => new Date().toISOString();

class ChargePoint {
    constructor(id, opts, password = opts.password) {
        this.id = id;
        this.opts = opts;
        // Bookkeeping for the end-of-run summary.
        this.connected = false;
        this.booted = false; // a BootNotification was accepted once
        this.samplesLeft = Infinity;
        this.stopped = false;
        this.inFlight = new Set();
        this.sent = 0; // MeterValues sent (with --sequence: the last sequence number)
        this.acked = 0; // MeterValues the central system answered with a CALLRESULT
        this.callErrors = 0; // CALLERRORs to any of our CALLs
        this.timeouts = 0; // CALLs with no answer in time
        this.energyWh = opts.energyStartWh;
        this.soc = opts.socStart;
        this.maxPowerW = opts.powerW;
        this.limitW = undefined; // from SetChargingProfile
        this.transactionId = undefined;
        this.busy = false;
        this.heartbeatTimer = undefined;
        this.meterTimer = undefined;
        this.client = new RPCClient({
            endpoint: opts.url,
            identity: id,
            password,
            protocols: ['ocpp1.6'],
            strictMode: true,
            reconnect: opts.reconnect,
            callTimeoutMs: 10000,
            wsOpts: opts.ca ? { ca: opts.ca } : {},
        });
        this.client.on('strictValidationFailure', ({ method, outbound, isCall, error }) => {
            emit('strictValidationFailure', id, { method, outbound, isCall, message: String(error?.message) });
        });
        this.client.on('badMessage', ({ buffer, error }) => {
            emit('badMessage', id, { message: String(error?.message), buffer: String(buffer) });
        });
        // With --reconnect a drop is 'disconnect' followed by a new 'open'; 'close' is final.
        this.client.on('disconnect', ({ code }) => {
            if (!this.opts.reconnect || this.stopped) return;
            this.stopTimers();
            emit('connectionLost', id, { code });
        });
        this.client.on('open', () => {
            if (!this.booted || this.stopped) return; // the first connection boots in start()
            emit('reconnected', id);
            this.boot().catch((e) => this.fail(e));
        });
        this.client.on('close', ({ code }) => {
            this.stopTimers();
            emit('disconnected', id, { code });
        });
        this.registerHandlers();
    }

    power() {
        return this.limitW === undefined ? this.maxPowerW : Math.min(this.maxPowerW, this.limitW);
    }

    registerHandlers() {
        const c = this.client;
        c.handle('RemoteStartTransaction', ({ params }) => {
            emit('remoteStart', this.id, { idTag: params.idTag });
            if (this.busy) return { status: 'Rejected' };
            this.busy = true;
            // Answer first, then plug in: the StartTransaction follows the .conf.
            setTimeout(() => this.charge(params.idTag, 0).catch((e) => this.fail(e)), 10);
            return { status: 'Accepted' };
        });
        c.handle('RemoteStopTransaction', ({ params }) => {
            emit('remoteStop', this.id, { transactionId: params.transactionId });
            if (this.transactionId === undefined || params.transactionId !== this.transactionId)
                return { status: 'Rejected' };
            setTimeout(() => this.stopCharging('Remote').catch((e) => this.fail(e)), 10);
            return { status: 'Accepted' };
        });
        c.handle('SetChargingProfile', ({ params }) => {
            const schedule = params.csChargingProfiles.chargingSchedule;
            const first = schedule.chargingSchedulePeriod[0];
            this.limitW = schedule.chargingRateUnit === 'W' ? first.limit : first.limit * 230 * (first.numberPhases ?? 3);
            emit('chargingProfile', this.id, {
                connectorId: params.connectorId,
                purpose: params.csChargingProfiles.chargingProfilePurpose,
                rateUnit: schedule.chargingRateUnit,
                limit: first.limit,
            });
            return { status: 'Accepted' };
        });
        c.handle('ChangeConfiguration', ({ params }) => {
            emit('changeConfiguration', this.id, { key: params.key, value: params.value });
            if (params.key === 'HeartbeatInterval') {
                const seconds = Number.parseInt(params.value, 10);
                if (!(seconds > 0)) return { status: 'Rejected' };
                this.startHeartbeat(seconds);
                return { status: 'Accepted' };
            }
            return { status: 'NotSupported' };
        });
        c.handle('TriggerMessage', ({ params }) => {
            emit('triggerMessage', this.id, { requestedMessage: params.requestedMessage });
            const send = {
                Heartbeat: () => this.call('Heartbeat', {}),
                StatusNotification: () => this.status(params.connectorId ?? 1, this.busy ? 'Charging' : 'Available'),
                MeterValues: () => this.sendMeterValues('Trigger'),
            }[params.requestedMessage];
            if (!send) return { status: 'NotImplemented' };
            setTimeout(() => send().catch((e) => this.fail(e)), 10);
            return { status: 'Accepted' };
        });
    }

    fail(error) {
        if (error instanceof StoppedError) return;
        emit('error', this.id, { message: String(error?.message ?? error) });
    }

    // Every CALL goes through here, so SIGTERM can wait for the answers still due and the
    // summary can count CALLERRORs and timeouts.
    call(method, params) {
        if (this.stopped) return Promise.reject(new StoppedError('stopped'));
        const pending = this.client.call(method, params).catch((error) => {
            if (error instanceof RPCError) this.callErrors += 1;
            else if (error instanceof TimeoutError) this.timeouts += 1;
            throw error;
        });
        this.inFlight.add(pending);
        const done = () => this.inFlight.delete(pending);
        pending.then(done, done);
        return pending;
    }

    stopTimers() {
        clearInterval(this.heartbeatTimer);
        clearInterval(this.meterTimer);
        this.heartbeatTimer = undefined;
        this.meterTimer = undefined;
    }

    startHeartbeat(seconds) {
        clearInterval(this.heartbeatTimer);
        this.heartbeatTimer = setInterval(() => {
            this.call('Heartbeat', {}).catch((e) => this.fail(e));
        }, seconds * 1000);
    }

    status(connectorId, status) {
        return this.call('StatusNotification', {
            connectorId, errorCode: 'NoError', status, timestamp: now(),
        });
    }

    async start() {
        for (let delay = 1000; ; delay = Math.min(2 * delay, 10000)) {
            try {
                await this.client.connect();
                break;
            } catch (error) {
                emit('connectFailed', this.id, { status: error.code ?? null, message: String(error.message) });
                if (!this.opts.reconnect || this.stopped) return false;
                await new Promise((resolve) => setTimeout(resolve, delay));
                if (this.stopped) return false;
            }
        }
        this.connected = true;
        emit('connected', this.id);
        await this.boot();
        return true;
    }

    // The serial number as the charger reports it: in chargePointSerialNumber, in the older
    // chargeBoxSerialNumber (deprecated in 1.6, still the only one some chargers send), or not
    // at all (both fields are optional).
    serialFields() {
        const serial = `${this.id}-SN`.slice(0, 25);
        if (this.opts.serialField === 'box') return { chargeBoxSerialNumber: serial };
        if (this.opts.serialField === 'none') return {};
        return { chargePointSerialNumber: serial };
    }

    // BootNotification, Heartbeat, StatusNotifications; on a reconnection, the running
    // transaction carries on (a charger keeps charging while its central system is away).
    async boot() {
        const boot = await this.call('BootNotification', {
            chargePointVendor: this.opts.vendor,
            chargePointModel: this.opts.model,
            ...this.serialFields(),
            firmwareVersion: '1.0.0',
        });
        emit('booted', this.id, { status: boot.status, interval: boot.interval });
        if (boot.status !== 'Accepted') return;
        const rebooted = this.booted;
        this.booted = true;
        this.startHeartbeat(boot.interval);
        await this.status(0, 'Available');
        if (rebooted && this.transactionId !== undefined) {
            await this.status(1, 'Charging');
            this.startMeter();
            return;
        }
        await this.status(1, 'Available');
        if (this.opts.plugIn && !rebooted) {
            this.busy = true;
            await this.charge(this.opts.idTag, this.opts.samples);
        }
    }

    async charge(idTag, samples) {
        await this.status(1, 'Preparing');
        const started = await this.call('StartTransaction', {
            connectorId: 1, idTag, meterStart: this.energyWh, timestamp: now(),
        });
        this.transactionId = started.transactionId;
        emit('transactionStarted', this.id, {
            transactionId: started.transactionId, idTagStatus: started.idTagInfo.status, meterStart: this.energyWh,
        });
        await this.status(1, 'Charging');
        this.samplesLeft = samples > 0 ? samples : Infinity;
        this.startMeter();
    }

    startMeter() {
        if (this.stopped) return;
        clearInterval(this.meterTimer);
        this.meterTimer = setInterval(async () => {
            try {
                // One simulated minute of charging per sample; with --sequence, 1 Wh per sample.
                this.energyWh += this.opts.sequence ? 1 : Math.round(this.power() / 60);
                this.soc = Math.min(100, this.soc + 1);
                await this.sendMeterValues('Sample.Periodic');
                this.samplesLeft -= 1;
                if (this.samplesLeft <= 0) await this.stopCharging('EVDisconnected');
            } catch (e) {
                this.fail(e);
            }
        }, this.opts.meterIntervalMs);
    }

    async sendMeterValues(context) {
        const payload = {
            connectorId: 1,
            meterValue: [{
                timestamp: now(),
                sampledValue: [
                    { value: String(this.energyWh), context, measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
                    { value: this.power().toFixed(1), context, measurand: 'Power.Active.Import', unit: 'W' },
                    { value: String(this.soc), context, measurand: 'SoC', location: 'EV', unit: 'Percent' },
                ],
            }],
        };
        if (this.transactionId !== undefined) payload.transactionId = this.transactionId;
        const reply = this.call('MeterValues', payload);
        this.sent += 1;
        await reply;
        this.acked += 1;
        if (!this.opts.quiet)
            emit('meterValues', this.id, { energyWh: this.energyWh, powerW: this.power(), soc: this.soc });
    }

    async stopCharging(reason) {
        if (this.transactionId === undefined) return;
        clearInterval(this.meterTimer);
        this.meterTimer = undefined;
        const transactionId = this.transactionId;
        this.transactionId = undefined;
        const timestamp = now();
        await this.call('StopTransaction', {
            transactionId, meterStop: this.energyWh, timestamp, idTag: this.opts.idTag, reason,
            transactionData: [{
                timestamp,
                sampledValue: [{ value: String(this.energyWh), context: 'Transaction.End', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
            }],
        });
        emit('transactionStopped', this.id, { transactionId, meterStop: this.energyWh, reason });
        await this.status(1, 'Finishing');
        await this.status(1, 'Available');
        this.busy = false;
    }

    // Sends nothing new; resolves once every CALL already sent has its answer (or timed out).
    async drain() {
        this.stopped = true;
        this.stopTimers();
        while (this.inFlight.size > 0)
            await Promise.allSettled([...this.inFlight]);
    }

    summary() {
        return {
            connected: this.connected, sent: this.sent, acked: this.acked,
            callErrors: this.callErrors, timeouts: this.timeouts,
        };
    }

    async close() {
        this.stopTimers();
        await this.client.close({ force: true }).catch(() => {});
    }
}

async function main() {
    const opts = parseArgs(process.argv);
    let points;
    if (opts.credentials) {
        points = opts.credentials.map(({ id, password }) => new ChargePoint(id, opts, password));
    } else {
        const ids = opts.count === 1
            ? [opts.id]
            : Array.from({ length: opts.count }, (_, i) => `${opts.id}-${String(i + 1).padStart(3, '0')}`);
        points = ids.map((id) => new ChargePoint(id, opts));
    }

    const staggerTimers = [];
    let closing = false;
    const shutdown = async () => {
        if (closing) return;
        closing = true;
        staggerTimers.forEach(clearTimeout);
        // Only the load benchmark needs every answer (its central system keeps serving); a test
        // that blocks its own event loop while it waits for us to exit must not wait for ours.
        if (opts.sequence) await Promise.all(points.map((p) => p.drain()));
        else points.forEach((p) => { p.stopped = true; p.stopTimers(); });
        const total = { chargers: points.length, connected: 0, sent: 0, acked: 0, callErrors: 0, timeouts: 0 };
        for (const p of points) {
            const s = p.summary();
            emit('summary', p.id, s);
            total.connected += s.connected ? 1 : 0;
            for (const key of ['sent', 'acked', 'callErrors', 'timeouts']) total[key] += s[key];
        }
        const usage = process.resourceUsage();
        emit('fleetSummary', null, {
            ...total, cpuUserUs: usage.userCPUTime, cpuSystemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS,
        });
        await Promise.all(points.map((p) => p.close()));
        // stdout is a non-blocking pipe: exit only once everything written has reached it, or
        // the summary lines the load benchmark waits for are cut off.
        await new Promise((resolve) => process.stdout.write('', resolve));
        process.exit(0);
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);

    // Charge point i of n connects at i/n of the stagger window.
    const startOne = (p, i) => new Promise((resolve) => {
        const delay = points.length > 1 ? Math.floor((i * opts.staggerMs) / points.length) : 0;
        staggerTimers.push(setTimeout(() => {
            if (closing) return resolve(false);
            p.start().then(resolve, (e) => {
                p.fail(e);
                resolve(true);
            });
        }, delay));
    });
    const started = await Promise.all(points.map(startOne));
    if (!closing && !started.some(Boolean)) {
        emit('exit', null, { code: 2 });
        process.exit(2);
    }
}

main().catch((error) => {
    process.stderr.write(`chargepoint: ${error.message}\n`);
    process.exit(1);
});
