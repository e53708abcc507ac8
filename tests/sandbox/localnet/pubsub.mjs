// The validator's PubSub WebSocket, in the subset wallets use instead of polling:
// signatureSubscribe, accountSubscribe, slotSubscribe and their unsubscribes. An account
// notification goes out once a transaction writing the account reaches the subscription's
// commitment; it carries the account's latest state.
import { WebSocketServer } from 'ws';
import { encodeAccount } from './accounts.mjs';
import { base58Decode, stringifyJson } from './codec.mjs';
import { RpcError } from './errors.mjs';

const EMPTY_ACCOUNT = {
    lamports: 0n,
    data: new Uint8Array(0),
    owner: '11111111111111111111111111111111',
    executable: false,
    rentEpoch: 0n,
};

export class PubSub {
    constructor(localnet, { log = () => {} } = {}) {
        this.net = localnet;
        this.log = log;
        this.nextId = 0;
        this.sockets = new Set();
        this.servers = [];
        // A subscriber's trouble must never reach the chain's timer or a sender's RPC call.
        const guarded = (fn) => (arg) => {
            try {
                fn(arg);
            } catch (e) {
                this.log(`pubsub notification failed: ${e.stack ?? e}`);
            }
        };
        localnet.on('slot', guarded((slot) => this.#onSlot(slot)));
        localnet.on('transaction', guarded((record) => this.#onTransaction(record)));
    }

    attach(httpServer) {
        const wss = new WebSocketServer({ server: httpServer });
        wss.on('connection', (socket) => this.#onConnection(socket));
        this.servers.push(wss);
    }

    close() {
        for (const socket of this.sockets) socket.terminate();
        for (const wss of this.servers) wss.close();
    }

    #onConnection(socket) {
        socket.subs = new Map();
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => this.sockets.delete(socket));
        socket.on('message', (data) => {
            let request;
            try {
                request = JSON.parse(data.toString());
            } catch {
                return this.#send(socket, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null });
            }
            try {
                const result = this.#call(socket, request.method, request.params ?? []);
                this.#send(socket, { jsonrpc: '2.0', result, id: request.id ?? null });
            } catch (e) {
                const error = e instanceof RpcError
                    ? { code: e.code, message: e.message }
                    : { code: -32603, message: 'Internal error' };
                if (!(e instanceof RpcError)) this.log(`pubsub error: ${e.stack ?? e}`);
                this.#send(socket, { jsonrpc: '2.0', error, id: request?.id ?? null });
            }
        });
    }

    #call(socket, method, params) {
        const options = params[1] ?? {};
        const commitment = options.commitment ?? 'finalized';
        if (!['processed', 'confirmed', 'finalized'].includes(commitment))
            throw new RpcError(-32602, `Invalid params: unknown variant \`${commitment}\``);
        switch (method) {
        case 'signatureSubscribe':
            return this.#subscribe(socket, {
                kind: 'signature',
                signature: params[0],
                commitment,
                received: options.enableReceivedNotification === true,
            });
        case 'accountSubscribe':
            return this.#subscribe(socket, {
                kind: 'account',
                address: params[0],
                commitment,
                encoding: options.encoding ?? 'binary',
                dataSlice: options.dataSlice ?? null,
                // Writes that already reached the commitment are not news to this subscriber.
                seenSeq: this.#writes(params[0], commitment).at(-1)?.seq ?? -1,
            });
        case 'slotSubscribe':
            return this.#subscribe(socket, { kind: 'slot' });
        case 'signatureUnsubscribe':
        case 'accountUnsubscribe':
        case 'slotUnsubscribe': {
            const kind = method.replace('Unsubscribe', '');
            const sub = socket.subs.get(params[0]);
            if (!sub || sub.kind !== kind) throw new RpcError(-32602, 'Invalid subscription id.');
            socket.subs.delete(params[0]);
            return true;
        }
        default:
            throw new RpcError(-32601, 'Method not found');
        }
    }

    #subscribe(socket, sub) {
        if (sub.kind === 'signature' && base58Decode(sub.signature)?.length !== 64)
            throw new RpcError(-32602, 'Invalid Request: Invalid signature provided');
        if (sub.kind === 'account' && base58Decode(sub.address)?.length !== 32)
            throw new RpcError(-32602, 'Invalid Request: Invalid pubkey provided');
        if (sub.kind === 'account' && !['binary', 'base58', 'base64', 'jsonParsed'].includes(sub.encoding))
            throw new RpcError(-32602, `Invalid params: unsupported encoding \`${sub.encoding}\``);
        const id = this.nextId++;
        socket.subs.set(id, sub);
        // A signature that already reached the commitment is answered at once, after the id.
        if (sub.kind === 'signature') setImmediate(() => this.#checkSignature(socket, id, sub));
        return id;
    }

    #send(socket, message) {
        if (socket.readyState === socket.OPEN) socket.send(stringifyJson(message));
    }

    #notify(socket, method, id, result) {
        this.#send(socket, { jsonrpc: '2.0', method, params: { result, subscription: id } });
    }

    #checkSignature(socket, id, sub) {
        if (!socket.subs.has(id)) return;
        const record = this.net.transaction(sub.signature);
        if (!record || !this.net.meetsCommitment(record, sub.commitment)) return;
        this.#notify(socket, 'signatureNotification', id, { context: { slot: this.net.slot }, value: { err: record.err } });
        socket.subs.delete(id); // the subscription ends with its terminal notification
    }

    /** Landed transactions writing an address that meet a commitment, oldest first. */
    #writes(address, commitment) {
        return this.net.transactionsFor(address, commitment).filter((r) => r.writable.has(address)).reverse();
    }

    #checkAccount(socket, id, sub) {
        const fresh = this.#writes(sub.address, sub.commitment).filter((r) => r.seq > sub.seenSeq);
        if (fresh.length === 0) return;
        sub.seenSeq = fresh.at(-1).seq;
        const acc = this.net.account(sub.address);
        let value;
        try {
            value = encodeAccount(acc ?? EMPTY_ACCOUNT, sub.encoding, sub.dataSlice, this.net.decimalsOfMint);
        } catch (e) {
            this.log(`accountNotification for ${sub.address} not sent: ${e.message}`);
            return;
        }
        this.#notify(socket, 'accountNotification', id, { context: { slot: this.net.slot }, value });
    }

    #onSlot(slot) {
        for (const socket of this.sockets) {
            for (const [id, sub] of socket.subs) {
                if (sub.kind === 'slot') {
                    this.#notify(socket, 'slotNotification', id,
                        { parent: slot - 1, root: this.net.slotAt('finalized'), slot });
                } else if (sub.kind === 'signature') {
                    this.#checkSignature(socket, id, sub);
                } else if (sub.kind === 'account') {
                    this.#checkAccount(socket, id, sub);
                }
            }
        }
    }

    #onTransaction(record) {
        for (const socket of this.sockets) {
            for (const [id, sub] of socket.subs) {
                if (sub.kind === 'account') {
                    this.#checkAccount(socket, id, sub);
                } else if (sub.kind === 'signature' && sub.signature === record.signature) {
                    if (sub.received) {
                        sub.received = false;
                        this.#notify(socket, 'signatureNotification', id,
                            { context: { slot: this.net.slot }, value: 'receivedSignature' });
                    }
                    this.#checkSignature(socket, id, sub);
                }
            }
        }
    }
}
