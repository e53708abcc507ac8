#!/usr/bin/env node
// OpenVPP sandbox localnet: a Solana JSON-RPC server on 127.0.0.1 over litesvm, with a PubSub
// WebSocket on the same port, a USDE mint and a faucet. Prints NAME=URL lines once it listens
// and runs until SIGINT/SIGTERM. See docs/sandbox.md.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Localnet, USDE_DECIMALS } from './Localnet.mjs';
import { PubSub } from './pubsub.mjs';
import { Rpc } from './rpc.mjs';
import { RpcError } from './errors.mjs';

const HOST = '127.0.0.1';
const MAX_BODY = 10 * 1024 * 1024;
const USAGE = `usage: server.mjs [options]
  --port N                 RPC port (default 8899; 0 picks a free one). The WebSocket is served
                           on the same port, and also on port+1 like a validator when free.
  --slot-ms N              milliseconds per slot (default 400; 0 stops the clock)
  --blockhash-ttl-slots N  blocks a blockhash stays valid (default 150)
  --finality-slots N       slots until a transaction is finalized (default 32)
  --seed TEXT              seed of the faucet, USDE mint and mint authority keys
                           (default "openvpp-sandbox")
  --verbose                log every RPC call to stderr
  --help`;

function parseOptions() {
    const { values } = parseArgs({
        options: {
            port: { type: 'string', default: '8899' },
            'slot-ms': { type: 'string', default: '400' },
            'blockhash-ttl-slots': { type: 'string', default: '150' },
            'finality-slots': { type: 'string', default: '32' },
            seed: { type: 'string', default: 'openvpp-sandbox' },
            verbose: { type: 'boolean', default: false },
            help: { type: 'boolean', default: false },
        },
    });
    if (values.help) {
        console.log(USAGE);
        process.exit(0);
    }
    const int = (name, min, max) => {
        const n = Number(values[name]);
        if (!Number.isInteger(n) || n < min || n > max) {
            console.error(`server.mjs: --${name} must be an integer in [${min}, ${max}]\n${USAGE}`);
            process.exit(2);
        }
        return n;
    };
    return {
        port: int('port', 0, 65535),
        slotMs: int('slot-ms', 0, 60_000),
        blockhashTtlSlots: int('blockhash-ttl-slots', 1, 100_000),
        finalitySlots: int('finality-slots', 1, 100_000),
        seed: values.seed,
        verbose: values.verbose,
    };
}

function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY) {
                reject(Object.assign(new Error('request body too large'), { status: 413 }));
                req.destroy();
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

function reply(res, status, body, type = 'application/json') {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
}

/** POST /faucet {owner, amount}: amount in USDE base units (10^-6), a JSON integer or string. */
function faucet(net, text) {
    let request;
    try {
        request = JSON.parse(text);
    } catch {
        return [400, { error: 'body must be JSON: {"owner": "<base58>", "amount": <base units>}' }];
    }
    const { owner, amount } = request ?? {};
    let units;
    if (typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0) units = BigInt(amount);
    else if (typeof amount === 'string' && /^[0-9]{1,20}$/.test(amount)) units = BigInt(amount);
    if (units === undefined || units <= 0n || units >= 1n << 64n)
        return [400, { error: 'amount must be a positive integer of USDE base units (6 decimals)' }];
    if (typeof owner !== 'string') return [400, { error: 'owner must be a base58 address' }];
    try {
        const result = net.mintUsde(owner, units);
        return [200, { ...result, amount: units.toString(), decimals: USDE_DECIMALS }];
    } catch (e) {
        if (e instanceof RpcError) return [400, { error: e.message, data: e.data }];
        if (/public key/i.test(e.message)) return [400, { error: `owner: ${e.message}` }];
        throw e;
    }
}

function listen(server, port) {
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, HOST, () => {
            server.off('error', reject);
            resolve(server.address().port);
        });
    });
}

async function main() {
    const options = parseOptions();
    const log = (line) => process.stderr.write(`[localnet] ${line}\n`);
    const net = new Localnet({ ...options, log });
    const rpc = new Rpc(net, { log });
    const pubsub = new PubSub(net, { log });

    const handler = async (req, res) => {
        try {
            if (req.method === 'GET' && req.url === '/health') return reply(res, 200, 'ok', 'text/plain');
            if (req.method !== 'POST') return reply(res, 405, '{"error":"use POST"}');
            const body = await readBody(req);
            if (req.url === '/faucet') {
                const [status, payload] = faucet(net, body);
                return reply(res, status, JSON.stringify(payload));
            }
            if (options.verbose) log(`rpc ${body.length > 300 ? `${body.slice(0, 300)}…` : body}`);
            const response = rpc.handle(body);
            if (response === null) {
                res.writeHead(204);
                return res.end();
            }
            return reply(res, 200, response);
        } catch (e) {
            if (e.status) return reply(res, e.status, JSON.stringify({ error: e.message }));
            log(`http error: ${e.stack ?? e}`);
            return reply(res, 500, '{"error":"internal error"}');
        }
    };

    const server = createServer(handler);
    const servers = [server];
    const port = await listen(server, options.port);
    pubsub.attach(server);
    // web3.js and the Solana CLI look for the WebSocket one port above the RPC port.
    if (options.port !== 0 && port < 65535) {
        const wsServer = createServer(handler);
        try {
            await listen(wsServer, port + 1);
            pubsub.attach(wsServer);
            servers.push(wsServer);
        } catch (e) {
            log(`WebSocket not served on port ${port + 1} (${e.code ?? e.message}); use WS_URL`);
        }
    }
    net.start();

    let stopping = false;
    const shutdown = (signal) => {
        if (stopping) return;
        stopping = true;
        log(`${signal}: stopping`);
        net.stop();
        pubsub.close();
        let open = servers.length;
        for (const s of servers) {
            s.close(() => {
                if (--open === 0) process.exit(0);
            });
            s.closeAllConnections();
        }
        setTimeout(() => process.exit(0), 2000).unref();
    };
    // Handlers go in before the lines are printed: whoever reads them may signal at once.
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));

    const base = `http://${HOST}:${port}`;
    process.stdout.write([
        `RPC_URL=${base}`,
        `WS_URL=ws://${HOST}:${port}`,
        `FAUCET_URL=${base}/faucet`,
        `USDE_MINT=${net.usdeMint.publicKey.toBase58()}`,
        `USDE_MINT_AUTHORITY=${net.usdeAuthority.publicKey.toBase58()}`,
        '',
    ].join('\n'));
}

main().catch((e) => {
    process.stderr.write(`[localnet] failed to start: ${e.stack ?? e}\n`);
    process.exit(1);
});
