// Failures shaped like a validator's: bad signatures (-32003), failed preflight with logs
// (-32002), expired blockhashes, undecodable transactions; and what skipPreflight does instead.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LAMPORTS_PER_SOL, LocalnetProcess, loadDeps, waitFor } from './support/harness.mjs';

const { web3 } = await loadDeps();
const { Connection, Keypair, SystemProgram, Transaction } = web3;

async function funded(net, connection, sol) {
    const keypair = Keypair.generate();
    await net.waitForStatus(await connection.requestAirdrop(keypair.publicKey, sol * LAMPORTS_PER_SOL));
    return keypair;
}

async function transfer(connection, from, to, lamports, blockhash) {
    const tx = new Transaction().add(SystemProgram.transfer({ fromPubkey: from.publicKey, toPubkey: to, lamports }));
    tx.feePayer = from.publicKey;
    tx.recentBlockhash = blockhash ?? (await connection.getLatestBlockhash('processed')).blockhash;
    tx.sign(from);
    return tx.serialize();
}

const send = (net, bytes, options = {}) =>
    net.rpc('sendTransaction', [Buffer.from(bytes).toString('base64'), { encoding: 'base64', ...options }]);

describe('localnet errors', () => {
    let net;
    let connection;
    before(async () => {
        net = await LocalnetProcess.start(['--slot-ms', '100']);
        connection = new Connection(net.rpcUrl, 'confirmed');
    });
    after(async () => {
        await net?.stop();
    });

    test('a bad signature is -32003; with skipPreflight it is dropped, never executed', async () => {
        const alice = await funded(net, connection, 1);
        const bob = Keypair.generate().publicKey;
        const tampered = [];
        const badSignature = await transfer(connection, alice, bob, LAMPORTS_PER_SOL / 10);
        badSignature[1 + 10] ^= 0xff; // inside signature 0
        tampered.push(badSignature);
        const badMessage = await transfer(connection, alice, bob, LAMPORTS_PER_SOL / 10);
        badMessage[badMessage.length - 1] ^= 0x01; // the amount, after signing
        tampered.push(badMessage);
        for (const bytes of tampered) {
            const response = await send(net, bytes);
            assert.deepEqual(response.error, { code: -32003, message: 'Transaction signature verification failure' });
        }

        const signature = (await send(net, badSignature, { skipPreflight: true })).result;
        assert.match(signature, /^[1-9A-HJ-NP-Za-km-z]{86,88}$/);
        const slot = await net.call('getSlot', [{ commitment: 'processed' }]);
        await net.waitForSlot(slot + 3);
        const { value } = await net.call('getSignatureStatuses', [[signature], { searchTransactionHistory: true }]);
        assert.equal(value[0], null);
        assert.equal(await connection.getBalance(bob, 'processed'), 0);
        assert.equal(await connection.getBalance(alice.publicKey, 'processed'), LAMPORTS_PER_SOL);
    });

    test('insufficient funds fail the preflight with -32002, the error and the logs', async () => {
        const alice = await funded(net, connection, 1);
        const bytes = await transfer(connection, alice, Keypair.generate().publicKey, 5 * LAMPORTS_PER_SOL);
        const { error } = await send(net, bytes);
        assert.equal(error.code, -32002);
        assert.equal(error.message,
            'Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1');
        assert.deepEqual(error.data.err, { InstructionError: [0, { Custom: 1 }] });
        assert.ok(error.data.logs.some((l) => l.startsWith('Transfer: insufficient lamports')), error.data.logs);
        assert.ok(error.data.logs.at(-1).includes('failed: custom program error: 0x1'));

        // The reference client surfaces the same logs.
        await assert.rejects(connection.sendRawTransaction(bytes), (e) => {
            assert.ok(e instanceof web3.SendTransactionError);
            assert.ok(e.logs.some((l) => l.startsWith('Transfer: insufficient lamports')));
            return true;
        });
        assert.equal(await connection.getBalance(alice.publicKey, 'processed'), LAMPORTS_PER_SOL, 'no fee taken');
    });

    test('with skipPreflight a failing transaction lands as failed and pays its fee', async () => {
        const alice = await funded(net, connection, 1);
        const bytes = await transfer(connection, alice, Keypair.generate().publicKey, 5 * LAMPORTS_PER_SOL);
        const signature = (await send(net, bytes, { skipPreflight: true })).result;
        const status = await net.waitForStatus(signature);
        assert.deepEqual(status.err, { InstructionError: [0, { Custom: 1 }] });
        assert.deepEqual(status.status, { Err: status.err });
        const got = await net.call('getTransaction', [signature, { commitment: 'confirmed' }]);
        assert.deepEqual(got.meta.err, status.err);
        assert.equal(got.meta.fee, 5000);
        assert.ok(got.meta.logMessages.some((l) => l.startsWith('Transfer: insufficient lamports')));
        assert.equal(await connection.getBalance(alice.publicKey, 'processed'), LAMPORTS_PER_SOL - 5000);
        const history = await connection.getSignaturesForAddress(alice.publicKey);
        assert.deepEqual(history[0].err, status.err);
    });

    test('a fee payer with no account fails the preflight as AccountNotFound', async () => {
        const nobody = Keypair.generate();
        const bytes = await transfer(connection, nobody, Keypair.generate().publicKey, 1000);
        const { error } = await send(net, bytes);
        assert.equal(error.code, -32002);
        assert.equal(error.data.err, 'AccountNotFound');
        assert.equal(error.message,
            'Transaction simulation failed: Attempt to debit an account but found no record of a prior credit.');
    });

    test('undecodable, unsanitary and oversized transactions are -32602', async () => {
        const alice = await funded(net, connection, 1);
        const good = await transfer(connection, alice, Keypair.generate().publicKey, 1000);
        const cases = [
            good.subarray(0, good.length - 3), // truncated
            Buffer.concat([good, Buffer.from([0])]), // trailing byte
            Buffer.alloc(1300, 1), // over the 1232-byte packet
        ];
        for (const bytes of cases) assert.equal((await send(net, bytes)).error.code, -32602);
        const notBase64 = await net.rpc('sendTransaction', ['***', { encoding: 'base64' }]);
        assert.equal(notBase64.error.code, -32602);
        const zeroSigners = Buffer.from(good);
        zeroSigners[0] = 0; // no signatures, header still asks for one
        assert.equal((await send(net, zeroSigners)).error.code, -32602);
    });
});

describe('localnet blockhash expiry', () => {
    let net;
    let connection;
    before(async () => {
        net = await LocalnetProcess.start(['--slot-ms', '25', '--blockhash-ttl-slots', '8']);
        connection = new Connection(net.rpcUrl, 'confirmed');
    });
    after(async () => {
        await net?.stop();
    });

    test('a blockhash past its last valid block height is not found', async () => {
        const alice = await funded(net, connection, 1);
        const bob = Keypair.generate().publicKey;
        const { blockhash, lastValidBlockHeight } = await connection.getLatestBlockhash('processed');
        const bytes = await transfer(connection, alice, bob, LAMPORTS_PER_SOL / 10, blockhash);
        await waitFor('the blockhash to expire', async () =>
            (await net.call('getBlockHeight', [{ commitment: 'processed' }])) > lastValidBlockHeight);

        const { error } = await send(net, bytes);
        assert.equal(error.code, -32002);
        assert.equal(error.message, 'Transaction simulation failed: Blockhash not found');
        assert.equal(error.data.err, 'BlockhashNotFound');
        assert.deepEqual(error.data.logs, []);

        const valid = await net.call('isBlockhashValid', [blockhash, { commitment: 'processed' }]);
        assert.equal(valid.value, false);
        const message = web3.Transaction.from(bytes).compileMessage();
        assert.equal((await connection.getFeeForMessage(message, 'processed')).value, null);

        const signature = (await send(net, bytes, { skipPreflight: true })).result;
        const slot = await net.call('getSlot', [{ commitment: 'processed' }]);
        await net.waitForSlot(slot + 3);
        const { value } = await net.call('getSignatureStatuses', [[signature], { searchTransactionHistory: true }]);
        assert.equal(value[0], null, 'dropped, as a cluster drops it');
        assert.equal(await connection.getBalance(bob, 'processed'), 0);
    });
});
