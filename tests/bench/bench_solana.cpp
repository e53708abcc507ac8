// The Solana wire format's costs, per transaction: building a SOL transfer with a memo (compile,
// ed25519 sign, serialize with the size check) and decoding one back into readable instructions
// (parse the wire, jsonParsed-style decode). tests/crosscheck/bench_web3.mjs does the same work
// with @solana/web3.js for a side-by-side figure. Plus the pieces: signature check and ATA
// derivation (up to 255 SHA-256 + curve checks).

#include "crypto/Keypair.h"
#include "solana/MemoProgram.h"
#include "solana/ProgramAddress.h"
#include "solana/SystemProgram.h"
#include "solana/Transaction.h"
#include "solana/TransactionDecoder.h"

#include <benchmark/benchmark.h>

#include <array>

using namespace ovpp::core;

namespace {

Keypair payerKeypair()
{
    std::array<std::uint8_t, 32> seed;
    seed.fill(1); // golden.json's payer seed: public test key
    return Keypair::fromSeed(seed);
}

PublicKey recipient()
{
    return PublicKey::fromBase58(QStringLiteral("9hSR6S7WPtxmTojgo6GG3k4yDPecgJY292j7xrsUGWBu"))
        .value();
}

Blockhash blockhash()
{
    return Blockhash::fromBase58(QStringLiteral("XDFNmKEf9rfrEWfkckeS4nmiD4pcfZ2T44ACSr8FVVZ"))
        .value();
}

const QString Memo = QStringLiteral("OpenVPP invoice 2024-06 ✓");

QByteArray buildWire(const Keypair &payer)
{
    const auto message
        = Message::compile(payer.publicKey(),
                           {MemoProgram::memo(Memo),
                            SystemProgram::transfer(payer.publicKey(), recipient(), 1'234'567)},
                           blockhash());
    Transaction transaction(message.value());
    (void)transaction.sign(payer);
    return transaction.serialize().value();
}

std::span<const std::uint8_t> bytesOf(const QByteArray &data)
{
    return {reinterpret_cast<const std::uint8_t *>(data.constData()),
            static_cast<std::size_t>(data.size())};
}

void BM_BuildSignSerializeSolTransferWithMemo(benchmark::State &state)
{
    const Keypair payer = payerKeypair();
    const PublicKey to = recipient();
    const Blockhash hash = blockhash();
    for (auto _ : state) {
        auto message = Message::compile(
            payer.publicKey(),
            {MemoProgram::memo(Memo), SystemProgram::transfer(payer.publicKey(), to, 1'234'567)},
            hash);
        Transaction transaction(std::move(message.value()));
        auto signed_ = transaction.sign(payer);
        auto wire = transaction.serialize();
        benchmark::DoNotOptimize(signed_);
        benchmark::DoNotOptimize(wire->constData());
    }
}
BENCHMARK(BM_BuildSignSerializeSolTransferWithMemo)->Unit(benchmark::kMicrosecond);

void BM_DecodeSolTransferWithMemo(benchmark::State &state)
{
    const QByteArray wire = buildWire(payerKeypair());
    for (auto _ : state) {
        auto transaction = Transaction::deserialize(bytesOf(wire));
        QJsonArray instructions = TransactionDecoder::decodeInstructions(transaction->message());
        benchmark::DoNotOptimize(instructions.size());
    }
}
BENCHMARK(BM_DecodeSolTransferWithMemo)->Unit(benchmark::kMicrosecond);

void BM_DeserializeOnly(benchmark::State &state)
{
    const QByteArray wire = buildWire(payerKeypair());
    for (auto _ : state) {
        auto transaction = Transaction::deserialize(bytesOf(wire));
        benchmark::DoNotOptimize(transaction.ok());
    }
}
BENCHMARK(BM_DeserializeOnly)->Unit(benchmark::kMicrosecond);

void BM_VerifySignatures(benchmark::State &state)
{
    const auto transaction = Transaction::deserialize(bytesOf(buildWire(payerKeypair())));
    for (auto _ : state) {
        auto verified = transaction->verifySignatures();
        benchmark::DoNotOptimize(verified);
    }
}
BENCHMARK(BM_VerifySignatures)->Unit(benchmark::kMicrosecond);

void BM_AssociatedTokenAddress(benchmark::State &state)
{
    const PublicKey wallet = payerKeypair().publicKey();
    const PublicKey mint
        = PublicKey::fromBase58(QStringLiteral("GyGKxMyg1p9SsHfm15MkNUu1u9TN2JtTspcdmrtGUdse"))
              .value();
    for (auto _ : state) {
        auto found = ProgramAddress::associatedTokenAddress(wallet, mint);
        benchmark::DoNotOptimize(found);
    }
}
BENCHMARK(BM_AssociatedTokenAddress)->Unit(benchmark::kMicrosecond);

} // namespace
