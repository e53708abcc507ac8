// Solana JSON-RPC 2.0 over a Localnet: request parsing, batches, parameter checks and response
// shapes as a validator sends them ({context:{apiVersion, slot}, value} where it wraps, u64 as
// JSON integers, its error codes and texts).
import { createRequire } from 'node:module';
import {
    encodeAccount,
    EncodingError,
    parseMint,
    parseTokenAccount,
    tokenAmount,
    tokenKind,
    TOKEN_PROGRAMS,
} from './accounts.mjs';
import {
    base58Decode,
    base58Encode,
    decodeMessage,
    DecodeError,
    fromBase64,
    stringifyJson,
    verifySignatures,
} from './codec.mjs';
import { invalidParams, RpcError } from './errors.mjs';
import { MAX_TX_SIZE } from './Localnet.mjs';

const require = createRequire(import.meta.url);
const LITESVM_VERSION = require('litesvm/package.json').version;
// Honest about what answers: clients that gate on a validator version see no real one.
export const SOLANA_CORE_VERSION = `litesvm-${LITESVM_VERSION}`;

const MAX_BASE58_TX = 1683;
const MAX_BASE64_TX = 1644;
const LEGACY_COMMITMENTS = {
    processed: 'processed',
    confirmed: 'confirmed',
    finalized: 'finalized',
    recent: 'processed',
    single: 'confirmed',
    singleGossip: 'confirmed',
    root: 'finalized',
    max: 'finalized',
};

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function config(params, index) {
    const c = params[index];
    if (c === undefined || c === null) return {};
    if (!isObject(c)) throw invalidParams(`expected a configuration object at position ${index}`);
    return c;
}

function commitmentOf(c) {
    if (c.commitment === undefined || c.commitment === null) return 'finalized';
    const commitment = LEGACY_COMMITMENTS[c.commitment];
    if (!commitment) throw invalidParams(`unknown variant \`${c.commitment}\``);
    return commitment;
}

function atLeastConfirmed(c) {
    const commitment = commitmentOf(c);
    if (commitment === 'processed')
        throw new RpcError(-32602, 'Method does not support commitment below `confirmed`');
    return commitment;
}

function pubkey(value) {
    if (typeof value !== 'string') throw invalidParams('expected a base58 public key string');
    const bytes = base58Decode(value);
    if (bytes === null) throw new RpcError(-32602, 'Invalid param: Invalid');
    if (bytes.length !== 32) throw new RpcError(-32602, 'Invalid param: WrongSize');
    return base58Encode(bytes); // canonical text
}

function signatureParam(value) {
    const bytes = typeof value === 'string' ? base58Decode(value) : null;
    if (bytes === null || bytes.length !== 64) throw new RpcError(-32602, 'Invalid param: Invalid');
    return base58Encode(bytes);
}

function u64(value, what) {
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
    if (typeof value === 'string' && /^[0-9]{1,20}$/.test(value) && BigInt(value) < 1n << 64n)
        return BigInt(value);
    throw invalidParams(`${what} must be an unsigned integer`);
}

function list(value, max, what) {
    if (!Array.isArray(value)) throw invalidParams(`expected an array of ${what}`);
    if (value.length > max) throw new RpcError(-32602, `Too many inputs provided; max ${max}`);
    return value;
}

function dataSliceOf(c) {
    if (c.dataSlice === undefined || c.dataSlice === null) return null;
    const { offset, length } = c.dataSlice;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0)
        throw invalidParams('dataSlice needs unsigned offset and length');
    return { offset, length };
}

/** Wire bytes from a sendTransaction / simulateTransaction parameter. */
function wireTransaction(value, c) {
    const encoding = c.encoding ?? 'base58';
    if (typeof value !== 'string') throw invalidParams('expected an encoded transaction string');
    const type = 'solana_transaction::versioned::VersionedTransaction';
    let bytes;
    if (encoding === 'base58') {
        if (value.length > MAX_BASE58_TX)
            throw new RpcError(-32602, `base58 encoded ${type} too large: ${value.length} bytes (max: encoded/raw ${MAX_BASE58_TX}/${MAX_TX_SIZE})`);
        bytes = base58Decode(value);
        if (bytes === null) throw new RpcError(-32602, 'invalid base58 encoding: InvalidCharacter');
    } else if (encoding === 'base64') {
        if (value.length > MAX_BASE64_TX)
            throw new RpcError(-32602, `base64 encoded ${type} too large: ${value.length} bytes (max: encoded/raw ${MAX_BASE64_TX}/${MAX_TX_SIZE})`);
        bytes = fromBase64(value);
        if (bytes === null) throw new RpcError(-32602, 'invalid base64 encoding: InvalidByte');
    } else {
        throw new RpcError(-32602, `unsupported encoding: ${encoding}. Supported encodings: base58, base64`);
    }
    if (bytes.length > MAX_TX_SIZE)
        throw new RpcError(-32602, `decoded ${type} too large: ${bytes.length} bytes (max: ${MAX_TX_SIZE} bytes)`);
    return bytes;
}

export class Rpc {
    constructor(localnet, { log = () => {} } = {}) {
        this.net = localnet;
        this.log = log;
        this.methods = {
            getAccountInfo: this.getAccountInfo,
            getBalance: this.getBalance,
            getBlockHeight: this.getBlockHeight,
            getEpochInfo: this.getEpochInfo,
            getFeeForMessage: this.getFeeForMessage,
            getGenesisHash: this.getGenesisHash,
            getHealth: this.getHealth,
            getLatestBlockhash: this.getLatestBlockhash,
            getMinimumBalanceForRentExemption: this.getMinimumBalanceForRentExemption,
            getMultipleAccounts: this.getMultipleAccounts,
            getProgramAccounts: this.getProgramAccounts,
            getRecentPrioritizationFees: this.getRecentPrioritizationFees,
            getSignaturesForAddress: this.getSignaturesForAddress,
            getSignatureStatuses: this.getSignatureStatuses,
            getSlot: this.getSlot,
            getTokenAccountBalance: this.getTokenAccountBalance,
            getTokenAccountsByOwner: this.getTokenAccountsByOwner,
            getTokenSupply: this.getTokenSupply,
            getTransaction: this.getTransaction,
            getTransactionCount: this.getTransactionCount,
            getVersion: this.getVersion,
            isBlockhashValid: this.isBlockhashValid,
            requestAirdrop: this.requestAirdrop,
            sendTransaction: this.sendTransaction,
            simulateTransaction: this.simulateTransaction,
        };
    }

    /** One HTTP body in, the response body out (null: nothing to send, all notifications). */
    handle(text) {
        let request;
        try {
            request = JSON.parse(text);
        } catch {
            return stringifyJson(errorResponse(null, new RpcError(-32700, 'Parse error')));
        }
        if (Array.isArray(request)) {
            if (request.length === 0)
                return stringifyJson(errorResponse(null, new RpcError(-32600, 'Invalid request')));
            const responses = request.map((r) => this.#handleOne(r)).filter((r) => r !== null);
            return responses.length > 0 ? stringifyJson(responses) : null;
        }
        const response = this.#handleOne(request);
        return response === null ? null : stringifyJson(response);
    }

    /** A single call, for the WebSocket side and tests: the result, or throws RpcError. */
    call(method, params = []) {
        const fn = this.methods[method];
        if (!fn) throw new RpcError(-32601, 'Method not found');
        return fn.call(this, params);
    }

    #handleOne(request) {
        const validId = (id) => id === null || typeof id === 'string' || typeof id === 'number';
        if (!isObject(request) || request.jsonrpc !== '2.0' || typeof request.method !== 'string'
            || ('id' in request && !validId(request.id))) {
            return errorResponse(isObject(request) && validId(request.id) ? request.id : null,
                new RpcError(-32600, 'Invalid request'));
        }
        const notification = !('id' in request);
        let response;
        try {
            const params = request.params ?? [];
            if (!Array.isArray(params)) throw invalidParams('params must be an array');
            response = { jsonrpc: '2.0', result: this.call(request.method, params), id: request.id };
        } catch (e) {
            if (e instanceof RpcError || e instanceof EncodingError) {
                response = errorResponse(request.id, e);
            } else {
                this.log(`internal error in ${request.method}: ${e.stack ?? e}`);
                response = errorResponse(request.id, new RpcError(-32603, 'Internal error'));
            }
        }
        return notification ? null : response;
    }

    #context(c = {}) {
        const commitment = commitmentOf(c);
        const slot = this.net.slotAt(commitment);
        if (c.minContextSlot !== undefined && c.minContextSlot !== null && c.minContextSlot > slot)
            throw new RpcError(-32016, 'Minimum context slot has not been reached', { contextSlot: slot });
        return { apiVersion: SOLANA_CORE_VERSION, slot: this.net.slot };
    }

    #wrap(c, value) {
        return { context: this.#context(c), value };
    }

    #encode(acc, encoding, dataSlice) {
        return acc === null ? null : encodeAccount(acc, encoding, dataSlice, this.net.decimalsOfMint);
    }

    // --- accounts ---------------------------------------------------------------------------

    getAccountInfo(params) {
        const key = pubkey(params[0]);
        const c = config(params, 1);
        return this.#wrap(c, this.#encode(this.net.account(key), c.encoding ?? 'binary', dataSliceOf(c)));
    }

    getMultipleAccounts(params) {
        const keys = list(params[0], 100, 'public keys').map(pubkey);
        const c = config(params, 1);
        const slice = dataSliceOf(c);
        return this.#wrap(c, keys.map((k) => this.#encode(this.net.account(k), c.encoding ?? 'base64', slice)));
    }

    getBalance(params) {
        const key = pubkey(params[0]);
        const c = config(params, 1);
        return this.#wrap(c, this.net.account(key)?.lamports ?? 0n);
    }

    getProgramAccounts(params) {
        const program = pubkey(params[0]);
        const c = config(params, 1);
        const filters = c.filters ?? [];
        if (!Array.isArray(filters)) throw invalidParams('filters must be an array');
        const matches = (acc) => filters.every((f) => {
            if (isObject(f) && f.dataSize !== undefined) return acc.data.length === f.dataSize;
            if (isObject(f) && isObject(f.memcmp)) {
                const { offset, bytes, encoding = 'base58' } = f.memcmp;
                const want = encoding === 'base64' ? fromBase64(bytes) : base58Decode(bytes);
                if (want === null || !Number.isSafeInteger(offset)) throw invalidParams('bad memcmp filter');
                return Buffer.from(acc.data.subarray(offset, offset + want.length)).equals(Buffer.from(want));
            }
            throw invalidParams('unsupported filter');
        });
        const slice = dataSliceOf(c);
        const value = this.net.programAccounts(program)
            .filter((e) => matches(e.account))
            .map((e) => ({ pubkey: e.pubkey, account: this.#encode(e.account, c.encoding ?? 'binary', slice) }));
        return c.withContext ? this.#wrap(c, value) : (this.#context(c), value);
    }

    getTokenAccountsByOwner(params) {
        const owner = pubkey(params[0]);
        const filter = params[1];
        const c = config(params, 2);
        if (!isObject(filter) || ('mint' in filter) === ('programId' in filter))
            throw invalidParams('expected a filter with exactly one of mint, programId');
        let program;
        let mint = null;
        if ('mint' in filter) {
            mint = pubkey(filter.mint);
            const mintAccount = this.net.account(mint);
            if (tokenKind(mintAccount) !== 'mint') throw new RpcError(-32602, 'Invalid param: could not find mint');
            program = mintAccount.owner;
        } else {
            program = pubkey(filter.programId);
            if (!TOKEN_PROGRAMS.has(program))
                throw new RpcError(-32602, 'Invalid param: unrecognized Token program id');
        }
        const slice = dataSliceOf(c);
        const value = this.net.programAccounts(program)
            .filter((e) => tokenKind(e.account) === 'account')
            .filter((e) => {
                const t = parseTokenAccount(e.account);
                return t.owner === owner && (mint === null || t.mint === mint);
            })
            .map((e) => ({ pubkey: e.pubkey, account: this.#encode(e.account, c.encoding ?? 'binary', slice) }));
        return this.#wrap(c, value);
    }

    getTokenAccountBalance(params) {
        const key = pubkey(params[0]);
        const c = config(params, 1);
        const acc = this.net.account(key);
        if (tokenKind(acc) !== 'account') throw new RpcError(-32602, 'Invalid param: not a Token account');
        const t = parseTokenAccount(acc);
        const decimals = this.net.decimalsOfMint(t.mint);
        if (decimals === null) throw new RpcError(-32602, 'Invalid param: could not find mint');
        return this.#wrap(c, tokenAmount(t.amount, decimals));
    }

    getTokenSupply(params) {
        const key = pubkey(params[0]);
        const c = config(params, 1);
        const acc = this.net.account(key);
        if (tokenKind(acc) !== 'mint') throw new RpcError(-32602, 'Invalid param: not a Token mint');
        const m = parseMint(acc);
        return this.#wrap(c, tokenAmount(m.supply, m.decimals));
    }

    getMinimumBalanceForRentExemption(params) {
        const len = u64(params[0], 'data length');
        this.#context(config(params, 1));
        return this.net.minimumBalanceForRentExemption(len);
    }

    // --- chain state ------------------------------------------------------------------------

    getSlot(params) {
        const c = config(params, 0);
        this.#context(c);
        return this.net.slotAt(commitmentOf(c));
    }

    getBlockHeight(params) {
        return this.getSlot(params); // one block per slot
    }

    getEpochInfo(params) {
        const c = config(params, 0);
        this.#context(c);
        return this.net.epochInfo(this.net.slotAt(commitmentOf(c)));
    }

    getTransactionCount(params) {
        this.#context(config(params, 0));
        return this.net.records.length;
    }

    getLatestBlockhash(params) {
        const c = config(params, 0);
        return this.#wrap(c, this.net.latestBlockhash());
    }

    isBlockhashValid(params) {
        if (typeof params[0] !== 'string' || base58Decode(params[0])?.length !== 32)
            throw new RpcError(-32602, 'Invalid param: Invalid');
        const c = config(params, 1);
        return this.#wrap(c, this.net.isBlockhashValid(params[0]));
    }

    getFeeForMessage(params) {
        const bytes = fromBase64(params[0]);
        if (bytes === null) throw new RpcError(-32602, 'invalid base64 encoding: InvalidByte');
        let message;
        try {
            message = decodeMessage(bytes);
        } catch (e) {
            if (e instanceof DecodeError) throw new RpcError(-32602, `invalid message: ${e.message}`);
            throw e;
        }
        const c = config(params, 1);
        const valid = this.net.isBlockhashValid(base58Encode(message.recentBlockhash));
        return this.#wrap(c, valid ? this.net.feeForMessage(message) : null);
    }

    getRecentPrioritizationFees(params) {
        const addresses = params[0] === undefined || params[0] === null
            ? []
            : list(params[0], 128, 'public keys').map(pubkey);
        return this.net.recentPrioritizationFees(addresses);
    }

    getHealth() {
        return 'ok';
    }

    getVersion() {
        return { 'solana-core': SOLANA_CORE_VERSION, 'feature-set': 0 };
    }

    getGenesisHash() {
        return this.net.genesisHash;
    }

    // --- transactions -----------------------------------------------------------------------

    getSignatureStatuses(params) {
        const signatures = list(params[0], 256, 'signatures').map(signatureParam);
        const c = config(params, 1);
        const search = c.searchTransactionHistory === true;
        return this.#wrap({}, signatures.map((s) => this.net.signatureStatus(s, search)));
    }

    getSignaturesForAddress(params) {
        const address = pubkey(params[0]);
        const c = config(params, 1);
        const commitment = atLeastConfirmed(c);
        this.#context(c);
        const limit = c.limit ?? 1000;
        if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000)
            throw new RpcError(-32602, 'Invalid limit; max 1000');
        const before = c.before ? signatureParam(c.before) : null;
        const until = c.until ? signatureParam(c.until) : null;
        let records = this.net.transactionsFor(address, commitment);
        if (before) {
            const i = records.findIndex((r) => r.signature === before);
            records = i < 0 ? [] : records.slice(i + 1);
        }
        if (until) {
            const i = records.findIndex((r) => r.signature === until);
            if (i >= 0) records = records.slice(0, i);
        }
        return records.slice(0, limit).map((r) => ({
            signature: r.signature,
            slot: r.slot,
            err: r.err,
            memo: r.memo,
            blockTime: r.blockTime,
            confirmationStatus: this.net.confirmationStatus(r),
        }));
    }

    getTransaction(params) {
        const signature = signatureParam(params[0]);
        const c = typeof params[1] === 'string' ? { encoding: params[1] } : config(params, 1);
        const commitment = atLeastConfirmed(c);
        const encoding = c.encoding ?? 'json';
        if (!['json', 'jsonParsed', 'base64', 'base58'].includes(encoding))
            throw invalidParams(`unknown variant \`${encoding}\``);
        const record = this.net.transaction(signature);
        if (!record || !this.net.meetsCommitment(record, commitment)) return null;
        const version = record.tx.message.version;
        const maxVersion = c.maxSupportedTransactionVersion;
        if (version !== 'legacy' && (maxVersion === undefined || maxVersion === null || maxVersion < version)) {
            throw new RpcError(-32015,
                `Transaction version (${version}) is not supported by the requesting client. `
                + 'Please try the request again with the following configuration parameter: '
                + '"maxSupportedTransactionVersion": 0');
        }
        return {
            slot: record.slot,
            blockTime: record.blockTime,
            meta: {
                err: record.err,
                status: record.err === null ? { Ok: null } : { Err: record.err },
                fee: record.fee,
                preBalances: record.preBalances,
                postBalances: record.postBalances,
                innerInstructions: record.innerInstructions,
                logMessages: record.logs,
                preTokenBalances: record.preTokenBalances,
                postTokenBalances: record.postTokenBalances,
                rewards: [],
                loadedAddresses: record.loaded,
                returnData: record.returnData ?? undefined,
                computeUnitsConsumed: record.unitsConsumed,
            },
            transaction: encodeTransaction(record, encoding),
            version: maxVersion === undefined || maxVersion === null ? undefined : version,
        };
    }

    sendTransaction(params) {
        const c = config(params, 1);
        const bytes = wireTransaction(params[0], c);
        this.#context({ ...c, commitment: c.preflightCommitment });
        return this.net.sendTransaction(bytes, { skipPreflight: c.skipPreflight === true });
    }

    simulateTransaction(params) {
        const c = config(params, 1);
        let bytes = wireTransaction(params[0], c);
        if (c.sigVerify && c.replaceRecentBlockhash)
            throw new RpcError(-32602, 'sigVerify may not be used with replaceRecentBlockhash');
        let tx = this.net.decode(bytes);
        if (c.sigVerify && !verifySignatures(tx))
            throw new RpcError(-32003, 'Transaction signature verification failure');
        let replacementBlockhash = null;
        if (c.replaceRecentBlockhash) {
            replacementBlockhash = this.net.latestBlockhash();
            bytes = new Uint8Array(bytes);
            bytes.set(base58Decode(replacementBlockhash.blockhash), tx.blockhashOffset);
            tx = this.net.decode(bytes);
        }
        const context = this.#context(c);
        const sim = this.net.simulate(tx, bytes);
        let accounts = null;
        if (isObject(c.accounts)) {
            const addresses = list(c.accounts.addresses ?? [], tx.message.accountKeys.length, 'addresses').map(pubkey);
            const encoding = c.accounts.encoding ?? 'base64';
            if (encoding === 'binary' || encoding === 'base58')
                throw new RpcError(-32602, 'base58 encoding not supported');
            accounts = sim.err
                ? addresses.map(() => null)
                : addresses.map((a) => this.#encode(sim.post.get(a) ?? this.net.account(a), encoding, null));
        }
        return {
            context,
            value: {
                err: sim.err,
                logs: sim.logs,
                accounts,
                unitsConsumed: sim.unitsConsumed,
                returnData: sim.returnData,
                innerInstructions: c.innerInstructions ? sim.innerInstructions : null,
                replacementBlockhash,
                fee: this.net.feeForMessage(tx.message),
            },
        };
    }

    requestAirdrop(params) {
        const key = pubkey(params[0]);
        const lamports = u64(params[1], 'lamports');
        this.#context(config(params, 2));
        if (lamports === 0n) throw invalidParams('lamports must be greater than zero');
        try {
            return this.net.airdrop(key, lamports);
        } catch (e) {
            if (e instanceof RpcError)
                throw new RpcError(-32600, `airdrop request failed: ${e.message}`, e.data);
            throw e;
        }
    }
}

function errorResponse(id, e) {
    const error = { code: e.code, message: e.message };
    if (e.data !== undefined) error.data = e.data;
    return { jsonrpc: '2.0', error, id: id ?? null };
}

function encodeTransaction(record, encoding) {
    const { tx } = record;
    const m = tx.message;
    if (encoding === 'base64') return [Buffer.from(record.bytes).toString('base64'), 'base64'];
    if (encoding === 'base58') return [base58Encode(record.bytes), 'base58'];
    const signatures = tx.signatures.map(base58Encode);
    const lookups = m.version === 'legacy'
        ? undefined
        : m.addressTableLookups.map((l) => ({
            accountKey: base58Encode(l.accountKey),
            writableIndexes: l.writableIndexes,
            readonlyIndexes: l.readonlyIndexes,
        }));
    if (encoding === 'json') {
        return {
            signatures,
            message: {
                accountKeys: m.accountKeys.map(base58Encode),
                header: m.header,
                recentBlockhash: base58Encode(m.recentBlockhash),
                instructions: m.instructions.map((ix) => ({
                    programIdIndex: ix.programIdIndex,
                    accounts: ix.accounts,
                    data: base58Encode(ix.data),
                    stackHeight: null,
                })),
                addressTableLookups: lookups,
            },
        };
    }
    // jsonParsed without program parsers: every instruction in its partially decoded form.
    const signers = m.header.numRequiredSignatures;
    const staticCount = m.accountKeys.length;
    return {
        signatures,
        message: {
            accountKeys: record.keys.map((pubkey, i) => ({
                pubkey,
                signer: i < signers,
                writable: record.writable.has(pubkey),
                source: i < staticCount ? 'transaction' : 'lookupTable',
            })),
            recentBlockhash: base58Encode(m.recentBlockhash),
            instructions: m.instructions.map((ix) => ({
                programId: record.keys[ix.programIdIndex],
                accounts: ix.accounts.map((a) => record.keys[a]),
                data: base58Encode(ix.data),
                stackHeight: null,
            })),
            addressTableLookups: lookups,
        },
    };
}
