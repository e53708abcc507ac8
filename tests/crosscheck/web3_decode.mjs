// @solana/web3.js (+ @solana/spl-token) decoding of any transaction into the RPC's jsonParsed
// shape, signature checks with node:crypto, and order-insensitive JSON comparison: the
// reference side of crosscheck.mjs and of the `ovpp` cross-checks (ovpp_web3.mjs). Import it
// only after checking that node_modules is installed.

import { createPublicKey, verify as verifySignature } from 'node:crypto';
import * as web3 from '@solana/web3.js';
import * as spl from '@solana/spl-token';

const {
    ComputeBudgetInstruction, ComputeBudgetProgram, PublicKey, SystemInstruction, SystemProgram,
    TransactionInstruction,
} = web3;
const MEMO = new PublicKey('MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr');
const TOKEN = spl.TOKEN_PROGRAM_ID;
const TOKEN_2022 = spl.TOKEN_2022_PROGRAM_ID;

// --- web3.js-side decoder into the RPC jsonParsed shape ------------------------------------
const MAX_SAFE = 9007199254740991n;
const u64Json = (v) => (BigInt(v) <= MAX_SAFE ? Number(v) : BigInt(v).toString());

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58(bytes) { // an independent encoder, not the one web3.js uses
    let n = 0n;
    for (const b of bytes) n = (n << 8n) | BigInt(b);
    let out = '';
    while (n > 0n) { out = BASE58[Number(n % 58n)] + out; n /= 58n; }
    for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
    return out;
}

function uiAmountString(amount, decimals) {
    const digits = BigInt(amount).toString();
    if (decimals === 0) return digits;
    const padded = digits.padStart(decimals + 1, '0');
    return `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}`.replace(/0+$/, '')
        .replace(/\.$/, '');
}

const authorityFields = (info, authority, multiSigners, ownerField, multisigField) => {
    if (multiSigners.length > 0) {
        info[multisigField] = authority.toBase58();
        info.signers = multiSigners.map((m) => m.pubkey.toBase58());
    } else {
        info[ownerField] = authority.toBase58();
    }
    return info;
};

function decodeParsed(programId, accounts, data) {
    const keys = accounts.map((pubkey) => ({ pubkey, isSigner: false, isWritable: false }));
    const ix = new TransactionInstruction({ programId, keys, data: Buffer.from(data) });
    const a = accounts.map((k) => k.toBase58());
    if (programId.equals(SystemProgram.programId)) {
        const type = SystemInstruction.decodeInstructionType(ix);
        if (type === 'Transfer') {
            const d = SystemInstruction.decodeTransfer(ix);
            return ['system', { type: 'transfer', info: { source: a[0], destination: a[1],
                lamports: u64Json(d.lamports) } }];
        }
        if (type === 'Create') {
            const d = SystemInstruction.decodeCreateAccount(ix);
            return ['system', { type: 'createAccount', info: { source: a[0], newAccount: a[1],
                lamports: u64Json(d.lamports), space: u64Json(d.space),
                owner: d.programId.toBase58() } }];
        }
        return null;
    }
    if (programId.equals(TOKEN) || programId.equals(TOKEN_2022)) {
        const d = spl.decodeInstruction(ix, programId);
        switch (d.data.instruction) {
        case spl.TokenInstruction.TransferChecked:
            return ['spl-token', { type: 'transferChecked', info: authorityFields({
                source: a[0], mint: a[1], destination: a[2],
                tokenAmount: { amount: d.data.amount.toString(), decimals: d.data.decimals,
                    uiAmountString: uiAmountString(d.data.amount, d.data.decimals) },
            }, d.keys.owner.pubkey, d.keys.multiSigners, 'authority', 'multisigAuthority') }];
        case spl.TokenInstruction.MintTo:
            return ['spl-token', { type: 'mintTo', info: authorityFields({
                mint: a[0], account: a[1], amount: d.data.amount.toString(),
            }, d.keys.authority.pubkey, d.keys.multiSigners, 'mintAuthority',
            'multisigMintAuthority') }];
        case spl.TokenInstruction.InitializeMint2: {
            const info = { mint: a[0], decimals: d.data.decimals,
                mintAuthority: d.data.mintAuthority.toBase58() };
            if (d.data.freezeAuthority) info.freezeAuthority = d.data.freezeAuthority.toBase58();
            return ['spl-token', { type: 'initializeMint2', info }];
        }
        default:
            return null;
        }
    }
    if (programId.equals(spl.ASSOCIATED_TOKEN_PROGRAM_ID)) {
        const type = data.length === 0 || (data.length === 1 && data[0] === 0) ? 'create'
            : data.length === 1 && data[0] === 1 ? 'createIdempotent' : null;
        if (!type || a.length < 6) return null;
        return ['spl-associated-token-account', { type, info: { source: a[0], account: a[1],
            wallet: a[2], mint: a[3], systemProgram: a[4], tokenProgram: a[5] } }];
    }
    if (programId.equals(MEMO)) {
        return ['spl-memo', new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(data)];
    }
    if (programId.equals(ComputeBudgetProgram.programId)) {
        const type = ComputeBudgetInstruction.decodeInstructionType(ix);
        if (type === 'SetComputeUnitLimit') {
            return ['compute-budget', { type: 'setComputeUnitLimit',
                info: { units: ComputeBudgetInstruction.decodeSetComputeUnitLimit(ix).units } }];
        }
        if (type === 'SetComputeUnitPrice') {
            return ['compute-budget', { type: 'setComputeUnitPrice', info: { microLamports:
                u64Json(ComputeBudgetInstruction.decodeSetComputeUnitPrice(ix).microLamports) } }];
        }
        return null;
    }
    return null;
}

function jsDecodeInstruction(programId, accounts, data) {
    let parsed = null;
    try { parsed = decodeParsed(programId, accounts, data); } catch { parsed = null; }
    if (parsed) {
        return { program: parsed[0], programId: programId.toBase58(), parsed: parsed[1],
            stackHeight: null };
    }
    return { programId: programId.toBase58(), accounts: accounts.map((k) => k.toBase58()),
        data: base58(data), stackHeight: null };
}

function jsDecodeTransaction(tx, tables) {
    const m = tx.message;
    const keys = tables ? m.getAccountKeys({ addressLookupTableAccounts: tables }) : m.getAccountKeys();
    const staticCount = m.staticAccountKeys.length;
    const accountKeys = [];
    for (let i = 0; i < keys.length; ++i) {
        accountKeys.push({ pubkey: keys.get(i).toBase58(), signer: m.isAccountSigner(i),
            writable: m.isAccountWritable(i), source: i < staticCount ? 'transaction' : 'lookupTable' });
    }
    const message = {
        accountKeys,
        recentBlockhash: m.recentBlockhash,
        instructions: m.compiledInstructions.map((ci) => jsDecodeInstruction(
            keys.get(ci.programIdIndex), ci.accountKeyIndexes.map((i) => keys.get(i)), ci.data)),
    };
    if (m.version === 0) {
        message.addressTableLookups = m.addressTableLookups.map((l) => ({
            accountKey: l.accountKey.toBase58(), writableIndexes: [...l.writableIndexes],
            readonlyIndexes: [...l.readonlyIndexes] }));
    }
    return { signatures: tx.signatures.map((s) => base58(s)), message,
        version: m.version === 'legacy' ? 'legacy' : m.version };
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
function verifyAll(tx) {
    const message = Buffer.from(tx.message.serialize());
    return tx.signatures.every((sig, i) => verifySignature(null, message,
        createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX,
            tx.message.staticAccountKeys[i].toBuffer()]), format: 'der', type: 'spki' }),
        Buffer.from(sig)));
}

// Key order of objects does not matter (QJsonObject sorts keys); arrays keep their order.
function canonical(value) {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
    }
    return value;
}
const same = (x, y) => JSON.stringify(canonical(x)) === JSON.stringify(canonical(y));

export { base58, canonical, jsDecodeTransaction, same, u64Json, verifyAll };
