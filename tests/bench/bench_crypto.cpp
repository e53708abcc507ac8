// The costs behind the crypto layer's user-visible waits: turning a phrase into a seed (PBKDF2,
// 2048 rounds, by design the slow part), deriving a Solana key, validating what the user types
// and encoding addresses.

#include "crypto/Base58.h"
#include "crypto/DerivationPath.h"
#include "crypto/Keypair.h"
#include "crypto/Mnemonic.h"

#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

using namespace ovpp::core;

namespace {

// The BIP39 test phrase: public, so fine to hard-code in a benchmark.
constexpr std::string_view Phrase = "abandon abandon abandon abandon abandon abandon abandon "
                                    "abandon abandon abandon abandon about";
constexpr std::string_view Phrase24
    = "legal winner thank year wave sausage worth useful legal winner thank year wave sausage "
      "worth useful legal winner thank year wave sausage worth title";

std::span<const std::uint8_t> bytesOf(std::string_view text)
{
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

void BM_Bip39PhraseToSeed(benchmark::State &state)
{
    for (auto _ : state) {
        SecretBytes seed = mnemonic::toSeed(bytesOf(Phrase), {});
        benchmark::DoNotOptimize(seed.data());
    }
}
BENCHMARK(BM_Bip39PhraseToSeed)->Unit(benchmark::kMillisecond);

void BM_Slip10DeriveSolanaPath(benchmark::State &state)
{
    const SecretBytes seed = mnemonic::toSeed(bytesOf(Phrase), {});
    const DerivationPath path; // m/44'/501'/0'/0'
    for (auto _ : state) {
        SecretBytes node = slip10DeriveEd25519(seed.span(), path.components());
        benchmark::DoNotOptimize(node.data());
    }
}
BENCHMARK(BM_Slip10DeriveSolanaPath)->Unit(benchmark::kMicrosecond);

void BM_KeypairFromBip39Seed(benchmark::State &state)
{
    const SecretBytes seed = mnemonic::toSeed(bytesOf(Phrase), {});
    const DerivationPath path;
    for (auto _ : state) {
        Keypair keypair = Keypair::fromBip39Seed(seed.span(), path);
        benchmark::DoNotOptimize(keypair.publicKey().bytes().data());
    }
}
BENCHMARK(BM_KeypairFromBip39Seed)->Unit(benchmark::kMicrosecond);

// What "import a phrase" costs end to end: validate, seed, derive, address.
void BM_PhraseToAddress(benchmark::State &state)
{
    const DerivationPath path;
    for (auto _ : state) {
        auto phrase = mnemonic::validate(bytesOf(Phrase));
        SecretBytes seed = mnemonic::toSeed(phrase->span(), {});
        Keypair keypair = Keypair::fromBip39Seed(seed.span(), path);
        QString address = keypair.publicKey().toBase58();
        benchmark::DoNotOptimize(address.data());
    }
}
BENCHMARK(BM_PhraseToAddress)->Unit(benchmark::kMillisecond);

void BM_MnemonicValidate12(benchmark::State &state)
{
    for (auto _ : state) {
        auto result = mnemonic::validate(bytesOf(Phrase));
        benchmark::DoNotOptimize(result.ok());
    }
}
BENCHMARK(BM_MnemonicValidate12)->Unit(benchmark::kMicrosecond);

void BM_MnemonicValidate24(benchmark::State &state)
{
    for (auto _ : state) {
        auto result = mnemonic::validate(bytesOf(Phrase24));
        benchmark::DoNotOptimize(result.ok());
    }
}
BENCHMARK(BM_MnemonicValidate24)->Unit(benchmark::kMicrosecond);

// The error path scans the whole list for the closest word: it must stay interactive.
void BM_MnemonicValidateTypoSuggestion(benchmark::State &state)
{
    constexpr std::string_view typo = "abandon abandon abandon abandon abandon abandon abandon "
                                      "abandon abandon abandon abandon abuot";
    for (auto _ : state) {
        auto result = mnemonic::validate(bytesOf(typo));
        benchmark::DoNotOptimize(result.ok());
    }
}
BENCHMARK(BM_MnemonicValidateTypoSuggestion)->Unit(benchmark::kMicrosecond);

std::array<std::uint8_t, 32> sampleKey()
{
    std::array<std::uint8_t, 32> key {};
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(0xF0 - 7 * i);
    return key;
}

void BM_Base58Encode32(benchmark::State &state)
{
    const auto key = sampleKey();
    for (auto _ : state) {
        QString text = base58::encode(key);
        benchmark::DoNotOptimize(text.data());
    }
}
BENCHMARK(BM_Base58Encode32);

void BM_Base58Decode32(benchmark::State &state)
{
    const auto key = sampleKey();
    const QString text = base58::encode(key);
    for (auto _ : state) {
        auto bytes = base58::decode(text);
        benchmark::DoNotOptimize(bytes.ok());
    }
}
BENCHMARK(BM_Base58Decode32);

void BM_Sign(benchmark::State &state)
{
    const auto key = sampleKey();
    const Keypair keypair = Keypair::fromSeed(key);
    const std::array<std::uint8_t, 200> message {}; // about a small transaction message
    for (auto _ : state) {
        QByteArray signature = keypair.sign(message);
        benchmark::DoNotOptimize(signature.data());
    }
}
BENCHMARK(BM_Sign)->Unit(benchmark::kMicrosecond);

} // namespace
