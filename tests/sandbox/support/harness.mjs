// Test support: starts the localnet server on a free port as a child process, reads its NAME=URL
// lines and offers raw JSON-RPC helpers. Dependencies are loaded dynamically so a missing
// node_modules fails with instructions instead of a bare module-resolution error.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../..');
const serverScript = path.resolve(here, '../localnet/server.mjs');
const REQUIRED_LINES = ['RPC_URL', 'WS_URL', 'FAUCET_URL', 'USDE_MINT', 'USDE_MINT_AUTHORITY'];
// Guards against hangs only; no test asserts on how long anything takes.
const STARTUP_LIMIT_MS = 60_000;
const WAIT_LIMIT_MS = 60_000;

export async function loadDeps() {
    const missing = ['litesvm', '@solana/web3.js', '@solana/spl-token', 'ws'].filter(
        (pkg) => !existsSync(path.join(repoRoot, 'node_modules', pkg, 'package.json')));
    if (missing.length > 0) {
        throw new Error(`node_modules lacks ${missing.join(', ')}: run \`npm ci\` in ${repoRoot} `
            + '(scripts/install-node-deps does it) before the sandbox tests');
    }
    const web3 = await import('@solana/web3.js');
    const spl = await import('@solana/spl-token');
    const { WebSocket } = await import('ws');
    return { web3, spl, WebSocket };
}

export class LocalnetProcess {
    static async start(args = []) {
        const child = spawn(process.execPath, [serverScript, '--port', '0', ...args], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const self = new LocalnetProcess(child);
        await self.#ready();
        return self;
    }

    constructor(child) {
        this.child = child;
        this.env = {};
        this.stderr = '';
        this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (text) => {
            this.stderr += text;
        });
    }

    #ready() {
        return new Promise((resolve, reject) => {
            let buffer = '';
            const timer = setTimeout(() => {
                this.child.kill('SIGKILL');
                reject(new Error(`localnet did not start; stderr:\n${this.stderr}`));
            }, STARTUP_LIMIT_MS);
            this.child.stdout.setEncoding('utf8');
            this.child.stdout.on('data', (text) => {
                buffer += text;
                for (const line of buffer.split('\n').slice(0, -1)) {
                    const eq = line.indexOf('=');
                    if (eq > 0) this.env[line.slice(0, eq)] = line.slice(eq + 1);
                }
                buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
                if (REQUIRED_LINES.every((k) => k in this.env)) {
                    clearTimeout(timer);
                    resolve();
                }
            });
            this.exited.then(({ code, signal }) => {
                clearTimeout(timer);
                reject(new Error(`localnet exited (${code ?? signal}) before it was ready:\n${this.stderr}`));
            });
        });
    }

    get rpcUrl() {
        return this.env.RPC_URL;
    }

    /** POSTs a body to the RPC endpoint; returns {status, text, json}. */
    async post(body, url = this.rpcUrl) {
        const res = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: typeof body === 'string' ? body : JSON.stringify(body),
        });
        const text = await res.text();
        let json;
        try {
            json = text ? JSON.parse(text) : undefined;
        } catch {
            json = undefined;
        }
        return { status: res.status, text, json };
    }

    /** One JSON-RPC call; returns the whole response object ({result} or {error}). */
    async rpc(method, params = []) {
        const { json } = await this.post({ jsonrpc: '2.0', id: 1, method, params });
        return json;
    }

    /** One JSON-RPC call that must succeed; returns its result. */
    async call(method, params = []) {
        const response = await this.rpc(method, params);
        if (response.error) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
        return response.result;
    }

    async faucet(owner, amount) {
        return this.post({ owner, amount }, this.env.FAUCET_URL);
    }

    /** Polls until the status of a signature reaches a commitment level; returns the status. */
    async waitForStatus(signature, level = 'confirmed') {
        const order = ['processed', 'confirmed', 'finalized'];
        return waitFor(`${signature} to be ${level}`, async () => {
            const { value } = await this.call('getSignatureStatuses', [[signature]]);
            const status = value[0];
            return status && order.indexOf(status.confirmationStatus) >= order.indexOf(level) ? status : null;
        });
    }

    async waitForSlot(slot) {
        return waitFor(`slot ${slot}`, async () => {
            const current = await this.call('getSlot', [{ commitment: 'processed' }]);
            return current >= slot ? current : null;
        });
    }

    /** SIGTERM, then the exit status. */
    async stop() {
        if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
        return this.exited;
    }
}

/** Polls `probe` until it returns a non-null value. */
export async function waitFor(what, probe) {
    const deadline = Date.now() + WAIT_LIMIT_MS;
    for (;;) {
        const value = await probe();
        if (value !== null && value !== undefined && value !== false) return value;
        if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
        await sleep(20);
    }
}

export const LAMPORTS_PER_SOL = 1_000_000_000;
