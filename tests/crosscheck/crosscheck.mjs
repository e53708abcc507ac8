// Cross-check of core/solana against @solana/web3.js (+ @solana/spl-token).
//
//   node tests/crosscheck/crosscheck.mjs --tool <path to solana_tx_tool> [--count N] [--seed S]
//
// For N seeded random transaction descriptions (random keys and amounts including u64 edges,
// memos with non-ASCII text, compute budget, SOL and token transfers, ATA creation, multisig
// authorities, unknown programs, several signers, legacy and v0):
//   1. both sides build and sign them: the wire bytes must be EQUAL (or, for a transaction over
//      1232 bytes, both must refuse it);
//   2. each side decodes the OTHER side's bytes into the RPC jsonParsed shape (this side with
//      web3.js/spl-token decoders, see jsDecodeTransaction) and the results must be equal;
//      signatures are verified on both sides (here with node:crypto);
//   3. v0 transactions WITH address lookup tables (web3.js builds them; ours only decodes) are
//      decoded by both sides with the same loaded addresses and compared;
//   4. random find_program_address inputs give the same address and bump.
// Exit status: 0 all equal, 1 a difference (the first ones are printed), 77 skipped because
// node_modules is not installed (ctest SKIP_RETURN_CODE).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
for (const pkg of ['@solana/web3.js', '@solana/spl-token']) {
    if (!existsSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url))) {
        console.log(`SKIP: ${pkg} is not installed in ${root}node_modules; run "npm ci" there ` +
            'to enable the @solana/web3.js cross-check');
        process.exit(77);
    }
}

const web3 = await import('@solana/web3.js');
const spl = await import('@solana/spl-token');
const {
    AddressLookupTableAccount, ComputeBudgetInstruction, ComputeBudgetProgram, Keypair, PublicKey,
    SystemInstruction, SystemProgram, TransactionInstruction, TransactionMessage,
    VersionedTransaction,
} = web3;
const { base58, canonical, jsDecodeTransaction, same, verifyAll } = await import('./web3_decode.mjs');

// --- arguments ----------------------------------------------------------------------------
const args = process.argv.slice(2);
const option = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const toolPath = option('--tool', process.env.OVPP_SOLANA_TX_TOOL);
const count = Number(option('--count', '300'));
const seed = Number(option('--seed', '20240601'));
if (!toolPath || !existsSync(toolPath)) {
    console.error(`crosscheck: --tool must name the built solana_tx_tool (got ${toolPath})`);
    process.exit(2);
}

// --- deterministic randomness (mulberry32) --------------------------------------------------
function makeRng(s) {
    let state = s >>> 0;
    const next = () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const rng = {
        float: next,
        int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
        bool: (p = 0.5) => next() < p,
        pick: (list) => list[Math.floor(next() * list.length)],
        bytes: (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256)),
        u64: () => {
            const edges = [0n, 1n, 9007199254740991n, 9007199254740992n, 18446744073709551615n];
            if (next() < 0.2) return rng.pick(edges);
            const bits = rng.pick([8, 20, 32, 53, 64]);
            let v = 0n;
            for (let i = 0; i < 8; ++i) v = (v << 8n) | BigInt(Math.floor(next() * 256));
            return v & ((1n << BigInt(bits)) - 1n);
        },
    };
    return rng;
}
const rng = makeRng(seed);

const hex = (bytes) => Buffer.from(bytes).toString('hex');
const MEMO = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const TOKEN = spl.TOKEN_PROGRAM_ID;
const TOKEN_2022 = spl.TOKEN_2022_PROGRAM_ID;

// A signer: its seed goes to the C++ tool, the Keypair signs here.
function newSigner() {
    const seedBytes = rng.bytes(32);
    return { seedHex: hex(seedBytes), keypair: Keypair.fromSeed(seedBytes) };
}
const randomKey = () => new PublicKey(rng.bytes(32));
const MEMO_ALPHABET = ['a', 'b', 'Z', '0', ' ', '-', 'é', 'ß', '✓', '€', '日本', '😀', 'Ω', '\n'];
const randomText = (max) => {
    let s = '';
    const n = rng.int(0, max);
    for (let i = 0; i < n; ++i) s += rng.pick(MEMO_ALPHABET);
    return s;
};

// One random transaction: the description for C++, the instructions and signers for web3.js.
function randomTransaction(index) {
    const payer = newSigner();
    const cosigners = [newSigner(), newSigner(), newSigner()];
    const used = new Set([payer]);
    const signerOf = () => {
        const s = rng.bool(0.5) ? payer : rng.pick(cosigners);
        used.add(s);
        return s;
    };
    const desc = [];
    const js = [];
    const add = (d, ix) => { desc.push(d); js.push(ix); };

    if (rng.bool(0.4)) {
        const units = rng.int(0, 1_400_000);
        add({ kind: 'setComputeUnitLimit', units: String(units) },
            ComputeBudgetProgram.setComputeUnitLimit({ units }));
    }
    if (rng.bool(0.4)) {
        const microLamports = rng.u64();
        add({ kind: 'setComputeUnitPrice', microLamports: String(microLamports) },
            ComputeBudgetProgram.setComputeUnitPrice({ microLamports }));
    }
    const main = rng.int(1, 4);
    for (let i = 0; i < main; ++i) {
        const kind = rng.pick(['transfer', 'transfer', 'memo', 'memo', 'transferChecked',
            'transferChecked', 'createAtaIdempotent', 'createAta', 'createAccount', 'mintTo',
            'initializeMint2', 'raw']);
        switch (kind) {
        case 'transfer': {
            const from = signerOf();
            const to = randomKey();
            const lamports = rng.u64();
            add({ kind, from: from.keypair.publicKey.toBase58(), to: to.toBase58(),
                lamports: String(lamports) },
            SystemProgram.transfer({ fromPubkey: from.keypair.publicKey, toPubkey: to, lamports }));
            break;
        }
        case 'memo': {
            const text = randomText(rng.bool(0.05) ? 1200 : 60);
            const signers = rng.bool(0.3) ? [signerOf()] : [];
            add({ kind, text, signers: signers.map((s) => s.keypair.publicKey.toBase58()) },
                new TransactionInstruction({
                    programId: MEMO,
                    keys: signers.map((s) => ({ pubkey: s.keypair.publicKey, isSigner: true,
                        isWritable: false })),
                    data: Buffer.from(text, 'utf8'),
                }));
            break;
        }
        case 'transferChecked':
        case 'mintTo': {
            const programId = rng.bool(0.2) ? TOKEN_2022 : TOKEN;
            const multisig = rng.bool(0.2);
            const authority = multisig ? { keypair: { publicKey: randomKey() } } : signerOf();
            const members = multisig ? [signerOf(), signerOf()].filter((s, j, a) => a.indexOf(s) === j) : [];
            const amount = rng.u64();
            const common = {
                kind, amount: String(amount), programId: programId.toBase58(),
                multisigSigners: members.map((s) => s.keypair.publicKey.toBase58()),
            };
            const memberKeys = members.map((s) => s.keypair.publicKey);
            const auth = authority.keypair.publicKey;
            if (kind === 'transferChecked') {
                const [source, mint, destination] = [randomKey(), randomKey(), randomKey()];
                const decimals = rng.int(0, 18);
                add({ ...common, source: source.toBase58(), mint: mint.toBase58(),
                    destination: destination.toBase58(), owner: auth.toBase58(), decimals },
                spl.createTransferCheckedInstruction(source, mint, destination, auth, amount,
                    decimals, memberKeys, programId));
            } else {
                const [mint, destination] = [randomKey(), randomKey()];
                add({ ...common, mint: mint.toBase58(), destination: destination.toBase58(),
                    authority: auth.toBase58() },
                spl.createMintToInstruction(mint, destination, auth, amount, memberKeys, programId));
            }
            break;
        }
        case 'createAta':
        case 'createAtaIdempotent': {
            const tokenProgram = rng.bool(0.25) ? TOKEN_2022 : TOKEN;
            const [wallet, mint] = [randomKey(), randomKey()];
            const ata = spl.getAssociatedTokenAddressSync(mint, wallet, true, tokenProgram);
            const make = kind === 'createAta' ? spl.createAssociatedTokenAccountInstruction
                : spl.createAssociatedTokenAccountIdempotentInstruction;
            add({ kind, payer: payer.keypair.publicKey.toBase58(), wallet: wallet.toBase58(),
                mint: mint.toBase58(), tokenProgram: tokenProgram.toBase58() },
            make(payer.keypair.publicKey, ata, wallet, mint, tokenProgram));
            break;
        }
        case 'createAccount': {
            const account = rng.pick(cosigners);
            used.add(account);
            // web3.js encodes lamports and space as JS numbers (ns64): stay below 2^53.
            const lamports = rng.int(0, 2 ** 40);
            const space = rng.int(0, 10_000_000);
            const owner = rng.pick([TOKEN, randomKey()]);
            add({ kind, from: payer.keypair.publicKey.toBase58(),
                newAccount: account.keypair.publicKey.toBase58(), lamports: String(lamports),
                space: String(space), owner: owner.toBase58() },
            SystemProgram.createAccount({ fromPubkey: payer.keypair.publicKey,
                newAccountPubkey: account.keypair.publicKey, lamports, space, programId: owner }));
            break;
        }
        case 'initializeMint2': {
            const programId = rng.bool(0.2) ? TOKEN_2022 : TOKEN;
            const [mint, mintAuthority] = [randomKey(), randomKey()];
            const freeze = rng.bool(0.5) ? randomKey() : null;
            const decimals = rng.int(0, 12);
            add({ kind, mint: mint.toBase58(), decimals, mintAuthority: mintAuthority.toBase58(),
                freezeAuthority: freeze ? freeze.toBase58() : null, programId: programId.toBase58() },
            spl.createInitializeMint2Instruction(mint, decimals, mintAuthority, freeze, programId));
            break;
        }
        case 'raw': {
            const programId = randomKey();
            const metas = [];
            const n = rng.int(0, 5);
            for (let j = 0; j < n; ++j) {
                const signer = rng.bool(0.2);
                const pubkey = signer ? signerOf().keypair.publicKey : randomKey();
                metas.push({ pubkey, isSigner: signer, isWritable: rng.bool() });
            }
            const data = rng.bytes(rng.int(0, 40));
            add({ kind, programId: programId.toBase58(), data: hex(data),
                accounts: metas.map((m) => ({ ...m, pubkey: m.pubkey.toBase58() })) },
            new TransactionInstruction({ programId, keys: metas, data: Buffer.from(data) }));
            break;
        }
        default:
            throw new Error(kind);
        }
    }
    const signers = [payer, ...cosigners.filter((c) => used.has(c))];
    const blockhash = new PublicKey(rng.bytes(32)).toBase58();
    const version = rng.bool(0.3) ? 0 : 'legacy';
    return {
        index,
        description: {
            version, feePayer: payer.keypair.publicKey.toBase58(), recentBlockhash: blockhash,
            signerSeeds: signers.map((s) => s.seedHex), instructions: desc,
        },
        js: { payer: payer.keypair, instructions: js, blockhash, version,
            signers: signers.map((s) => s.keypair) },
    };
}

function buildWithWeb3({ payer, instructions, blockhash, version, signers }, tables = []) {
    const message = new TransactionMessage({ payerKey: payer.publicKey, recentBlockhash: blockhash,
        instructions });
    const compiled = version === 0 ? message.compileToV0Message(tables)
        : message.compileToLegacyMessage();
    const tx = new VersionedTransaction(compiled);
    tx.sign(signers);
    return tx;
}


// --- lookup-table transactions (web3.js builds, both decode) --------------------------------
function lookupTable() {
    const addresses = Array.from({ length: rng.int(3, 20) }, randomKey);
    return new AddressLookupTableAccount({ key: randomKey(), state: {
        deactivationSlot: 18446744073709551615n, lastExtendedSlot: 0,
        lastExtendedSlotStartIndex: 0, authority: undefined, addresses } });
}

function randomLookupTransaction() {
    const payer = newSigner();
    const tables = [lookupTable(), lookupTable()];
    const fromTable = () => { const t = rng.pick(tables); return rng.pick(t.state.addresses); };
    const instructions = [];
    const n = rng.int(1, 4);
    for (let i = 0; i < n; ++i) {
        switch (rng.int(0, 2)) {
        case 0:
            instructions.push(SystemProgram.transfer({ fromPubkey: payer.keypair.publicKey,
                toPubkey: fromTable(), lamports: rng.u64() }));
            break;
        case 1:
            instructions.push(spl.createTransferCheckedInstruction(fromTable(), fromTable(),
                fromTable(), payer.keypair.publicKey, rng.u64(), rng.int(0, 9)));
            break;
        default:
            instructions.push(new TransactionInstruction({ programId: randomKey(),
                keys: Array.from({ length: rng.int(1, 6) }, () => ({ pubkey: fromTable(),
                    isSigner: false, isWritable: rng.bool() })),
                data: Buffer.from(rng.bytes(rng.int(0, 12))) }));
        }
    }
    const tx = buildWithWeb3({ payer: payer.keypair, instructions, version: 0,
        blockhash: new PublicKey(rng.bytes(32)).toBase58(), signers: [payer.keypair] }, tables);
    const keys = tx.message.getAccountKeys({ addressLookupTableAccounts: tables });
    return { tx, tables, loadedAddresses: {
        writable: keys.accountKeysFromLookups.writable.map((k) => k.toBase58()),
        readonly: keys.accountKeysFromLookups.readonly.map((k) => k.toBase58()) } };
}

// --- run ----------------------------------------------------------------------------------
const cases = Array.from({ length: count }, (_, i) => randomTransaction(i));
const jsBuilt = cases.map((c) => {
    // web3.js serializes a legacy message into a 1232-byte buffer and a transaction into a
    // 2048-byte one, throwing a RangeError beyond them: such a transaction is oversize anyway.
    let tx = null;
    let wire = null;
    try {
        tx = buildWithWeb3(c.js);
        wire = Buffer.from(tx.serialize());
    } catch (error) {
        if (!(error instanceof RangeError)) throw error;
    }
    return { tx, wire, oversize: !wire || wire.length > 1232 };
});
const lookups = Array.from({ length: Math.max(4, Math.floor(count / 5)) }, randomLookupTransaction);
const pdas = Array.from({ length: Math.max(8, Math.floor(count / 3)) }, () => ({
    seeds: Array.from({ length: rng.int(0, 4) }, () => rng.bytes(rng.int(0, 32))),
    programId: randomKey(),
}));

const request = {
    build: cases.map((c) => c.description),
    decode: [
        ...jsBuilt.filter((b) => !b.oversize).map((b) => ({ wire: b.wire.toString('base64') })),
        ...lookups.map((l) => ({ wire: Buffer.from(l.tx.serialize()).toString('base64'),
            loadedAddresses: l.loadedAddresses })),
    ],
    pda: pdas.map((p) => ({ seeds: p.seeds.map(hex), programId: p.programId.toBase58() })),
};
const run = spawnSync(toolPath, [], { input: JSON.stringify(request), maxBuffer: 1 << 28 });
if (run.status !== 0) {
    console.error(`crosscheck: ${toolPath} failed (status ${run.status}):\n${run.stderr}`);
    process.exit(1);
}
const answer = JSON.parse(run.stdout.toString());

const failures = [];
const fail = (what, detail) => failures.push(`${what}\n${detail}`);
let identical = 0; let oversize = 0; let decodedBoth = 0;
let decodeIndex = 0;
cases.forEach((c, i) => {
    const cpp = answer.built[i];
    const js = jsBuilt[i];
    if (js.oversize) {
        ++oversize;
        if (!cpp.error || !cpp.error.includes('1232')) {
            fail(`case ${i}: web3.js built ${js.wire ? js.wire.length : '> 2048'} bytes (> 1232) but C++ did not refuse`,
                JSON.stringify(cpp));
        }
        return;
    }
    if (cpp.error) { fail(`case ${i}: C++ failed to build`, cpp.error); ++decodeIndex; return; }
    if (cpp.wire !== js.wire.toString('base64')) {
        fail(`case ${i}: wire bytes differ`, `description: ${JSON.stringify(c.description)}\n` +
            `  C++:     ${cpp.wire}\n  web3.js: ${js.wire.toString('base64')}`);
        ++decodeIndex;
        return;
    }
    if (cpp.id !== base58(js.tx.signatures[0])) fail(`case ${i}: ids differ`, `${cpp.id}`);
    ++identical;

    // Each side decodes the other's bytes.
    const cppDecodedJs = answer.decoded[decodeIndex++];
    const jsDecodedCpp = jsDecodeTransaction(VersionedTransaction.deserialize(
        Buffer.from(cpp.wire, 'base64')));
    if (cppDecodedJs.error) { fail(`case ${i}: C++ could not decode web3.js bytes`, cppDecodedJs.error); return; }
    if (!cppDecodedJs.signaturesVerify) fail(`case ${i}: C++ rejects web3.js signatures`, '');
    if (!verifyAll(VersionedTransaction.deserialize(Buffer.from(cpp.wire, 'base64')))) {
        fail(`case ${i}: node:crypto rejects the C++ signatures`, '');
    }
    if (!same(cppDecodedJs.transaction, jsDecodedCpp)) {
        fail(`case ${i}: decoded transactions differ`,
            `  C++:     ${JSON.stringify(canonical(cppDecodedJs.transaction))}\n` +
            `  web3.js: ${JSON.stringify(canonical(jsDecodedCpp))}`);
        return;
    }
    ++decodedBoth;
});

let lookupsEqual = 0;
lookups.forEach((l, i) => {
    const cpp = answer.decoded[decodeIndex++];
    const js = jsDecodeTransaction(l.tx, l.tables);
    if (cpp.error) { fail(`lookup ${i}: C++ could not decode`, cpp.error); return; }
    if (!cpp.signaturesVerify) fail(`lookup ${i}: C++ rejects the signature`, '');
    if (l.tx.message.addressTableLookups.length === 0) fail(`lookup ${i}: no lookups were used`, '');
    if (!same(cpp.transaction, js)) {
        fail(`lookup ${i}: decoded transactions differ`,
            `  C++:     ${JSON.stringify(canonical(cpp.transaction))}\n  web3.js: ${JSON.stringify(canonical(js))}`);
        return;
    }
    ++lookupsEqual;
});

let pdasEqual = 0;
pdas.forEach((p, i) => {
    const [address, bump] = PublicKey.findProgramAddressSync(p.seeds.map((s) => Buffer.from(s)), p.programId);
    const cpp = answer.pda[i];
    if (cpp.error || cpp.address !== address.toBase58() || cpp.bump !== bump) {
        fail(`pda ${i}: differs`, `C++ ${JSON.stringify(cpp)} web3.js ${address.toBase58()}/${bump}`);
        return;
    }
    ++pdasEqual;
});

const versions = cases.reduce((acc, c) => { acc[c.description.version] = (acc[c.description.version] ?? 0) + 1; return acc; }, {});
console.log(`crosscheck (seed ${seed}): ${count} random transactions (legacy ${versions.legacy ?? 0}, v0 ${versions[0] ?? 0}): ` +
    `${identical} byte-identical, ${decodedBoth} decoded identically both ways, ` +
    `${oversize} over 1232 bytes refused by C++; ${lookupsEqual}/${lookups.length} v0 lookup-table ` +
    `transactions decoded identically; ${pdasEqual}/${pdas.length} PDAs equal`);
if (failures.length > 0) {
    console.log(`${failures.length} difference(s); the first ones:`);
    for (const f of failures.slice(0, 5)) console.log(`- ${f}`);
    process.exit(1);
}
if (identical + oversize !== count || decodedBoth !== identical) process.exit(1);
