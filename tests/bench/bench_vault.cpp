// Vault costs users feel: unlocking (Argon2id with the shipped parameters dominates) and the save
// after every change (encrypt, write the backup and the new file, each flushed to disk).
// Figures: docs/vault-format.md ("Costs").

#include "crypto/DerivationPath.h"
#include "crypto/Mnemonic.h"
#include "crypto/SecretBytes.h"
#include "wallet/Wallet.h"

#include <QString>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <sodium.h>

#include <optional>

using namespace ovpp::core;

namespace {

SecretBytes password()
{
    return SecretBytes::fromView("correct horse battery staple");
}

// A vault like a household's or a small fleet's: one mnemonic with a few derived accounts, one
// imported key, the rest watch-only addresses.
std::optional<Wallet> makeVault(benchmark::State &state, const QString &path, KdfParams kdf,
                                int accounts)
{
    auto created = Wallet::create(path, password(), kdf);
    if (!created) {
        state.SkipWithError(describe(created.error()).toStdString().c_str());
        return std::nullopt;
    }
    Wallet wallet = std::move(created).value();
    auto phrase = mnemonic::generate(24);
    if (!phrase || !wallet.addMnemonic(*phrase, SecretBytes(), DerivationPath())) {
        state.SkipWithError("cannot add a mnemonic");
        return std::nullopt;
    }
    for (int i = 1; i < accounts; ++i) {
        bool ok = false;
        if (i < 5) {
            ok = wallet.addDerivedAccount(0).ok();
        } else if (i == 5) {
            std::uint8_t seed[32];
            randombytes_buf(seed, sizeof seed);
            ok = wallet.importKeypair(Keypair::fromSeed(seed)).ok();
        } else {
            PublicKey::Bytes address {};
            randombytes_buf(address.data(), address.size());
            ok = wallet.addWatchOnly(PublicKey(address)).ok();
        }
        if (!ok) {
            state.SkipWithError("cannot add an account");
            return std::nullopt;
        }
    }
    return wallet;
}

// What a user waits for after typing the password: read, Argon2id (256 MiB, 3 passes), decrypt,
// parse.
void BM_UnlockStandard(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.ovppvault"));
    if (!makeVault(state, path, KdfParams::standard(), 10))
        return;
    for (auto _ : state) {
        auto wallet = Wallet::open(path, password());
        if (!wallet) {
            state.SkipWithError(describe(wallet.error()).toStdString().c_str());
            return;
        }
        benchmark::DoNotOptimize(wallet.ok());
    }
}
BENCHMARK(BM_UnlockStandard)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(5);

// Everything in an unlock except Argon2id: what the file format itself costs, by vault size.
void BM_UnlockMinimumKdf(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.ovppvault"));
    if (!makeVault(state, path, KdfParams::minimumForTests(), static_cast<int>(state.range(0))))
        return;
    for (auto _ : state) {
        auto wallet = Wallet::open(path, password());
        if (!wallet) {
            state.SkipWithError(describe(wallet.error()).toStdString().c_str());
            return;
        }
        benchmark::DoNotOptimize(wallet.ok());
    }
}
BENCHMARK(BM_UnlockMinimumKdf)->Arg(10)->Arg(100)->Unit(benchmark::kMicrosecond)->UseRealTime();

// One change (a rename), saved: serialize, encrypt, write PATH.bak and PATH atomically with
// fsync. No Argon2id here, so the KDF parameters do not matter.
void BM_SaveAfterRename(benchmark::State &state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.ovppvault"));
    auto wallet
        = makeVault(state, path, KdfParams::minimumForTests(), static_cast<int>(state.range(0)));
    if (!wallet)
        return;
    const QString id = wallet->accounts().constFirst().id;
    int n = 0;
    for (auto _ : state) {
        if (!wallet->renameAccount(id, QStringLiteral("Account %1").arg(++n))) {
            state.SkipWithError("save failed");
            return;
        }
    }
}
BENCHMARK(BM_SaveAfterRename)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
