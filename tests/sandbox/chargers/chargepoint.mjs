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
// Output: one JSON object per line on stdout ({"event": ..., "id": ...}) for the tests to follow.
// SIGTERM/SIGINT close every connection and exit 0; exit 2 when no charge point could connect.

import { readFileSync } from 'node:fs';

import ocppRpc from 'ocpp-rpc';

const { RPCClient } = ocppRpc;

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
        default: throw new Error(`unknown argument ${arg}`);
        }
    }
    if (!(opts.count >= 1)) throw new Error('--count must be at least 1');
    return opts;
}

function emit(event, id, fields = {}) {
    process.stdout.write(JSON.stringify({ event, id, ...fields }) + '\n');
}

const now = () => new Date().toISOString();

class ChargePoint {
    constructor(id, opts) {
        this.id = id;
        this.opts = opts;
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
            password: opts.password,
            protocols: ['ocpp1.6'],
            strictMode: true,
            reconnect: false,
            callTimeoutMs: 10000,
            wsOpts: opts.ca ? { ca: opts.ca } : {},
        });
        this.client.on('strictValidationFailure', ({ method, outbound, isCall, error }) => {
            emit('strictValidationFailure', id, { method, outbound, isCall, message: String(error?.message) });
        });
        this.client.on('badMessage', ({ buffer, error }) => {
            emit('badMessage', id, { message: String(error?.message), buffer: String(buffer) });
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
                Heartbeat: () => c.call('Heartbeat', {}),
                StatusNotification: () => this.status(params.connectorId ?? 1, this.busy ? 'Charging' : 'Available'),
                MeterValues: () => this.sendMeterValues('Trigger'),
            }[params.requestedMessage];
            if (!send) return { status: 'NotImplemented' };
            setTimeout(() => send().catch((e) => this.fail(e)), 10);
            return { status: 'Accepted' };
        });
    }

    fail(error) {
        emit('error', this.id, { message: String(error?.message ?? error) });
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
            this.client.call('Heartbeat', {}).catch((e) => this.fail(e));
        }, seconds * 1000);
    }

    status(connectorId, status) {
        return this.client.call('StatusNotification', {
            connectorId, errorCode: 'NoError', status, timestamp: now(),
        });
    }

    async start() {
        try {
            await this.client.connect();
        } catch (error) {
            emit('connectFailed', this.id, { status: error.code ?? null, message: String(error.message) });
            return false;
        }
        emit('connected', this.id);
        const boot = await this.client.call('BootNotification', {
            chargePointVendor: this.opts.vendor,
            chargePointModel: this.opts.model,
            chargePointSerialNumber: `${this.id}-SN`.slice(0, 25),
            firmwareVersion: '1.0.0',
        });
        emit('booted', this.id, { status: boot.status, interval: boot.interval });
        if (boot.status !== 'Accepted') return true;
        this.startHeartbeat(boot.interval);
        await this.status(0, 'Available');
        await this.status(1, 'Available');
        if (this.opts.plugIn) {
            this.busy = true;
            await this.charge(this.opts.idTag, this.opts.samples);
        }
        return true;
    }

    async charge(idTag, samples) {
        await this.status(1, 'Preparing');
        const started = await this.client.call('StartTransaction', {
            connectorId: 1, idTag, meterStart: this.energyWh, timestamp: now(),
        });
        this.transactionId = started.transactionId;
        emit('transactionStarted', this.id, {
            transactionId: started.transactionId, idTagStatus: started.idTagInfo.status, meterStart: this.energyWh,
        });
        await this.status(1, 'Charging');
        let sent = 0;
        this.meterTimer = setInterval(async () => {
            try {
                // One simulated minute of charging per sample.
                this.energyWh += Math.round(this.power() / 60);
                this.soc = Math.min(100, this.soc + 1);
                await this.sendMeterValues('Sample.Periodic');
                sent += 1;
                if (samples > 0 && sent >= samples) await this.stopCharging('EVDisconnected');
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
        await this.client.call('MeterValues', payload);
        emit('meterValues', this.id, { energyWh: this.energyWh, powerW: this.power(), soc: this.soc });
    }

    async stopCharging(reason) {
        if (this.transactionId === undefined) return;
        clearInterval(this.meterTimer);
        this.meterTimer = undefined;
        const transactionId = this.transactionId;
        this.transactionId = undefined;
        const timestamp = now();
        await this.client.call('StopTransaction', {
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

    async close() {
        this.stopTimers();
        await this.client.close({ force: true }).catch(() => {});
    }
}

async function main() {
    const opts = parseArgs(process.argv);
    const ids = opts.count === 1
        ? [opts.id]
        : Array.from({ length: opts.count }, (_, i) => `${opts.id}-${String(i + 1).padStart(3, '0')}`);
    const points = ids.map((id) => new ChargePoint(id, opts));

    let closing = false;
    const shutdown = async () => {
        if (closing) return;
        closing = true;
        await Promise.all(points.map((p) => p.close()));
        process.exit(0);
    };
    process.on('SIGTERM', shutdown);
    process.on('SIGINT', shutdown);

    const started = await Promise.all(points.map((p) => p.start().catch((e) => {
        p.fail(e);
        return true;
    })));
    if (!started.some(Boolean)) {
        emit('exit', null, { code: 2 });
        process.exit(2);
    }
}

main().catch((error) => {
    process.stderr.write(`chargepoint: ${error.message}\n`);
    process.exit(1);
});
