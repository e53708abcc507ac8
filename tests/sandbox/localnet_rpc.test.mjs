// The JSON-RPC surface of the sandbox localnet: framing (batches, malformed requests), response
// shapes, u64 fields as integers, the USDE mint set up at start, the faucet endpoint, shutdown.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LocalnetProcess, loadDeps } from './support/harness.mjs';

const { web3, WebSocket } = await loadDeps();

describe('localnet JSON-RPC', () => {
    let net;
    before(async () => {
        net = await LocalnetProcess.start(['--slot-ms', '100']);
    });
    after(async () => {
        await net?.stop();
    });

    test('prints its endpoints as NAME=URL lines', () => {
        const port = new URL(net.env.RPC_URL).port;
        assert.match(net.env.RPC_URL, /^http:\/\/127\.0\.0\.1:\d+$/);
        assert.equal(net.env.WS_URL, `ws://127.0.0.1:${port}`);
        assert.equal(net.env.FAUCET_URL, `${net.env.RPC_URL}/faucet`);
        assert.doesNotThrow(() => new web3.PublicKey(net.env.USDE_MINT));
    });

    test('malformed JSON is a -32700 parse error with a null id', async () => {
        const { status, json } = await net.post('{"jsonrpc":"2.0","id":1,"method":');
        assert.equal(status, 200);
        assert.deepEqual(json, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null });
    });

    test('invalid requests and unknown methods get their JSON-RPC codes', async () => {
        const noVersion = await net.post({ id: 7, method: 'getSlot' });
        assert.equal(noVersion.json.error.code, -32600);
        assert.equal(noVersion.json.id, 7);
        const emptyBatch = await net.post([]);
        assert.equal(emptyBatch.json.error.code, -32600);
        const unknown = await net.rpc('getNoSuchThing');
        assert.equal(unknown.error.code, -32601);
        const badKey = await net.rpc('getBalance', ['not-a-key!']);
        assert.equal(badKey.error.code, -32602);
        const objectParams = await net.post({ jsonrpc: '2.0', id: 1, method: 'getSlot', params: { a: 1 } });
        assert.equal(objectParams.json.error.code, -32602);
    });

    test('a batch answers each call by id, errors included, notifications left out', async () => {
        const { json } = await net.post([
            { jsonrpc: '2.0', id: 'a', method: 'getHealth' },
            { jsonrpc: '2.0', id: 2, method: 'getSlot', params: [{ commitment: 'processed' }] },
            { jsonrpc: '2.0', method: 'getHealth' }, // notification: no response
            { jsonrpc: '2.0', id: 3, method: 'getBalance', params: [net.env.USDE_MINT] },
            { jsonrpc: '2.0', id: 4, method: 'noSuchMethod' },
            42,
        ]);
        assert.equal(json.length, 5);
        const byId = new Map(json.filter((r) => r.id !== null).map((r) => [r.id, r]));
        assert.equal(byId.get('a').result, 'ok');
        assert.ok(Number.isInteger(byId.get(2).result));
        assert.ok(byId.get(3).result.value > 0);
        assert.equal(byId.get(3).result.context.slot >= 0, true);
        assert.equal(byId.get(4).error.code, -32601);
        assert.equal(json.find((r) => r.id === null).error.code, -32600);
    });

    test('u64 fields are JSON integers, exact beyond 2^53', async () => {
        const { text, json } = await net.post({
            jsonrpc: '2.0', id: 1, method: 'getAccountInfo', params: [net.env.USDE_MINT, { encoding: 'base64' }],
        });
        assert.match(text, /"rentEpoch":18446744073709551615[,}]/);
        assert.equal(typeof json.result.value.lamports, 'number');
        assert.equal(json.result.value.space, 82);
    });

    test('the USDE mint exists with 6 decimals and the printed authority', async () => {
        const { value } = await net.call('getAccountInfo', [net.env.USDE_MINT, { encoding: 'jsonParsed' }]);
        assert.equal(value.owner, 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA');
        assert.equal(value.data.program, 'spl-token');
        assert.equal(value.data.parsed.type, 'mint');
        assert.equal(value.data.parsed.info.decimals, 6);
        assert.equal(value.data.parsed.info.mintAuthority, net.env.USDE_MINT_AUTHORITY);
        assert.equal(value.data.parsed.info.freezeAuthority, null);
        const supply = await net.call('getTokenSupply', [net.env.USDE_MINT]);
        assert.equal(supply.value.decimals, 6);
    });

    test('the same seed gives the same mint on every start', async () => {
        const other = await LocalnetProcess.start(['--slot-ms', '0']);
        const reseeded = await LocalnetProcess.start(['--slot-ms', '0', '--seed', 'another']);
        try {
            assert.equal(other.env.USDE_MINT, net.env.USDE_MINT);
            assert.equal(other.env.USDE_MINT_AUTHORITY, net.env.USDE_MINT_AUTHORITY);
            assert.notEqual(reseeded.env.USDE_MINT, net.env.USDE_MINT);
        } finally {
            await other.stop();
            await reseeded.stop();
        }
    });

    test('chain-state methods answer in validator shapes', async () => {
        const latest = await net.call('getLatestBlockhash', [{ commitment: 'confirmed' }]);
        assert.equal(typeof latest.context.slot, 'number');
        assert.equal(new web3.PublicKey(latest.value.blockhash).toBytes().length, 32);
        const height = await net.call('getBlockHeight', [{ commitment: 'processed' }]);
        assert.equal(latest.value.lastValidBlockHeight - height <= 150, true);
        assert.equal(latest.value.lastValidBlockHeight > height, true);

        const version = await net.call('getVersion');
        assert.equal(typeof version['solana-core'], 'string');
        assert.equal(await net.call('getHealth'), 'ok');
        const genesis = await net.call('getGenesisHash');
        assert.equal(await net.call('getGenesisHash'), genesis);
        const epoch = await net.call('getEpochInfo', [{ commitment: 'processed' }]);
        assert.equal(epoch.epoch, 0);
        assert.equal(epoch.slotIndex, epoch.absoluteSlot);
        assert.equal(epoch.slotsInEpoch, 432000);
        assert.ok(epoch.transactionCount >= 1);

        const rent = await net.call('getMinimumBalanceForRentExemption', [165]);
        assert.equal(rent, 2039280);
        const valid = await net.call('isBlockhashValid', [latest.value.blockhash, { commitment: 'processed' }]);
        assert.equal(valid.value, true);
    });

    test('slots advance on the timer and finalized lags behind processed', async () => {
        const start = await net.call('getSlot', [{ commitment: 'processed' }]);
        await net.waitForSlot(start + 3);
        const [processed, finalized] = await Promise.all([
            net.call('getSlot', [{ commitment: 'processed' }]),
            net.call('getSlot', [{ commitment: 'finalized' }]),
        ]);
        assert.ok(processed >= start + 3);
        assert.ok(finalized < processed);
    });

    test('minContextSlot in the future is -32016', async () => {
        const response = await net.rpc('getBalance', [net.env.USDE_MINT, { minContextSlot: 1e9 }]);
        assert.equal(response.error.code, -32016);
    });

    test('the faucet refuses bad requests with 400 and a reason', async () => {
        const owner = web3.Keypair.generate().publicKey.toBase58();
        for (const body of [{ owner, amount: 0 }, { owner, amount: -5 }, { owner, amount: 1.5 },
            { owner: 'nope', amount: 5 }, { amount: 5 }]) {
            const { status, json } = await net.faucet(body.owner, body.amount);
            assert.equal(status, 400, JSON.stringify(body));
            assert.equal(typeof json.error, 'string');
        }
        const notJson = await net.post('{', net.env.FAUCET_URL);
        assert.equal(notJson.status, 400);
    });

    test('the WebSocket serves slot subscriptions and refuses bad ones', async () => {
        const socket = new WebSocket(net.env.WS_URL);
        const messages = [];
        const waiters = [];
        socket.on('message', (data) => {
            messages.push(JSON.parse(data.toString()));
            waiters.splice(0).forEach((wake) => wake());
        });
        const next = async (match) => {
            for (;;) {
                const i = messages.findIndex(match);
                if (i >= 0) return messages.splice(i, 1)[0];
                await new Promise((resolve) => waiters.push(resolve));
            }
        };
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
        try {
            const request = (id, method, params) => socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
            request(1, 'slotSubscribe', []);
            const subscription = (await next((m) => m.id === 1)).result;
            assert.equal(typeof subscription, 'number');
            const first = await next((m) => m.method === 'slotNotification');
            const second = await next((m) => m.method === 'slotNotification');
            assert.equal(first.params.subscription, subscription);
            assert.equal(second.params.result.slot, first.params.result.slot + 1);
            assert.equal(second.params.result.parent, first.params.result.slot);
            request(2, 'slotUnsubscribe', [subscription]);
            assert.equal((await next((m) => m.id === 2)).result, true);
            request(3, 'slotUnsubscribe', [subscription]);
            assert.equal((await next((m) => m.id === 3)).error.code, -32602);
            request(4, 'accountSubscribe', ['not-a-key', { encoding: 'base64' }]);
            assert.equal((await next((m) => m.id === 4)).error.code, -32602);
            request(5, 'signatureSubscribe', ['1111', { commitment: 'confirmed' }]);
            assert.equal((await next((m) => m.id === 5)).error.code, -32602);
            socket.send('{nope');
            assert.equal((await next((m) => m.error?.code === -32700)).id, null);
        } finally {
            socket.close();
        }
    });

    test('SIGTERM stops the server cleanly', async () => {
        const other = await LocalnetProcess.start(['--slot-ms', '50']);
        const { code, signal } = await other.stop();
        assert.equal(signal, null);
        assert.equal(code, 0);
    });
});
