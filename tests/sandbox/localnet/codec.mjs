// Byte-level helpers for the localnet: base58, the Solana wire format (decoding only, strictly),
// ed25519 signature checks and a JSON writer that keeps u64 values exact.
import { createPublicKey, verify as cryptoVerify } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const ALPHABET_MAP = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base58Encode(bytes) {
    let zeros = 0;
    while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
    const digits = [];
    for (let i = zeros; i < bytes.length; i++) {
        let carry = bytes[i];
        for (let j = 0; j < digits.length; j++) {
            carry += digits[j] << 8;
            digits[j] = carry % 58;
            carry = (carry / 58) | 0;
        }
        while (carry > 0) {
            digits.push(carry % 58);
            carry = (carry / 58) | 0;
        }
    }
    let out = '1'.repeat(zeros);
    for (let i = digits.length - 1; i >= 0; i--) out += ALPHABET[digits[i]];
    return out;
}

/** Returns the decoded bytes, or null when the text is not base58. */
export function base58Decode(text) {
    if (typeof text !== 'string') return null;
    let zeros = 0;
    while (zeros < text.length && text[zeros] === '1') zeros++;
    const bytes = [];
    for (let i = zeros; i < text.length; i++) {
        let carry = ALPHABET_MAP.get(text[i]);
        if (carry === undefined) return null;
        for (let j = 0; j < bytes.length; j++) {
            carry += bytes[j] * 58;
            bytes[j] = carry & 0xff;
            carry >>= 8;
        }
        while (carry > 0) {
            bytes.push(carry & 0xff);
            carry >>= 8;
        }
    }
    const out = new Uint8Array(zeros + bytes.length);
    for (let i = 0; i < bytes.length; i++) out[out.length - 1 - i] = bytes[i];
    return out;
}

export const toBase64 = (bytes) => Buffer.from(bytes).toString('base64');

/** Strict base64 (RFC 4648 alphabet, optional padding); null when malformed. */
export function fromBase64(text) {
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1)
        return null;
    return new Uint8Array(Buffer.from(text, 'base64'));
}

/**
 * JSON text for a value that may hold bigints. Solana's RPC sends u64 fields as bare JSON integers
 * (rentEpoch is u64::MAX), which JSON.stringify cannot write.
 */
export function stringifyJson(value) {
    if (value === null || value === undefined) return 'null';
    switch (typeof value) {
    case 'bigint':
        return value.toString();
    case 'number':
        return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'string':
    case 'boolean':
        return JSON.stringify(value);
    case 'object':
        if (Array.isArray(value)) return `[${value.map(stringifyJson).join(',')}]`;
        if (value instanceof Uint8Array) return stringifyJson([...value]);
        return `{${Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => `${JSON.stringify(k)}:${stringifyJson(v)}`)
            .join(',')}}`;
    default:
        return 'null';
    }
}

export class DecodeError extends Error {}
/** Bytes that deserialize but break the runtime's sanitize rules. */
export class SanitizeError extends DecodeError {}

class Reader {
    constructor(bytes) {
        this.bytes = bytes;
        this.pos = 0;
    }
    u8() {
        if (this.pos >= this.bytes.length) throw new DecodeError('unexpected end of data');
        return this.bytes[this.pos++];
    }
    take(n) {
        if (this.pos + n > this.bytes.length) throw new DecodeError('unexpected end of data');
        const out = this.bytes.subarray(this.pos, this.pos + n);
        this.pos += n;
        return out;
    }
    // compact-u16: 7 bits per byte, at most 3 bytes, no redundant encodings.
    shortVec() {
        let value = 0;
        for (let i = 0; i < 3; i++) {
            const b = this.u8();
            value |= (b & 0x7f) << (7 * i);
            if ((b & 0x80) === 0) {
                if (i > 0 && b === 0) throw new DecodeError('non-canonical compact-u16');
                if (value > 0xffff) throw new DecodeError('compact-u16 overflow');
                return value;
            }
        }
        throw new DecodeError('compact-u16 too long');
    }
}

/**
 * Decodes a wire transaction (legacy or v0). Throws DecodeError on anything a validator would
 * refuse to deserialize or sanitize. `blockhashOffset` locates the recent blockhash inside the
 * whole transaction so it can be replaced for simulations.
 */
export function decodeTransaction(bytes) {
    const r = new Reader(bytes);
    const signatures = [];
    const numSignatures = r.shortVec();
    for (let i = 0; i < numSignatures; i++) signatures.push(r.take(64));
    const messageStart = r.pos;
    const message = decodeMessageFrom(r);
    if (r.pos !== bytes.length) throw new DecodeError('trailing bytes after the message');
    if (signatures.length !== message.header.numRequiredSignatures)
        throw new SanitizeError('signature count does not match the message header');
    return {
        signatures,
        messageBytes: bytes.subarray(messageStart),
        message,
        blockhashOffset: messageStart + message.blockhashOffset,
    };
}

export function decodeMessage(bytes) {
    const r = new Reader(bytes);
    const message = decodeMessageFrom(r);
    if (r.pos !== bytes.length) throw new DecodeError('trailing bytes after the message');
    return message;
}

function decodeMessageFrom(r) {
    const start = r.pos;
    let version = 'legacy';
    let first = r.u8();
    if (first & 0x80) {
        version = first & 0x7f;
        if (version !== 0) throw new DecodeError(`unsupported message version ${version}`);
        first = r.u8();
    }
    const header = {
        numRequiredSignatures: first,
        numReadonlySignedAccounts: r.u8(),
        numReadonlyUnsignedAccounts: r.u8(),
    };
    const numKeys = r.shortVec();
    const accountKeys = [];
    for (let i = 0; i < numKeys; i++) accountKeys.push(r.take(32));
    const blockhashOffset = r.pos - start;
    const recentBlockhash = r.take(32);
    const instructions = [];
    const numInstructions = r.shortVec();
    for (let i = 0; i < numInstructions; i++) {
        const programIdIndex = r.u8();
        const accounts = [...r.take(r.shortVec())];
        const data = r.take(r.shortVec());
        instructions.push({ programIdIndex, accounts, data });
    }
    const addressTableLookups = [];
    if (version === 0) {
        const numLookups = r.shortVec();
        for (let i = 0; i < numLookups; i++) {
            const accountKey = r.take(32);
            const writableIndexes = [...r.take(r.shortVec())];
            const readonlyIndexes = [...r.take(r.shortVec())];
            addressTableLookups.push({ accountKey, writableIndexes, readonlyIndexes });
        }
    }
    const message = {
        version,
        header,
        accountKeys,
        recentBlockhash,
        instructions,
        addressTableLookups,
        blockhashOffset,
    };
    sanitize(message);
    return message;
}

// The subset of the runtime's sanitize checks that keeps later indexing safe.
function sanitize(m) {
    const h = m.header;
    const numLoaded = m.addressTableLookups.reduce(
        (n, l) => n + l.writableIndexes.length + l.readonlyIndexes.length, 0);
    const total = m.accountKeys.length + numLoaded;
    if (h.numRequiredSignatures === 0) throw new SanitizeError('no signer (fee payer) in the message');
    if (h.numRequiredSignatures > m.accountKeys.length
        || h.numReadonlySignedAccounts >= h.numRequiredSignatures
        || h.numRequiredSignatures + h.numReadonlyUnsignedAccounts > m.accountKeys.length)
        throw new SanitizeError('message header does not fit the account keys');
    if (total > 256) throw new SanitizeError('too many accounts');
    const seen = new Set();
    for (const k of m.accountKeys) {
        const s = Buffer.from(k).toString('hex');
        if (seen.has(s)) throw new SanitizeError('duplicate account key');
        seen.add(s);
    }
    for (const ix of m.instructions) {
        if (ix.programIdIndex === 0 || ix.programIdIndex >= m.accountKeys.length)
            throw new SanitizeError('invalid program id index');
        if (ix.accounts.some((a) => a >= total)) throw new SanitizeError('invalid account index');
    }
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** True when every signature verifies against its signer key over the message bytes. */
export function verifySignatures(tx) {
    return tx.signatures.every((sig, i) => {
        try {
            const key = createPublicKey({
                key: Buffer.concat([ED25519_SPKI_PREFIX, tx.message.accountKeys[i]]),
                format: 'der',
                type: 'spki',
            });
            return cryptoVerify(null, tx.messageBytes, key, sig);
        } catch {
            return false; // a key that is not a valid curve point cannot have signed
        }
    });
}

export function readU64LE(bytes, offset) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).readBigUInt64LE(offset);
}
