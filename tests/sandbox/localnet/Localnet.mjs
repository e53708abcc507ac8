// The chain behind the sandbox RPC: a litesvm instance (real SVM execution, sigverify on, SPL
// Token / Token-2022 / ATA / Memo programs) plus what litesvm leaves to a validator: slots that
// advance on a timer, blockhashes that stay valid for a window of blocks and then expire,
// commitment levels that progress with slots, a transaction history with metadata, an airdrop
// faucet and a USDE mint.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import {
    ASSOCIATED_TOKEN_PROGRAM_ID,
    TOKEN_PROGRAM_ID,
    createAssociatedTokenAccountIdempotentInstruction,
    createInitializeMint2Instruction,
    createMintToCheckedInstruction,
    getAssociatedTokenAddressSync,
} from '@solana/spl-token';
import { Keypair, PublicKey, SystemProgram, Transaction } from '@solana/web3.js';
import {
    base58Decode,
    base58Encode,
    DecodeError,
    decodeTransaction,
    SanitizeError,
    toBase64,
    verifySignatures,
} from './codec.mjs';
import {
    parseMint,
    parseTokenAccount,
    snapshot,
    tokenAmount,
    tokenKind,
} from './accounts.mjs';
import { RpcError, transactionErrorText, transactionErrorToJson } from './errors.mjs';

// The raw-bytes API of the bindings takes wire transactions as they arrive: no re-encoding
// through @solana/kit between the client's bytes and the SVM.
const require = createRequire(import.meta.url);
const { Account, Clock, EpochSchedule, FailedTransactionMetadata, LiteSvm } =
    require('litesvm/dist/internal.js');

export const USDE_DECIMALS = 6;
export const LAMPORTS_PER_SIGNATURE = 5000n;
export const MAX_TX_SIZE = 1232;
const FAUCET_LAMPORTS = 500_000_000n * 1_000_000_000n; // 500M SOL
const U64_MAX = (1n << 64n) - 1n;
const SLOTS_PER_EPOCH = 432_000n;
const STATUS_CACHE_SLOTS = 300; // a validator's status cache: MAX_RECENT_BLOCKHASHES
const PRIORITIZATION_FEE_SLOTS = 150;
const MAX_COMPUTE_UNIT_LIMIT = 1_400_000n;
const DEFAULT_BUILTIN_CU = 3_000n;
const DEFAULT_PROGRAM_CU = 200_000n;
const COMPUTE_BUDGET = 'ComputeBudget111111111111111111111111111111';
const NATIVE_LOADER = 'NativeLoader1111111111111111111111111111111';
const MEMO_PROGRAMS = new Set([
    'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr',
    'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo',
]);
// Signatures checked by these precompiles are charged like transaction signatures.
const PRECOMPILES = new Set([
    'Ed25519SigVerify111111111111111111111111111',
    'KeccakSecp256k11111111111111111111111111111',
    'Secp256r1SigVerify1111111111111111111111111',
]);
const ALT_META_SIZE = 56;
const COMMITMENTS = ['processed', 'confirmed', 'finalized'];

/** Deterministic keypairs so the mint address and its authority survive restarts. */
function keypairFor(seed, label) {
    return Keypair.fromSeed(createHash('sha256').update(`${seed}/${label}`).digest());
}

function sum(values) {
    return values.reduce((a, b) => a + b, 0n);
}

export class Localnet extends EventEmitter {
    constructor({
        slotMs = 400,
        blockhashTtlSlots = 150,
        finalitySlots = 32,
        confirmationSlots = 1,
        seed = 'openvpp-sandbox',
        log = () => {},
    } = {}) {
        super();
        this.slotMs = slotMs;
        this.blockhashTtlSlots = blockhashTtlSlots;
        this.finalitySlots = finalitySlots;
        this.confirmationSlots = Math.min(confirmationSlots, finalitySlots);
        this.log = log;

        this.faucet = keypairFor(seed, 'faucet');
        this.usdeMint = keypairFor(seed, 'usde-mint');
        this.usdeAuthority = keypairFor(seed, 'usde-mint-authority');

        this.svm = new LiteSvm(); // builtins, sysvars, SPL programs, sigverify on
        // litesvm accepts only its latest blockhash; the validity window is kept here instead.
        this.svm.setBlockhashCheck(false);
        this.svm.withNativeMints();
        this.svm.setEpochSchedule(new EpochSchedule(SLOTS_PER_EPOCH, SLOTS_PER_EPOCH, false, 0n, 0n));

        this.slot = 0;
        this.startTime = Math.floor(Date.now() / 1000);
        this.blockhashes = new Map(); // base58 -> {slot, lastValidBlockHeight}, oldest first
        this.records = []; // landed transactions, oldest first
        this.bySignature = new Map();
        this.byAddress = new Map();
        this.builtinCache = new Map();
        this.timer = null;

        this.#setClock();
        this.genesisHash = this.svm.latestBlockhash();
        this.#registerBlockhash();
        this.svm.setAccount(this.faucet.publicKey.toBytes(),
            new Account(FAUCET_LAMPORTS, new Uint8Array(0), new Uint8Array(32), false, U64_MAX));
        this.#createUsdeMint();
    }

    start() {
        if (this.slotMs > 0) this.timer = setInterval(() => this.advanceSlot(), this.slotMs);
    }

    stop() {
        clearInterval(this.timer);
        this.timer = null;
    }

    get blockHeight() {
        return this.slot; // no skipped slots here
    }

    advanceSlot() {
        this.slot += 1;
        this.#setClock();
        this.svm.expireBlockhash();
        this.#registerBlockhash();
        for (const [hash, entry] of this.blockhashes) {
            if (entry.lastValidBlockHeight >= this.blockHeight) break;
            this.blockhashes.delete(hash);
        }
        this.emit('slot', this.slot);
    }

    #setClock() {
        const now = BigInt(Math.floor(Date.now() / 1000));
        const slot = BigInt(this.slot);
        const epoch = slot / SLOTS_PER_EPOCH;
        this.svm.setClock(new Clock(slot, BigInt(this.startTime), epoch, epoch + 1n, now));
    }

    #registerBlockhash() {
        this.blockhashes.set(this.svm.latestBlockhash(), {
            slot: this.slot,
            lastValidBlockHeight: this.blockHeight + this.blockhashTtlSlots,
        });
    }

    latestBlockhash() {
        const blockhash = this.svm.latestBlockhash();
        return { blockhash, lastValidBlockHeight: this.blockhashes.get(blockhash).lastValidBlockHeight };
    }

    isBlockhashValid(blockhash) {
        const entry = this.blockhashes.get(blockhash);
        return entry !== undefined && this.blockHeight <= entry.lastValidBlockHeight;
    }

    epochInfo(atSlot = this.slot) {
        const slot = BigInt(atSlot);
        return {
            absoluteSlot: atSlot,
            blockHeight: atSlot, // one block per slot
            epoch: slot / SLOTS_PER_EPOCH,
            slotIndex: slot % SLOTS_PER_EPOCH,
            slotsInEpoch: SLOTS_PER_EPOCH,
            transactionCount: this.records.length,
        };
    }

    // --- commitment -------------------------------------------------------------------------

    /** The newest slot at a commitment level: finalized lags the tip by the finality depth. */
    slotAt(commitment = 'finalized') {
        if (commitment === 'processed') return this.slot;
        const lag = commitment === 'confirmed' ? this.confirmationSlots : this.finalitySlots;
        return Math.max(0, this.slot - lag);
    }

    confirmationStatus(record) {
        const depth = this.slot - record.slot;
        if (depth >= this.finalitySlots) return 'finalized';
        return depth >= this.confirmationSlots ? 'confirmed' : 'processed';
    }

    meetsCommitment(record, commitment = 'finalized') {
        return COMMITMENTS.indexOf(this.confirmationStatus(record)) >= COMMITMENTS.indexOf(commitment);
    }

    // --- accounts ---------------------------------------------------------------------------

    account(address) {
        const bytes = typeof address === 'string' ? base58Decode(address) : address;
        return snapshot(this.svm.getAccount(bytes));
    }

    programAccounts(programId) {
        return this.svm.getProgramAccounts(base58Decode(programId)).map((entry) => ({
            pubkey: base58Encode(entry.address),
            account: snapshot(entry.account()),
        }));
    }

    decimalsOfMint = (mint) => {
        const acc = this.account(mint);
        return tokenKind(acc) === 'mint' ? parseMint(acc).decimals : null;
    };

    minimumBalanceForRentExemption(dataLen) {
        return this.svm.minimumBalanceForRentExemption(BigInt(dataLen));
    }

    #tokenBalances(keys) {
        const balances = [];
        keys.forEach((key, accountIndex) => {
            const acc = this.account(key);
            if (tokenKind(acc) !== 'account') return;
            const t = parseTokenAccount(acc);
            const decimals = this.decimalsOfMint(t.mint);
            if (decimals === null || t.state === 0) return;
            balances.push({
                accountIndex,
                mint: t.mint,
                owner: t.owner,
                programId: acc.owner,
                uiTokenAmount: tokenAmount(t.amount, decimals),
            });
        });
        return balances;
    }

    // --- transactions -----------------------------------------------------------------------

    /** Decodes wire bytes; RpcError -32602 as a validator gives for bytes it cannot use. */
    decode(bytes) {
        try {
            return decodeTransaction(bytes);
        } catch (e) {
            if (e instanceof SanitizeError) throw new RpcError(-32602, `invalid transaction: ${e.message}`);
            if (e instanceof DecodeError)
                throw new RpcError(-32602,
                    `failed to deserialize solana_transaction::versioned::VersionedTransaction: ${e.message}`);
            throw e;
        }
    }

    /** Addresses a v0 message loads from lookup tables; null when a table cannot be read. */
    loadedAddresses(message) {
        const writable = [];
        const readonly = [];
        for (const lookup of message.addressTableLookups) {
            const table = this.account(lookup.accountKey);
            if (!table || table.data.length < ALT_META_SIZE) return null;
            const count = (table.data.length - ALT_META_SIZE) / 32;
            const at = (i) => {
                if (i >= count) return null;
                return base58Encode(table.data.subarray(ALT_META_SIZE + 32 * i, ALT_META_SIZE + 32 * i + 32));
            };
            for (const [indexes, out] of [[lookup.writableIndexes, writable], [lookup.readonlyIndexes, readonly]]) {
                for (const i of indexes) {
                    const key = at(i);
                    if (key === null) return null;
                    out.push(key);
                }
            }
        }
        return { writable, readonly };
    }

    #accountKeys(message, loaded) {
        const keys = message.accountKeys.map(base58Encode);
        return loaded ? [...keys, ...loaded.writable, ...loaded.readonly] : keys;
    }

    #writableKeys(message, loaded) {
        const h = message.header;
        const n = message.accountKeys.length;
        const writable = message.accountKeys
            .map(base58Encode)
            .filter((_, i) => (i < h.numRequiredSignatures
                ? i < h.numRequiredSignatures - h.numReadonlySignedAccounts
                : i < n - h.numReadonlyUnsignedAccounts));
        return new Set([...writable, ...(loaded?.writable ?? [])]);
    }

    #isBuiltin(programId) {
        if (!this.builtinCache.has(programId)) {
            const acc = this.account(programId);
            this.builtinCache.set(programId, acc !== null && acc.owner === NATIVE_LOADER);
        }
        return this.builtinCache.get(programId);
    }

    /** Compute-unit price (micro-lamports) and limit the message asks for. */
    computeBudget(message) {
        let price = 0n;
        let limit = null;
        let builtins = 0n;
        let programs = 0n;
        for (const ix of message.instructions) {
            const program = base58Encode(message.accountKeys[ix.programIdIndex]);
            const d = Buffer.from(ix.data);
            if (program === COMPUTE_BUDGET) {
                if (d[0] === 2 && d.length === 5) limit = BigInt(d.readUInt32LE(1));
                if (d[0] === 3 && d.length === 9) price = d.readBigUInt64LE(1);
            }
            // Without an explicit limit the runtime reserves 3,000 CU per builtin instruction
            // (native-loader programs, compute budget included) and 200,000 per other one.
            if (this.#isBuiltin(program)) builtins += 1n;
            else programs += 1n;
        }
        limit ??= builtins * DEFAULT_BUILTIN_CU + programs * DEFAULT_PROGRAM_CU;
        if (limit > MAX_COMPUTE_UNIT_LIMIT) limit = MAX_COMPUTE_UNIT_LIMIT;
        return { price, limit };
    }

    /** Base fee per signature (precompile signatures included) plus the priority fee. */
    feeForMessage(message) {
        let signatures = BigInt(message.header.numRequiredSignatures);
        for (const ix of message.instructions) {
            const program = base58Encode(message.accountKeys[ix.programIdIndex]);
            if (PRECOMPILES.has(program) && ix.data.length > 0) signatures += BigInt(ix.data[0]);
        }
        const { price, limit } = this.computeBudget(message);
        return LAMPORTS_PER_SIGNATURE * signatures + (price * limit + 999_999n) / 1_000_000n;
    }

    /**
     * The checks a validator makes before executing: blockhash age, then the status cache.
     * Returns an error in JSON form or null.
     */
    precheck(tx) {
        if (!this.isBlockhashValid(base58Encode(tx.message.recentBlockhash))) return 'BlockhashNotFound';
        if (this.bySignature.has(base58Encode(tx.signatures[0]))) return 'AlreadyProcessed';
        return null;
    }

    /**
     * Runs a transaction without committing it. Signatures are not checked here (callers do,
     * when asked). Returns {err, logs, unitsConsumed, returnData, innerInstructions, post}.
     */
    simulate(tx, bytes, { skipChecks = false } = {}) {
        const err = skipChecks ? null : this.precheck(tx);
        if (err) {
            return { err, logs: [], unitsConsumed: 0, returnData: null, innerInstructions: [], post: new Map() };
        }
        const sigverify = this.svm.getSigverify();
        this.svm.setSigverify(false);
        let result;
        try {
            result = tx.message.version === 'legacy'
                ? this.svm.simulateLegacyTransaction(bytes)
                : this.svm.simulateVersionedTransaction(bytes);
        } finally {
            this.svm.setSigverify(sigverify);
        }
        const failed = result instanceof FailedTransactionMetadata;
        const meta = result.meta();
        const post = new Map();
        if (!failed) {
            for (const entry of result.postAccounts())
                post.set(base58Encode(entry.address), snapshot(entry.account()));
        }
        return {
            err: failed ? transactionErrorToJson(result.err()) : null,
            ...this.#metaFields(meta),
            post,
        };
    }

    #metaFields(meta) {
        const returnData = meta.returnData();
        const inner = meta.innerInstructions();
        return {
            logs: meta.logs(),
            unitsConsumed: meta.computeUnitsConsumed(),
            returnData: returnData.data().length > 0
                ? { programId: base58Encode(returnData.programId()), data: [toBase64(returnData.data()), 'base64'] }
                : null,
            innerInstructions: inner
                .map((list, index) => ({
                    index,
                    instructions: list.map((ii) => {
                        const c = ii.instruction();
                        return {
                            programIdIndex: c.programIdIndex(),
                            accounts: [...c.accounts()],
                            data: base58Encode(c.data()),
                            stackHeight: ii.stackHeight(),
                        };
                    }),
                }))
                .filter((entry) => entry.instructions.length > 0),
        };
    }

    /**
     * sendTransaction: preflight (unless skipped) as a validator's RPC does it, then execution.
     * Returns the signature. Transactions a cluster would drop (bad signature, expired
     * blockhash, duplicate, fee payer cannot pay) return the signature and never get a status.
     */
    sendTransaction(bytes, { skipPreflight = false } = {}) {
        const tx = this.decode(bytes);
        const signature = base58Encode(tx.signatures[0]);
        if (!skipPreflight) {
            if (!verifySignatures(tx))
                throw new RpcError(-32003, 'Transaction signature verification failure');
            const sim = this.simulate(tx, bytes);
            if (sim.err) {
                throw new RpcError(-32002, `Transaction simulation failed: ${transactionErrorText(sim.err)}`, {
                    err: sim.err,
                    logs: sim.logs,
                    accounts: null,
                    unitsConsumed: sim.unitsConsumed,
                    returnData: sim.returnData,
                    innerInstructions: null,
                    replacementBlockhash: null,
                    fee: null,
                });
            }
        }
        const dropped = this.precheck(tx);
        if (dropped) {
            this.log(`dropped ${signature}: ${dropped}`);
            return signature;
        }
        this.#execute(tx, bytes);
        return signature;
    }

    #execute(tx, bytes) {
        const signature = base58Encode(tx.signatures[0]);
        const loaded = this.loadedAddresses(tx.message);
        const keys = this.#accountKeys(tx.message, loaded);
        const preBalances = keys.map((k) => this.account(k)?.lamports ?? 0n);
        const preTokenBalances = this.#tokenBalances(keys);

        const result = tx.message.version === 'legacy'
            ? this.svm.sendLegacyTransaction(bytes)
            : this.svm.sendVersionedTransaction(bytes);
        const failed = result instanceof FailedTransactionMetadata;
        // An execution failure is committed (the fee is charged); a failure before execution is
        // not, and litesvm then keeps no history entry.
        if (failed && this.svm.getTransaction(tx.signatures[0]) === null) {
            const err = transactionErrorToJson(result.err());
            this.log(`dropped ${signature}: ${JSON.stringify(err)}`);
            return null;
        }
        const meta = failed ? result.meta() : result;
        const postBalances = keys.map((k) => this.account(k)?.lamports ?? 0n);
        const memos = tx.message.instructions
            .filter((ix) => MEMO_PROGRAMS.has(keys[ix.programIdIndex]))
            .map((ix) => {
                const text = new TextDecoder('utf-8', { fatal: true });
                let memo;
                try {
                    memo = text.decode(ix.data);
                } catch {
                    memo = '(unparseable)';
                }
                return `[${ix.data.length}] ${memo}`;
            });
        const record = {
            seq: this.records.length,
            signature,
            slot: this.slot,
            blockTime: Math.floor(Date.now() / 1000),
            bytes: new Uint8Array(bytes),
            tx,
            keys,
            loaded: loaded ?? { writable: [], readonly: [] },
            writable: this.#writableKeys(tx.message, loaded),
            err: failed ? transactionErrorToJson(result.err()) : null,
            // Lamports are conserved by execution, so whatever left the accounts is the fee.
            fee: sum(preBalances) - sum(postBalances),
            preBalances,
            postBalances,
            preTokenBalances,
            postTokenBalances: this.#tokenBalances(keys),
            ...this.#metaFields(meta),
            memo: memos.length > 0 ? memos.join('; ') : null,
            priorityFee: this.computeBudget(tx.message).price,
        };
        this.records.push(record);
        this.bySignature.set(signature, record);
        for (const key of new Set(keys)) {
            if (!this.byAddress.has(key)) this.byAddress.set(key, []);
            this.byAddress.get(key).push(record);
        }
        this.emit('transaction', record);
        return record;
    }

    /** A landed transaction, or undefined. */
    transaction(signature) {
        return this.bySignature.get(signature);
    }

    /** getSignatureStatuses: the status cache answers for recent slots only, like a validator. */
    signatureStatus(signature, searchTransactionHistory) {
        const record = this.bySignature.get(signature);
        if (!record) return null;
        if (!searchTransactionHistory && this.slot - record.slot > STATUS_CACHE_SLOTS) return null;
        const status = this.confirmationStatus(record);
        return {
            slot: record.slot,
            confirmations: status === 'finalized' ? null : this.slot - record.slot,
            err: record.err,
            status: record.err === null ? { Ok: null } : { Err: record.err },
            confirmationStatus: status,
        };
    }

    /** Landed transactions touching an address, newest first, at a commitment level. */
    transactionsFor(address, commitment) {
        const list = this.byAddress.get(address) ?? [];
        return list.filter((r) => this.meetsCommitment(r, commitment)).reverse();
    }

    /**
     * Per recent slot, the lowest priority fee paid (no addresses) or the highest of the
     * per-account minimums over transactions write-locking the given accounts.
     */
    recentPrioritizationFees(addresses) {
        const first = Math.max(0, this.slot - PRIORITIZATION_FEE_SLOTS + 1);
        const bySlot = new Map();
        for (let i = this.records.length - 1; i >= 0 && this.records[i].slot >= first; i--) {
            const r = this.records[i];
            if (!bySlot.has(r.slot)) bySlot.set(r.slot, []);
            bySlot.get(r.slot).push(r);
        }
        const out = [];
        for (let slot = first; slot <= this.slot; slot++) {
            const txs = bySlot.get(slot) ?? [];
            let fee = 0n;
            if (addresses.length === 0) {
                if (txs.length > 0) fee = txs.reduce((m, r) => (r.priorityFee < m ? r.priorityFee : m), U64_MAX);
            } else {
                for (const address of addresses) {
                    const locking = txs.filter((r) => r.writable.has(address));
                    if (locking.length === 0) continue;
                    const min = locking.reduce((m, r) => (r.priorityFee < m ? r.priorityFee : m), U64_MAX);
                    if (min > fee) fee = min;
                }
            }
            out.push({ slot, prioritizationFee: fee });
        }
        return out;
    }

    // --- faucets ----------------------------------------------------------------------------

    #signAndSend(instructions, signers) {
        const tx = new Transaction({
            feePayer: signers[0].publicKey,
            recentBlockhash: this.svm.latestBlockhash(),
        }).add(...instructions);
        tx.sign(...signers);
        return this.sendTransaction(tx.serialize());
    }

    #createUsdeMint() {
        const mint = this.usdeMint.publicKey;
        this.#signAndSend([
            SystemProgram.createAccount({
                fromPubkey: this.faucet.publicKey,
                newAccountPubkey: mint,
                lamports: Number(this.minimumBalanceForRentExemption(82)),
                space: 82,
                programId: TOKEN_PROGRAM_ID,
            }),
            createInitializeMint2Instruction(mint, USDE_DECIMALS, this.usdeAuthority.publicKey, null),
        ], [this.faucet, this.usdeMint]);
    }

    /** requestAirdrop: a real transfer from the faucet account, so it has history. */
    airdrop(recipient, lamports) {
        return this.#signAndSend([
            SystemProgram.transfer({
                fromPubkey: this.faucet.publicKey,
                toPubkey: new PublicKey(recipient),
                lamports,
            }),
        ], [this.faucet]);
    }

    /** Mints USDE base units to the owner's associated token account, creating it first. */
    mintUsde(owner, amount) {
        const ownerKey = new PublicKey(owner);
        const mint = this.usdeMint.publicKey;
        const ata = getAssociatedTokenAddressSync(mint, ownerKey, true, TOKEN_PROGRAM_ID,
            ASSOCIATED_TOKEN_PROGRAM_ID);
        const signature = this.#signAndSend([
            createAssociatedTokenAccountIdempotentInstruction(this.faucet.publicKey, ata, ownerKey, mint),
            createMintToCheckedInstruction(mint, ata, this.usdeAuthority.publicKey, amount, USDE_DECIMALS),
        ], [this.faucet, this.usdeAuthority]);
        return { signature, tokenAccount: ata.toBase58(), mint: mint.toBase58() };
    }
}
