// The @solana/web3.js side of the `ovpp` cross-checks (tests/cli/SolanaCommandsTest.cpp):
//
//   node ovpp_web3.mjs sign-only --keypair FILE --to ADDRESS --lamports N --blockhash HASH
//        [--memo TEXT] [--price MICROLAMPORTS] --ours BASE64
//     builds and signs with web3.js what `ovpp transfer --sign-only` should have built (the
//     compute-budget pair when --price is given, one SystemProgram transfer, the memo after it)
//     and checks the signatures of ovpp's bytes (--ours) with node:crypto. Prints
//     {"transaction": "<web3.js base64>", "signature": "<base58>", "oursVerifies": true|false}.
//   node ovpp_web3.mjs decode --tx BASE64
//     prints web3.js's decoding of the bytes in the RPC's jsonParsed shape.
//
// Exit status 0, or 2 for a bad command line; 77 when node_modules is not installed.

import { existsSync, readFileSync } from 'node:fs';

for (const pkg of ['@solana/web3.js', '@solana/spl-token']) {
    if (!existsSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url))) {
        console.log(`SKIP: ${pkg} is not installed; run "npm ci" in the repository`);
        process.exit(77);
    }
}
const {
    ComputeBudgetProgram, Keypair, PublicKey, SystemProgram, TransactionInstruction,
    TransactionMessage, VersionedTransaction,
} = await import('@solana/web3.js');
const { base58, jsDecodeTransaction, verifyAll } = await import('./web3_decode.mjs');

const [mode, ...rest] = process.argv.slice(2);
const option = (name) => {
    const i = rest.indexOf(name);
    return i >= 0 && i + 1 < rest.length ? rest[i + 1] : undefined;
};
const fromBase64 = (text) => VersionedTransaction.deserialize(Buffer.from(text, 'base64'));

if (mode === 'sign-only') {
    const payer = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(option('--keypair'), 'utf8'))));
    const instructions = [];
    if (option('--price') !== undefined) {
        instructions.push(ComputeBudgetProgram.setComputeUnitLimit({ units: 200000 }));
        instructions.push(ComputeBudgetProgram.setComputeUnitPrice({ microLamports: BigInt(option('--price')) }));
    }
    instructions.push(SystemProgram.transfer({ fromPubkey: payer.publicKey,
        toPubkey: new PublicKey(option('--to')), lamports: BigInt(option('--lamports')) }));
    if (option('--memo') !== undefined) {
        instructions.push(new TransactionInstruction({
            programId: new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr'), keys: [],
            data: Buffer.from(option('--memo'), 'utf8') }));
    }
    const message = new TransactionMessage({ payerKey: payer.publicKey,
        recentBlockhash: option('--blockhash'), instructions }).compileToLegacyMessage();
    const tx = new VersionedTransaction(message);
    tx.sign([payer]);
    const ours = fromBase64(option('--ours'));
    console.log(JSON.stringify({ transaction: Buffer.from(tx.serialize()).toString('base64'),
        signature: base58(tx.signatures[0]), oursVerifies: verifyAll(ours) }));
} else if (mode === 'decode') {
    console.log(JSON.stringify(jsDecodeTransaction(fromBase64(option('--tx')))));
} else {
    console.error('usage: ovpp_web3.mjs sign-only ... | decode --tx BASE64');
    process.exit(2);
}
