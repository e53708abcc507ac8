// The same work as tests/bench/bench_solana.cpp, done with @solana/web3.js 1.x, for a
// side-by-side figure (docs/benchmarks.md):
//   build: TransactionMessage.compileToLegacyMessage() of [memo, SystemProgram.transfer],
//          VersionedTransaction.sign(), serialize();
//   decode: VersionedTransaction.deserialize() + decoding both instructions into the same
//          jsonParsed shape (SystemInstruction.decodeTransfer, UTF-8 memo).
//
//   node tests/crosscheck/bench_web3.mjs [--seconds 2]
//
// Each figure is the median of 5 timed runs of at least `--seconds`/5 each, after a warm-up
// (so the JIT has compiled the hot paths).

import {
    Keypair,
    PublicKey,
    SystemInstruction,
    SystemProgram,
    TransactionInstruction,
    TransactionMessage,
    VersionedTransaction,
} from '@solana/web3.js';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] || 2);

const payer = Keypair.fromSeed(new Uint8Array(32).fill(1)); // golden.json's public test payer
const recipient = new PublicKey('9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu');
const blockhash = 'XDFNmKEf9rfrEWfkckeS4nmiD4pcfZ2T44ACSr8FVVZ';
const MEMO = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const memo = 'OpenVPP invoice 2024-06 ✓';

function build() {
    const instructions = [
        new TransactionInstruction({ programId: MEMO, keys: [], data: Buffer.from(memo, 'utf8') }),
        SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: recipient,
            lamports: 1234567 }),
    ];
    const message = new TransactionMessage({ payerKey: payer.publicKey, recentBlockhash: blockhash,
        instructions }).compileToLegacyMessage();
    const tx = new VersionedTransaction(message);
    tx.sign([payer]);
    return tx.serialize();
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decode(wire) {
    const tx = VersionedTransaction.deserialize(wire);
    const m = tx.message;
    const keys = m.getAccountKeys();
    return m.compiledInstructions.map((ci) => {
        const programId = keys.get(ci.programIdIndex);
        const accounts = ci.accountKeyIndexes.map((i) => keys.get(i));
        if (programId.equals(MEMO)) {
            return { program: 'spl-memo', programId: programId.toBase58(),
                parsed: utf8.decode(ci.data), stackHeight: null };
        }
        const ix = new TransactionInstruction({ programId, data: Buffer.from(ci.data),
            keys: accounts.map((pubkey) => ({ pubkey, isSigner: false, isWritable: false })) });
        const { fromPubkey, toPubkey, lamports } = SystemInstruction.decodeTransfer(ix);
        return { program: 'system', programId: programId.toBase58(), stackHeight: null,
            parsed: { type: 'transfer', info: { source: fromPubkey.toBase58(),
                destination: toPubkey.toBase58(), lamports: Number(lamports) } } };
    });
}

function measure(name, fn) {
    const slice = (seconds * 1000) / 5;
    const warmUntil = performance.now() + 300;
    while (performance.now() < warmUntil) fn();
    const runs = [];
    for (let r = 0; r < 5; ++r) {
        let n = 0;
        const start = performance.now();
        let now = start;
        while (now - start < slice) {
            for (let i = 0; i < 50; ++i) fn();
            n += 50;
            now = performance.now();
        }
        runs.push(((now - start) * 1000) / n); // µs per operation
    }
    runs.sort((a, b) => a - b);
    const median = runs[2];
    console.log(`${name.padEnd(44)} ${median.toFixed(2).padStart(9)} us/op   (runs: ${runs
        .map((r) => r.toFixed(2)).join(', ')})`);
    return median;
}

const wire = build();
console.log(`@solana/web3.js on node ${process.version}; transaction ${wire.length} bytes`);
const results = {
    buildSignSerialize: measure('web3 build+sign+serialize SOL transfer+memo', build),
    decode: measure('web3 decode SOL transfer+memo', () => decode(wire)),
};
if (args.includes('--json')) console.log(JSON.stringify(results));
