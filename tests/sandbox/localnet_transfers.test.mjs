// Transactions on the sandbox localnet with @solana/web3.js as the client: airdrops, SOL and
// USDE transfers, history and statuses, fees, simulation, v0 messages and the WebSocket.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LAMPORTS_PER_SOL, LocalnetProcess, loadDeps, waitFor } from './support/harness.mjs';

const { web3, spl } = await loadDeps();
const {
    ComputeBudgetProgram, Connection, Keypair, PublicKey, SystemProgram, Transaction,
    TransactionInstruction, TransactionMessage, VersionedTransaction,
} = web3;
const MEMO_PROGRAM = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const ORDER = ['processed', 'confirmed', 'finalized'];

describe('localnet transactions', () => {
    let net;
    let connection;
    let mint;

    before(async () => {
        net = await LocalnetProcess.start(['--slot-ms', '100', '--finality-slots', '4']);
        connection = new Connection(net.rpcUrl, { commitment: 'confirmed', wsEndpoint: net.env.WS_URL });
        mint = new PublicKey(net.env.USDE_MINT);
    });
    after(async () => {
        await net?.stop();
    });

    async function funded(sol) {
        const keypair = Keypair.generate();
        const signature = await connection.requestAirdrop(keypair.publicKey, sol * LAMPORTS_PER_SOL);
        await net.waitForStatus(signature, 'confirmed');
        return keypair;
    }

    async function signed(instructions, signers, blockhash) {
        const tx = new Transaction().add(...instructions);
        tx.feePayer = signers[0].publicKey;
        tx.recentBlockhash = blockhash ?? (await connection.getLatestBlockhash('processed')).blockhash;
        tx.sign(...signers);
        return tx;
    }

    async function sendAndWait(instructions, signers) {
        const tx = await signed(instructions, signers);
        const signature = await connection.sendRawTransaction(tx.serialize());
        await net.waitForStatus(signature, 'confirmed');
        return { signature, tx };
    }

    test('an airdrop credits the balance and shows in the history', async () => {
        const keypair = Keypair.generate();
        const signature = await connection.requestAirdrop(keypair.publicKey, 2 * LAMPORTS_PER_SOL);
        const status = await net.waitForStatus(signature, 'confirmed');
        assert.equal(status.err, null);
        assert.equal(await connection.getBalance(keypair.publicKey), 2 * LAMPORTS_PER_SOL);
        const history = await connection.getSignaturesForAddress(keypair.publicKey);
        assert.deepEqual(history.map((h) => h.signature), [signature]);
    });

    test('a SOL transfer executes, shows in history, and its status progresses to finalized', async () => {
        const alice = await funded(5);
        const bob = Keypair.generate();
        const tx = await signed([SystemProgram.transfer({
            fromPubkey: alice.publicKey, toPubkey: bob.publicKey, lamports: LAMPORTS_PER_SOL,
        })], [alice]);
        const signature = await connection.sendRawTransaction(tx.serialize());

        const seen = [];
        const final = await waitFor('finalized', async () => {
            const { value } = await net.call('getSignatureStatuses', [[signature]]);
            if (value[0]) seen.push(value[0]);
            return value[0]?.confirmationStatus === 'finalized' ? value[0] : null;
        });
        const levels = seen.map((s) => ORDER.indexOf(s.confirmationStatus));
        assert.deepEqual(levels, [...levels].sort(), 'status never goes back');
        assert.ok(seen.every((s) => s.slot === final.slot && s.err === null));
        assert.equal(final.confirmations, null);
        assert.deepEqual(final.status, { Ok: null });
        assert.ok(seen.filter((s) => s.confirmationStatus !== 'finalized').every((s) => s.confirmations >= 0));

        assert.equal(await connection.getBalance(bob.publicKey), LAMPORTS_PER_SOL);
        const got = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
        assert.equal(got.meta.err, null);
        assert.equal(got.meta.fee, 5000);
        assert.equal(await connection.getBalance(alice.publicKey), 4 * LAMPORTS_PER_SOL - got.meta.fee);
        assert.equal(got.transaction.message.staticAccountKeys[0].toBase58(), alice.publicKey.toBase58());
        assert.deepEqual(got.meta.postBalances.slice(0, 2),
            [got.meta.preBalances[0] - LAMPORTS_PER_SOL - 5000, LAMPORTS_PER_SOL]);
        assert.equal(got.slot, final.slot);

        const raw = await net.call('getTransaction', [signature, { encoding: 'base64', commitment: 'finalized' }]);
        assert.deepEqual(Buffer.from(raw.transaction[0], 'base64'), tx.serialize());
        assert.equal(raw.version, undefined); // only with maxSupportedTransactionVersion

        for (const who of [alice, bob]) {
            const list = await net.call('getSignaturesForAddress', [who.publicKey.toBase58(), { commitment: 'finalized' }]);
            assert.equal(list[0].signature, signature);
            assert.equal(list[0].confirmationStatus, 'finalized');
            assert.equal(list[0].err, null);
        }
        const processed = await net.rpc('getSignaturesForAddress', [bob.publicKey.toBase58(), { commitment: 'processed' }]);
        assert.equal(processed.error.code, -32602);
        const paged = await net.call('getSignaturesForAddress', [alice.publicKey.toBase58(), { before: signature }]);
        assert.equal(paged.length, 1); // the airdrop
        assert.notEqual(paged[0].signature, signature);
    });

    test('a blockhash a few blocks old is still accepted', async () => {
        const alice = await funded(1);
        const { blockhash } = await connection.getLatestBlockhash('processed');
        const slot = await net.call('getSlot', [{ commitment: 'processed' }]);
        await net.waitForSlot(slot + 3);
        const tx = await signed([SystemProgram.transfer({
            fromPubkey: alice.publicKey, toPubkey: Keypair.generate().publicKey, lamports: LAMPORTS_PER_SOL / 10,
        })], [alice], blockhash);
        const signature = await connection.sendRawTransaction(tx.serialize());
        assert.equal((await net.waitForStatus(signature)).err, null);
    });

    test('a USDE TransferChecked creates the recipient\'s token account', async () => {
        const alice = await funded(1);
        const faucet = await net.faucet(alice.publicKey.toBase58(), '25000000');
        assert.equal(faucet.status, 200, faucet.text);
        const aliceAta = spl.getAssociatedTokenAddressSync(mint, alice.publicKey);
        assert.equal(faucet.json.tokenAccount, aliceAta.toBase58());
        await net.waitForStatus(faucet.json.signature);

        const bob = Keypair.generate();
        const bobAta = spl.getAssociatedTokenAddressSync(mint, bob.publicKey);
        assert.equal(await connection.getAccountInfo(bobAta), null);
        const { signature } = await sendAndWait([
            spl.createAssociatedTokenAccountIdempotentInstruction(alice.publicKey, bobAta, bob.publicKey, mint),
            spl.createTransferCheckedInstruction(aliceAta, mint, bobAta, alice.publicKey, 10_500_000n, 6),
        ], [alice]);

        const bobs = await connection.getParsedTokenAccountsByOwner(bob.publicKey, { mint });
        assert.equal(bobs.value.length, 1);
        assert.equal(bobs.value[0].pubkey.toBase58(), bobAta.toBase58());
        const info = bobs.value[0].account.data.parsed.info;
        assert.equal(info.owner, bob.publicKey.toBase58());
        assert.equal(info.state, 'initialized');
        assert.deepEqual(info.tokenAmount, { amount: '10500000', decimals: 6, uiAmount: 10.5, uiAmountString: '10.5' });
        const byProgram = await connection.getParsedTokenAccountsByOwner(bob.publicKey, { programId: spl.TOKEN_PROGRAM_ID });
        assert.equal(byProgram.value.length, 1);
        assert.equal((await connection.getTokenAccountBalance(aliceAta)).value.amount, '14500000');
        const account = await spl.getAccount(connection, bobAta); // base64 bytes, decoded by spl-token
        assert.equal(account.amount, 10_500_000n);
        assert.equal(account.owner.toBase58(), bob.publicKey.toBase58());
        const both = await connection.getMultipleParsedAccounts([aliceAta, bobAta, Keypair.generate().publicKey]);
        assert.deepEqual(both.value.map((a) => a?.data.parsed.info.tokenAmount.amount ?? null),
            ['14500000', '10500000', null]);

        const got = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
        const keys = got.transaction.message.staticAccountKeys.map((k) => k.toBase58());
        const amountAt = (balances, ata) =>
            balances.find((b) => keys[b.accountIndex] === ata.toBase58())?.uiTokenAmount.amount;
        assert.equal(amountAt(got.meta.preTokenBalances, aliceAta), '25000000');
        assert.equal(amountAt(got.meta.postTokenBalances, aliceAta), '14500000');
        assert.equal(amountAt(got.meta.preTokenBalances, bobAta), undefined);
        assert.equal(amountAt(got.meta.postTokenBalances, bobAta), '10500000');
        // litesvm ships p-token, which does not log instruction names like the classic program.
        assert.ok(got.meta.logMessages.includes(`Program ${spl.TOKEN_PROGRAM_ID.toBase58()} invoke [1]`));
        assert.ok(got.meta.innerInstructions.length > 0, 'the ATA program made CPI calls');
        const bobHistory = await connection.getSignaturesForAddress(bobAta);
        assert.equal(bobHistory[0].signature, signature);
    });

    test('getFeeForMessage matches the fee charged, priority fee and memo included', async () => {
        const alice = await funded(1);
        const bob = Keypair.generate().publicKey;
        for (const budget of [
            [ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 50_000 })],
            [ComputeBudgetProgram.setComputeUnitLimit({ units: 40_000 }),
                ComputeBudgetProgram.setComputeUnitPrice({ microLamports: 300_000 })],
        ]) {
            const tx = await signed([
                ...budget,
                SystemProgram.transfer({ fromPubkey: alice.publicKey, toPubkey: bob, lamports: LAMPORTS_PER_SOL / 100 }),
                new TransactionInstruction({ programId: MEMO_PROGRAM, keys: [], data: Buffer.from('openvpp') }),
            ], [alice]);
            const quoted = await connection.getFeeForMessage(tx.compileMessage(), 'processed');
            const signature = await connection.sendRawTransaction(tx.serialize());
            await net.waitForStatus(signature);
            const got = await connection.getTransaction(signature, { maxSupportedTransactionVersion: 0 });
            assert.equal(quoted.value, got.meta.fee);
            assert.ok(got.meta.fee > 5000, 'the priority fee is charged');

            const history = await connection.getSignaturesForAddress(alice.publicKey, { limit: 1 });
            assert.equal(history[0].signature, signature);
            assert.equal(history[0].memo, '[7] openvpp');

            const fees = await connection.getRecentPrioritizationFees({ lockedWritableAccounts: [alice.publicKey] });
            const price = budget.at(-1).data.readBigUInt64LE(1);
            assert.ok(fees.some((f) => f.slot === got.slot && BigInt(f.prioritizationFee) === price));
        }
    });

    test('simulateTransaction: unsigned, replaced blockhash, post-state accounts', async () => {
        const alice = await funded(1);
        const bob = Keypair.generate().publicKey;
        const tx = new Transaction().add(SystemProgram.transfer({
            fromPubkey: alice.publicKey, toPubkey: bob, lamports: LAMPORTS_PER_SOL / 2,
        }));
        tx.feePayer = alice.publicKey;
        tx.recentBlockhash = (await connection.getLatestBlockhash('processed')).blockhash;
        const unsigned = tx.serialize({ requireAllSignatures: false, verifySignatures: false }).toString('base64');

        const sim = await net.call('simulateTransaction', [unsigned, {
            encoding: 'base64', accounts: { addresses: [bob.toBase58()], encoding: 'base64' },
        }]);
        assert.equal(sim.value.err, null);
        assert.ok(sim.value.logs.includes('Program 11111111111111111111111111111111 success'));
        assert.equal(sim.value.accounts[0].lamports, LAMPORTS_PER_SOL / 2);
        assert.equal(await connection.getBalance(bob, 'processed'), 0, 'nothing was committed');

        const verified = await net.rpc('simulateTransaction', [unsigned, { encoding: 'base64', sigVerify: true }]);
        assert.equal(verified.error.code, -32003);

        tx.recentBlockhash = new PublicKey(Buffer.alloc(32, 7)).toBase58(); // never a blockhash
        const stale = tx.serialize({ requireAllSignatures: false, verifySignatures: false }).toString('base64');
        const notFound = await net.call('simulateTransaction', [stale, { encoding: 'base64' }]);
        assert.equal(notFound.value.err, 'BlockhashNotFound');
        const replaced = await net.call('simulateTransaction', [stale, { encoding: 'base64', replaceRecentBlockhash: true }]);
        assert.equal(replaced.value.err, null);
        assert.equal(typeof replaced.value.replacementBlockhash.blockhash, 'string');
    });

    test('a v0 transaction executes; getTransaction asks for maxSupportedTransactionVersion', async () => {
        const alice = await funded(1);
        const bob = Keypair.generate().publicKey;
        const message = new TransactionMessage({
            payerKey: alice.publicKey,
            recentBlockhash: (await connection.getLatestBlockhash('processed')).blockhash,
            instructions: [SystemProgram.transfer({ fromPubkey: alice.publicKey, toPubkey: bob, lamports: LAMPORTS_PER_SOL / 4 })],
        }).compileToV0Message();
        const tx = new VersionedTransaction(message);
        tx.sign([alice]);
        const signature = await connection.sendTransaction(tx);
        await net.waitForStatus(signature);
        assert.equal(await connection.getBalance(bob), LAMPORTS_PER_SOL / 4);
        const legacyClient = await net.rpc('getTransaction', [signature, { commitment: 'confirmed' }]);
        assert.equal(legacyClient.error.code, -32015);
        const got = await net.call('getTransaction', [signature,
            { commitment: 'confirmed', maxSupportedTransactionVersion: 0, encoding: 'json' }]);
        assert.equal(got.version, 0);
        assert.deepEqual(got.transaction.message.addressTableLookups, []);
    });

    test('re-sending landed bytes: AlreadyProcessed in preflight, ignored without it', async () => {
        const alice = await funded(1);
        const bob = Keypair.generate().publicKey;
        const { signature, tx } = await sendAndWait([SystemProgram.transfer({
            fromPubkey: alice.publicKey, toPubkey: bob, lamports: LAMPORTS_PER_SOL / 10,
        })], [alice]);
        const bytes = tx.serialize().toString('base64');
        const again = await net.rpc('sendTransaction', [bytes, { encoding: 'base64' }]);
        assert.equal(again.error.code, -32002);
        assert.equal(again.error.message, 'Transaction simulation failed: This transaction has already been processed');
        assert.equal(again.error.data.err, 'AlreadyProcessed');
        const skipped = await net.call('sendTransaction', [bytes, { encoding: 'base64', skipPreflight: true }]);
        assert.equal(skipped, signature);
        assert.equal(await connection.getBalance(bob, 'processed'), LAMPORTS_PER_SOL / 10, 'executed once');
    });

    test('web3.js confirms over the WebSocket and sees account changes', async () => {
        const alice = await funded(1);
        const bob = Keypair.generate().publicKey;
        const ws = new Connection(net.rpcUrl, { commitment: 'confirmed', wsEndpoint: net.env.WS_URL });
        try {
            const changed = new Promise((resolve) => {
                const id = ws.onAccountChange(bob, (info) => {
                    ws.removeAccountChangeListener(id);
                    resolve(info);
                }, { commitment: 'confirmed' });
            });
            const tx = new Transaction().add(SystemProgram.transfer({
                fromPubkey: alice.publicKey, toPubkey: bob, lamports: LAMPORTS_PER_SOL / 5,
            }));
            const signature = await web3.sendAndConfirmTransaction(ws, tx, [alice], { commitment: 'confirmed' });
            const info = await changed;
            assert.equal(info.lamports, LAMPORTS_PER_SOL / 5);
            const status = await ws.getSignatureStatus(signature);
            assert.ok(['confirmed', 'finalized'].includes(status.value.confirmationStatus));
        } finally {
            // web3.js 1.x has no public close; without it the client reconnects forever once the
            // server stops and keeps this test process alive.
            ws._rpcWebSocket.close();
        }
    });
});
