#pragma once

// Where an account's key comes from: a SLIP-0010 path (all components hardened, as ed25519
// requires) or the legacy solana-keygen rule "first 32 bytes of the BIP39 seed" (no path).

#include "common/Result.h"

#include <QList>
#include <QString>

#include <cstdint>

namespace ovpp::core {

class DerivationPath
{
public:
    // The schemes other wallets use; the import chooser offers all of them.
    enum class Scheme {
        Bip44Change, // m/44'/501'/n'/0'  Phantom, Solflare, solana-keygen --derivation-path
        Bip44, // m/44'/501'/n'
        LedgerLive, // m/44'/501'/n'/0'/0'
        LegacySeed, // no path: seed[0..32] (solana-keygen without --derivation-path)
    };

    DerivationPath() = default; // m/44'/501'/0'/0'
    static DerivationPath forScheme(Scheme scheme, std::uint32_t account);
    static DerivationPath legacySeed();

    // "m/44'/501'/0'/0'" ("h"/"H" also accepted for hardened; non-hardened components are
    // promoted to hardened as solana-keygen does), or "none" for the legacy seed rule.
    static Result<DerivationPath> parse(QStringView text);

    bool isLegacySeed() const { return m_legacySeed; }
    // Hardened indexes without the 2^31 bit.
    const QList<std::uint32_t> &components() const { return m_components; }
    QString toString() const; // canonical "m/44'/501'/0'/0'" or "none"

    friend bool operator==(const DerivationPath &, const DerivationPath &) = default;

private:
    QList<std::uint32_t> m_components {44, 501, 0, 0};
    bool m_legacySeed = false;
};

} // namespace ovpp::core
