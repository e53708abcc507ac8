// Account views as a validator's RPC returns them: encodings (base64, base58, jsonParsed) and the
// SPL Token parsers used by jsonParsed, getTokenAccountsByOwner and the token balances of a
// transaction's metadata.
import { base58Encode, readU64LE, toBase64 } from './codec.mjs';

export const TOKEN_PROGRAM = 'TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA';
export const TOKEN_2022_PROGRAM = 'TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb';
export const TOKEN_PROGRAMS = new Set([TOKEN_PROGRAM, TOKEN_2022_PROGRAM]);
export const NATIVE_MINT = 'So11111111111111111111111111111111111111112';

const TOKEN_ACCOUNT_LEN = 165;
const MINT_LEN = 82;
// Token-2022 puts an account-type byte right after the 165-byte base when extensions follow.
const ACCOUNT_TYPE_MINT = 1;
const ACCOUNT_TYPE_ACCOUNT = 2;

/** A plain snapshot of a litesvm Account (its getters cross into native code on each call). */
export function snapshot(account) {
    if (!account) return null;
    return {
        lamports: account.lamports(),
        data: account.data(),
        owner: base58Encode(account.owner()),
        executable: account.executable(),
        rentEpoch: account.rentEpoch(),
    };
}

export function tokenKind(acc) {
    if (!acc || !TOKEN_PROGRAMS.has(acc.owner)) return null;
    const n = acc.data.length;
    if (acc.owner === TOKEN_PROGRAM) return n === TOKEN_ACCOUNT_LEN ? 'account' : n === MINT_LEN ? 'mint' : null;
    if (n === TOKEN_ACCOUNT_LEN) return 'account';
    if (n === MINT_LEN) return 'mint';
    if (n > TOKEN_ACCOUNT_LEN && acc.data[TOKEN_ACCOUNT_LEN] === ACCOUNT_TYPE_ACCOUNT) return 'account';
    if (n > TOKEN_ACCOUNT_LEN && acc.data[TOKEN_ACCOUNT_LEN] === ACCOUNT_TYPE_MINT) return 'mint';
    return null;
}

function optionalKey(data, offset) {
    const tag = data.readUInt32LE(offset);
    return tag === 1 ? base58Encode(data.subarray(offset + 4, offset + 36)) : null;
}

export function parseMint(acc) {
    const d = Buffer.from(acc.data);
    return {
        mintAuthority: optionalKey(d, 0),
        supply: readU64LE(d, 36),
        decimals: d[44],
        isInitialized: d[45] === 1,
        freezeAuthority: optionalKey(d, 46),
    };
}

export function parseTokenAccount(acc) {
    const d = Buffer.from(acc.data);
    const nativeTag = d.readUInt32LE(109);
    return {
        mint: base58Encode(d.subarray(0, 32)),
        owner: base58Encode(d.subarray(32, 64)),
        amount: readU64LE(d, 64),
        delegate: optionalKey(d, 72),
        state: d[108], // 0 uninitialized, 1 initialized, 2 frozen
        rentExemptReserve: nativeTag === 1 ? readU64LE(d, 113) : null,
        delegatedAmount: readU64LE(d, 121),
        closeAuthority: optionalKey(d, 129),
    };
}

/** "1.5" for 1500000 with 6 decimals: exact decimal text, trailing zeros dropped. */
export function formatUiAmount(amount, decimals) {
    const digits = amount.toString().padStart(decimals + 1, '0');
    const whole = digits.slice(0, digits.length - decimals);
    const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
    return fraction ? `${whole}.${fraction}` : whole;
}

export function tokenAmount(amount, decimals) {
    const uiAmountString = formatUiAmount(amount, decimals);
    // uiAmount is a float on a validator too (deprecated there for this reason).
    return { amount: amount.toString(), decimals, uiAmount: Number(uiAmountString), uiAmountString };
}

const STATES = ['uninitialized', 'initialized', 'frozen'];

/** The jsonParsed `data` of a token account or mint; null when no parser applies. */
export function parseTokenData(acc, decimalsOfMint) {
    const kind = tokenKind(acc);
    if (!kind) return null;
    const program = acc.owner === TOKEN_PROGRAM ? 'spl-token' : 'spl-token-2022';
    if (kind === 'mint') {
        const m = parseMint(acc);
        return {
            program,
            parsed: {
                info: { ...m, supply: m.supply.toString() },
                type: 'mint',
            },
            space: acc.data.length,
        };
    }
    const t = parseTokenAccount(acc);
    const decimals = decimalsOfMint(t.mint);
    if (decimals === null || t.state === 0) return null; // a validator cannot parse these either
    const info = {
        isNative: t.rentExemptReserve !== null,
        mint: t.mint,
        owner: t.owner,
        state: STATES[t.state] ?? 'uninitialized',
        tokenAmount: tokenAmount(t.amount, decimals),
    };
    if (t.delegate) {
        info.delegate = t.delegate;
        info.delegatedAmount = tokenAmount(t.delegatedAmount, decimals);
    }
    if (t.rentExemptReserve !== null) info.rentExemptReserve = tokenAmount(t.rentExemptReserve, decimals);
    if (t.closeAuthority) info.closeAuthority = t.closeAuthority;
    return { program, parsed: { info, type: 'account' }, space: acc.data.length };
}

export class EncodingError extends Error {
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}

/**
 * A UiAccount: {data, executable, lamports, owner, rentEpoch, space}. `encoding` is one of
 * binary (legacy: a bare base58 string), base58, base64, jsonParsed; dataSlice {offset, length}.
 */
export function encodeAccount(acc, encoding, dataSlice, decimalsOfMint) {
    let data = acc.data;
    if (dataSlice && encoding !== 'jsonParsed') {
        const offset = Math.min(dataSlice.offset, data.length);
        data = data.subarray(offset, Math.min(offset + dataSlice.length, data.length));
    }
    let encoded;
    switch (encoding) {
    case 'binary':
    case 'base58':
        if (data.length > 128)
            throw new EncodingError(-32600,
                'Encoded binary (base 58) data should be less than 128 bytes, please use Base64 encoding.');
        encoded = encoding === 'binary' ? base58Encode(data) : [base58Encode(data), 'base58'];
        break;
    case 'base64':
        encoded = [toBase64(data), 'base64'];
        break;
    case 'jsonParsed':
        encoded = parseTokenData(acc, decimalsOfMint) ?? [toBase64(data), 'base64'];
        break;
    case 'base64+zstd':
        throw new EncodingError(-32602, 'Invalid params: base64+zstd is not supported by the sandbox');
    default:
        throw new EncodingError(-32602, `Invalid params: unknown variant \`${encoding}\``);
    }
    return {
        data: encoded,
        executable: acc.executable,
        lamports: acc.lamports,
        owner: acc.owner,
        rentEpoch: acc.rentEpoch,
        space: acc.data.length,
    };
}
