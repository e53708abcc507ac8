// Generates tests/core/solana/data/v0_lookup_vectors.json: v0 transactions WITH address lookup
// tables, built and signed by @solana/web3.js (golden.json has none). The C++ tests decode these
// bytes and compare every field with what web3.js says they contain.
//
//   node tests/crosscheck/gen_v0_lookup_vectors.mjs > tests/core/solana/data/v0_lookup_vectors.json
//
// Deterministic: fixed seeds, fixed blockhash, ed25519 signatures are deterministic.

import {
    AddressLookupTableAccount,
    ComputeBudgetProgram,
    Keypair,
    PublicKey,
    SystemProgram,
    TransactionInstruction,
    TransactionMessage,
    VersionedTransaction,
} from '@solana/web3.js';
import { createTransferCheckedInstruction } from '@solana/spl-token';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// @solana/spl-token does not export its package.json; read the installed copies directly.
const versionOf = (name) =>
    JSON.parse(readFileSync(new URL(`../../node_modules/${name}/package.json`, import.meta.url)))
        .version;
const web3Version = versionOf('@solana/web3.js');
const splVersion = versionOf('@solana/spl-token');

const seeded = (label) =>
    Keypair.fromSeed(createHash('sha256').update(`ovpp/v0-lookup/${label}`).digest());
const keyOf = (label) => seeded(label).publicKey;
const blockhash = new PublicKey(createHash('sha256').update('ovpp/v0-lookup/blockhash').digest())
    .toBase58();
const MEMO = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');

function table(label, count) {
    const addresses = [];
    for (let i = 0; i < count; ++i) addresses.push(keyOf(`${label}/${i}`));
    return new AddressLookupTableAccount({
        key: keyOf(label),
        state: {
            deactivationSlot: BigInt('0xffffffffffffffff'),
            lastExtendedSlot: 0,
            lastExtendedSlotStartIndex: 0,
            authority: undefined,
            addresses,
        },
    });
}

function describe(name, description, signers, instructions, tables) {
    const payer = signers[0];
    const message = new TransactionMessage({
        payerKey: payer.publicKey,
        recentBlockhash: blockhash,
        instructions,
    }).compileToV0Message(tables);
    const tx = new VersionedTransaction(message);
    tx.sign(signers);
    const keys = message.getAccountKeys({ addressLookupTableAccounts: tables });
    const decompiled = TransactionMessage.decompile(message, { addressLookupTableAccounts: tables });
    return {
        name,
        description,
        wire_base64: Buffer.from(tx.serialize()).toString('base64'),
        message_hex: Buffer.from(message.serialize()).toString('hex'),
        signatures_hex: tx.signatures.map((s) => Buffer.from(s).toString('hex')),
        header: {
            numRequiredSignatures: message.header.numRequiredSignatures,
            numReadonlySignedAccounts: message.header.numReadonlySignedAccounts,
            numReadonlyUnsignedAccounts: message.header.numReadonlyUnsignedAccounts,
        },
        static_account_keys: message.staticAccountKeys.map((k) => k.toBase58()),
        recent_blockhash: message.recentBlockhash,
        compiled_instructions: message.compiledInstructions.map((ix) => ({
            programIdIndex: ix.programIdIndex,
            accounts: ix.accountKeyIndexes,
            data_hex: Buffer.from(ix.data).toString('hex'),
        })),
        address_table_lookups: message.addressTableLookups.map((l) => ({
            accountKey: l.accountKey.toBase58(),
            writableIndexes: l.writableIndexes,
            readonlyIndexes: l.readonlyIndexes,
        })),
        loaded_addresses: {
            writable: keys.accountKeysFromLookups.writable.map((k) => k.toBase58()),
            readonly: keys.accountKeysFromLookups.readonly.map((k) => k.toBase58()),
        },
        decompiled_instructions: decompiled.instructions.map((ix) => ({
            programId: ix.programId.toBase58(),
            keys: ix.keys.map((m) => ({
                pubkey: m.pubkey.toBase58(),
                isSigner: m.isSigner,
                isWritable: m.isWritable,
            })),
            data_hex: Buffer.from(ix.data).toString('hex'),
        })),
        tables: tables.map((t) => ({
            key: t.key.toBase58(),
            addresses: t.state.addresses.map((a) => a.toBase58()),
        })),
    };
}

const payer = seeded('payer');
const tableA = table('tableA', 8);
const tableB = table('tableB', 6);
const a = (i) => tableA.state.addresses[i];
const b = (i) => tableB.state.addresses[i];
const unknownProgram = keyOf('program');

const vectors = [
    describe(
        'two_tables_mixed',
        'ComputeBudget limit + System transfer to a looked-up key + TransferChecked whose mint and ' +
            'destination come from a second table + Memo + an unknown program with looked-up ' +
            'read-only accounts',
        [payer],
        [
            ComputeBudgetProgram.setComputeUnitLimit({ units: 300000 }),
            SystemProgram.transfer({ fromPubkey: payer.publicKey, toPubkey: a(2), lamports: 5000000 }),
            createTransferCheckedInstruction(a(3), b(1), b(2), payer.publicKey, 2500000n, 6),
            new TransactionInstruction({
                programId: MEMO,
                keys: [],
                data: Buffer.from('lookup tables ✓', 'utf8'),
            }),
            new TransactionInstruction({
                programId: unknownProgram,
                keys: [
                    { pubkey: a(5), isSigner: false, isWritable: false },
                    { pubkey: b(4), isSigner: false, isWritable: false },
                    { pubkey: a(6), isSigner: false, isWritable: true },
                    { pubkey: payer.publicKey, isSigner: true, isWritable: true },
                ],
                data: Buffer.from([1, 2, 3, 4, 5]),
            }),
        ],
        [tableA, tableB],
    ),
    describe(
        'one_table_readonly_two_signers',
        'Two signers; a memo with a signer account; an unknown program reading three accounts ' +
            'of one table',
        [payer, seeded('cosigner')],
        [
            new TransactionInstruction({
                programId: MEMO,
                keys: [{ pubkey: seeded('cosigner').publicKey, isSigner: true, isWritable: false }],
                data: Buffer.from('co-signed', 'utf8'),
            }),
            new TransactionInstruction({
                programId: unknownProgram,
                keys: [
                    { pubkey: a(0), isSigner: false, isWritable: false },
                    { pubkey: a(7), isSigner: false, isWritable: false },
                    { pubkey: a(1), isSigner: false, isWritable: false },
                ],
                data: Buffer.alloc(0),
            }),
        ],
        [tableA],
    ),
];

process.stdout.write(
    JSON.stringify(
        {
            _about: {
                generated_by: `tests/crosscheck/gen_v0_lookup_vectors.mjs with @solana/web3.js ${web3Version} and @solana/spl-token ${splVersion}`,
                what: 'v0 transactions with address lookup tables (TransactionMessage.compileToV0Message + VersionedTransaction.sign); loaded_addresses and decompiled_instructions are web3.js getAccountKeys()/TransactionMessage.decompile() with the tables listed',
            },
            vectors,
        },
        null,
        1,
    ) + '\n',
);
