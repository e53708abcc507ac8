#include "TransactionDecoder.h"

#include "AssociatedTokenProgram.h"
#include "ComputeBudgetProgram.h"
#include "LittleEndian.h"
#include "ProgramIds.h"
#include "SystemProgram.h"
#include "TokenProgram.h"
#include "crypto/Base58.h"

#include <QStringDecoder>

#include <optional>

namespace ovpp::core {

namespace {

constexpr std::uint64_t MaxSafeInteger = (std::uint64_t(1) << 53) - 1;

// The {type, info} pair of a parsed instruction.
struct Parsed
{
    QString type;
    QJsonObject info;
};

// Sequential reads from instruction data; every read may fail on short data.
class DataCursor
{
public:
    explicit DataCursor(const QByteArray &data, qsizetype offset = 0)
        : m_data(data)
        , m_offset(offset)
    { }

    qsizetype remaining() const { return m_data.size() - m_offset; }

    template<typename T> std::optional<T> integer()
    {
        auto value = le::read<T>(m_data, m_offset);
        if (value)
            m_offset += static_cast<qsizetype>(sizeof(T));
        return value;
    }

    std::optional<QString> pubkey()
    {
        if (remaining() < static_cast<qsizetype>(PublicKey::Size))
            return std::nullopt;
        const auto *begin = reinterpret_cast<const std::uint8_t *>(m_data.constData() + m_offset);
        m_offset += PublicKey::Size;
        return base58::encode(std::span<const std::uint8_t>(begin, PublicKey::Size));
    }

    // The token program's COption<Pubkey> packing: 0 → None, 1 + key → Some.
    // Outer nullopt = malformed; inner nullopt = None.
    std::optional<std::optional<QString>> optionalPubkey()
    {
        auto tag = integer<std::uint8_t>();
        if (!tag)
            return std::nullopt;
        if (*tag == 0)
            return std::optional<QString>();
        if (*tag != 1)
            return std::nullopt;
        auto key = pubkey();
        if (!key)
            return std::nullopt;
        return std::optional<QString>(*key);
    }

    // bincode String: u64 LE length, then UTF-8.
    std::optional<QString> bincodeString();

    QByteArray rest() const { return m_data.mid(m_offset); }

private:
    const QByteArray &m_data;
    qsizetype m_offset = 0;
};

// Strict UTF-8, as Rust's str::from_utf8: invalid sequences fail instead of becoming U+FFFD,
// and a leading BOM is kept as a character.
std::optional<QString> strictUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless
                               | QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

std::optional<QString> DataCursor::bincodeString()
{
    auto length = integer<std::uint64_t>();
    if (!length || *length > static_cast<std::uint64_t>(remaining()))
        return std::nullopt;
    const QByteArray bytes = m_data.mid(m_offset, static_cast<qsizetype>(*length));
    m_offset += static_cast<qsizetype>(*length);
    return strictUtf8(bytes);
}

QString u64String(std::uint64_t value)
{
    return QString::number(value);
}

// --- System -------------------------------------------------------------------------------

std::optional<Parsed> parseSystem(const QStringList &a, const QByteArray &data)
{
    DataCursor in(data);
    auto index = in.integer<std::uint32_t>();
    if (!index)
        return std::nullopt;
    auto need = [&a](int n) {
        return a.size() >= n;
    };
    auto u64 = [](std::uint64_t v) {
        return TransactionDecoder::u64Value(v);
    };
    switch (*index) {
    case SystemProgram::CreateAccount: {
        auto lamports = in.integer<std::uint64_t>();
        auto space = in.integer<std::uint64_t>();
        auto owner = in.pubkey();
        if (!lamports || !space || !owner || !need(2))
            return std::nullopt;
        return Parsed {QStringLiteral("createAccount"),
                       {{QStringLiteral("source"), a[0]},
                        {QStringLiteral("newAccount"), a[1]},
                        {QStringLiteral("lamports"), u64(*lamports)},
                        {QStringLiteral("space"), u64(*space)},
                        {QStringLiteral("owner"), *owner}}};
    }
    case SystemProgram::Assign: {
        auto owner = in.pubkey();
        if (!owner || !need(1))
            return std::nullopt;
        return Parsed {QStringLiteral("assign"),
                       {{QStringLiteral("account"), a[0]}, {QStringLiteral("owner"), *owner}}};
    }
    case SystemProgram::Transfer: {
        auto lamports = in.integer<std::uint64_t>();
        if (!lamports || !need(2))
            return std::nullopt;
        return Parsed {QStringLiteral("transfer"),
                       {{QStringLiteral("source"), a[0]},
                        {QStringLiteral("destination"), a[1]},
                        {QStringLiteral("lamports"), u64(*lamports)}}};
    }
    case SystemProgram::CreateAccountWithSeed: {
        auto base = in.pubkey();
        auto seed = in.bincodeString();
        auto lamports = in.integer<std::uint64_t>();
        auto space = in.integer<std::uint64_t>();
        auto owner = in.pubkey();
        if (!base || !seed || !lamports || !space || !owner || !need(2))
            return std::nullopt;
        return Parsed {QStringLiteral("createAccountWithSeed"),
                       {{QStringLiteral("source"), a[0]},
                        {QStringLiteral("newAccount"), a[1]},
                        {QStringLiteral("base"), *base},
                        {QStringLiteral("seed"), *seed},
                        {QStringLiteral("lamports"), u64(*lamports)},
                        {QStringLiteral("space"), u64(*space)},
                        {QStringLiteral("owner"), *owner}}};
    }
    case SystemProgram::AdvanceNonceAccount:
        if (!need(3))
            return std::nullopt;
        return Parsed {QStringLiteral("advanceNonce"),
                       {{QStringLiteral("nonceAccount"), a[0]},
                        {QStringLiteral("recentBlockhashesSysvar"), a[1]},
                        {QStringLiteral("nonceAuthority"), a[2]}}};
    case SystemProgram::WithdrawNonceAccount: {
        auto lamports = in.integer<std::uint64_t>();
        if (!lamports || !need(5))
            return std::nullopt;
        return Parsed {QStringLiteral("withdrawFromNonce"),
                       {{QStringLiteral("nonceAccount"), a[0]},
                        {QStringLiteral("destination"), a[1]},
                        {QStringLiteral("recentBlockhashesSysvar"), a[2]},
                        {QStringLiteral("rentSysvar"), a[3]},
                        {QStringLiteral("nonceAuthority"), a[4]},
                        {QStringLiteral("lamports"), u64(*lamports)}}};
    }
    case SystemProgram::InitializeNonceAccount: {
        auto authority = in.pubkey();
        if (!authority || !need(3))
            return std::nullopt;
        return Parsed {QStringLiteral("initializeNonce"),
                       {{QStringLiteral("nonceAccount"), a[0]},
                        {QStringLiteral("recentBlockhashesSysvar"), a[1]},
                        {QStringLiteral("rentSysvar"), a[2]},
                        {QStringLiteral("nonceAuthority"), *authority}}};
    }
    case SystemProgram::AuthorizeNonceAccount: {
        auto authority = in.pubkey();
        if (!authority || !need(2))
            return std::nullopt;
        return Parsed {QStringLiteral("authorizeNonce"),
                       {{QStringLiteral("nonceAccount"), a[0]},
                        {QStringLiteral("nonceAuthority"), a[1]},
                        {QStringLiteral("newAuthorized"), *authority}}};
    }
    case SystemProgram::Allocate: {
        auto space = in.integer<std::uint64_t>();
        if (!space || !need(1))
            return std::nullopt;
        return Parsed {QStringLiteral("allocate"),
                       {{QStringLiteral("account"), a[0]}, {QStringLiteral("space"), u64(*space)}}};
    }
    case SystemProgram::AllocateWithSeed: {
        auto base = in.pubkey();
        auto seed = in.bincodeString();
        auto space = in.integer<std::uint64_t>();
        auto owner = in.pubkey();
        if (!base || !seed || !space || !owner || !need(2))
            return std::nullopt;
        return Parsed {QStringLiteral("allocateWithSeed"),
                       {{QStringLiteral("account"), a[0]},
                        {QStringLiteral("base"), *base},
                        {QStringLiteral("seed"), *seed},
                        {QStringLiteral("space"), u64(*space)},
                        {QStringLiteral("owner"), *owner}}};
    }
    case SystemProgram::AssignWithSeed: {
        auto base = in.pubkey();
        auto seed = in.bincodeString();
        auto owner = in.pubkey();
        if (!base || !seed || !owner || !need(2))
            return std::nullopt;
        return Parsed {QStringLiteral("assignWithSeed"),
                       {{QStringLiteral("account"), a[0]},
                        {QStringLiteral("base"), *base},
                        {QStringLiteral("seed"), *seed},
                        {QStringLiteral("owner"), *owner}}};
    }
    case SystemProgram::TransferWithSeed: {
        auto lamports = in.integer<std::uint64_t>();
        auto seed = in.bincodeString();
        auto owner = in.pubkey();
        if (!lamports || !seed || !owner || !need(3))
            return std::nullopt;
        return Parsed {QStringLiteral("transferWithSeed"),
                       {{QStringLiteral("source"), a[0]},
                        {QStringLiteral("sourceBase"), a[1]},
                        {QStringLiteral("destination"), a[2]},
                        {QStringLiteral("lamports"), u64(*lamports)},
                        {QStringLiteral("sourceSeed"), *seed},
                        {QStringLiteral("sourceOwner"), *owner}}};
    }
    case SystemProgram::UpgradeNonceAccount:
        if (!need(1))
            return std::nullopt;
        return Parsed {QStringLiteral("upgradeNonce"), {{QStringLiteral("nonceAccount"), a[0]}}};
    default:
        return std::nullopt;
    }
}

// --- SPL Token ----------------------------------------------------------------------------

// The RPC's parse_signers: with more accounts than the authority slot, the authority is a
// multisig and the remaining accounts are its signers.
void addAuthority(QJsonObject &info, const QStringList &a, int authorityIndex,
                  const QString &ownerField, const QString &multisigField)
{
    if (a.size() > authorityIndex + 1) {
        info.insert(multisigField, a[authorityIndex]);
        QJsonArray signers;
        for (int i = authorityIndex + 1; i < a.size(); ++i)
            signers.append(a[i]);
        info.insert(QStringLiteral("signers"), signers);
    } else {
        info.insert(ownerField, a[authorityIndex]);
    }
}

QJsonObject tokenAmount(std::uint64_t amount, std::uint8_t decimals)
{
    return {
        {QStringLiteral("amount"), u64String(amount)},
        {QStringLiteral("decimals"), decimals},
        {QStringLiteral("uiAmountString"), TransactionDecoder::uiAmountString(amount, decimals)}};
}

std::optional<QString> authorityTypeName(std::uint8_t type)
{
    // spl-token AuthorityType order; the Token-2022 extension kinds stay raw.
    switch (type) {
    case 0:
        return QStringLiteral("mintTokens");
    case 1:
        return QStringLiteral("freezeAccount");
    case 2:
        return QStringLiteral("accountOwner");
    case 3:
        return QStringLiteral("closeAccount");
    default:
        return std::nullopt;
    }
}

std::optional<Parsed> parseToken(const QStringList &a, const QByteArray &data)
{
    if (data.isEmpty())
        return std::nullopt;
    DataCursor in(data, 1);
    const auto tag = static_cast<std::uint8_t>(data[0]);
    auto need = [&a](int n) {
        return a.size() >= n;
    };
    const QString authority = QStringLiteral("authority");
    const QString multisigAuthority = QStringLiteral("multisigAuthority");
    const QString owner = QStringLiteral("owner");
    const QString multisigOwner = QStringLiteral("multisigOwner");

    switch (tag) {
    case TokenProgram::InitializeMint:
    case TokenProgram::InitializeMint2: {
        const bool two = tag == TokenProgram::InitializeMint2;
        auto decimals = in.integer<std::uint8_t>();
        auto mintAuthority = in.pubkey();
        auto freeze = in.optionalPubkey();
        if (!decimals || !mintAuthority || !freeze || !need(two ? 1 : 2))
            return std::nullopt;
        QJsonObject info {{QStringLiteral("mint"), a[0]},
                          {QStringLiteral("decimals"), *decimals},
                          {QStringLiteral("mintAuthority"), *mintAuthority}};
        if (!two)
            info.insert(QStringLiteral("rentSysvar"), a[1]);
        if (*freeze)
            info.insert(QStringLiteral("freezeAuthority"), **freeze);
        return Parsed {two ? QStringLiteral("initializeMint2") : QStringLiteral("initializeMint"),
                       info};
    }
    case TokenProgram::InitializeAccount:
        if (!need(4))
            return std::nullopt;
        return Parsed {QStringLiteral("initializeAccount"),
                       {{QStringLiteral("account"), a[0]},
                        {QStringLiteral("mint"), a[1]},
                        {owner, a[2]},
                        {QStringLiteral("rentSysvar"), a[3]}}};
    case TokenProgram::InitializeAccount2:
    case TokenProgram::InitializeAccount3: {
        const bool two = tag == TokenProgram::InitializeAccount2;
        auto ownerKey = in.pubkey();
        if (!ownerKey || !need(two ? 3 : 2))
            return std::nullopt;
        QJsonObject info {
            {QStringLiteral("account"), a[0]}, {QStringLiteral("mint"), a[1]}, {owner, *ownerKey}};
        if (two)
            info.insert(QStringLiteral("rentSysvar"), a[2]);
        return Parsed {two ? QStringLiteral("initializeAccount2")
                           : QStringLiteral("initializeAccount3"),
                       info};
    }
    case TokenProgram::InitializeMultisig:
    case TokenProgram::InitializeMultisig2: {
        const bool two = tag == TokenProgram::InitializeMultisig2;
        auto m = in.integer<std::uint8_t>();
        const int first = two ? 1 : 2;
        if (!m || !need(two ? 2 : 3))
            return std::nullopt;
        QJsonArray signers;
        for (int i = first; i < a.size(); ++i)
            signers.append(a[i]);
        QJsonObject info {{QStringLiteral("multisig"), a[0]},
                          {QStringLiteral("signers"), signers},
                          {QStringLiteral("m"), *m}};
        if (!two)
            info.insert(QStringLiteral("rentSysvar"), a[1]);
        return Parsed {two ? QStringLiteral("initializeMultisig2")
                           : QStringLiteral("initializeMultisig"),
                       info};
    }
    case TokenProgram::Transfer:
    case TokenProgram::Approve: {
        const bool transfer = tag == TokenProgram::Transfer;
        auto amount = in.integer<std::uint64_t>();
        if (!amount || !need(3))
            return std::nullopt;
        QJsonObject info {
            {QStringLiteral("source"), a[0]},
            {transfer ? QStringLiteral("destination") : QStringLiteral("delegate"), a[1]},
            {QStringLiteral("amount"), u64String(*amount)}};
        if (transfer)
            addAuthority(info, a, 2, authority, multisigAuthority);
        else
            addAuthority(info, a, 2, owner, multisigOwner);
        return Parsed {transfer ? QStringLiteral("transfer") : QStringLiteral("approve"), info};
    }
    case TokenProgram::Revoke: {
        if (!need(2))
            return std::nullopt;
        QJsonObject info {{QStringLiteral("source"), a[0]}};
        addAuthority(info, a, 1, owner, multisigOwner);
        return Parsed {QStringLiteral("revoke"), info};
    }
    case TokenProgram::SetAuthority: {
        auto type = in.integer<std::uint8_t>();
        auto newAuthority = in.optionalPubkey();
        if (!type || !newAuthority || !need(2))
            return std::nullopt;
        auto typeName = authorityTypeName(*type);
        if (!typeName)
            return std::nullopt;
        const bool ofMint = *type <= 1;
        QJsonObject info {{ofMint ? QStringLiteral("mint") : QStringLiteral("account"), a[0]},
                          {QStringLiteral("authorityType"), *typeName},
                          {QStringLiteral("newAuthority"),
                           *newAuthority ? QJsonValue(**newAuthority) : QJsonValue()}};
        addAuthority(info, a, 1, authority, multisigAuthority);
        return Parsed {QStringLiteral("setAuthority"), info};
    }
    case TokenProgram::MintTo:
    case TokenProgram::Burn: {
        const bool mintTo = tag == TokenProgram::MintTo;
        auto amount = in.integer<std::uint64_t>();
        if (!amount || !need(3))
            return std::nullopt;
        QJsonObject info;
        if (mintTo) {
            info = {{QStringLiteral("mint"), a[0]}, {QStringLiteral("account"), a[1]}};
            info.insert(QStringLiteral("amount"), u64String(*amount));
            addAuthority(info, a, 2, QStringLiteral("mintAuthority"),
                         QStringLiteral("multisigMintAuthority"));
        } else {
            info = {{QStringLiteral("account"), a[0]}, {QStringLiteral("mint"), a[1]}};
            info.insert(QStringLiteral("amount"), u64String(*amount));
            addAuthority(info, a, 2, authority, multisigAuthority);
        }
        return Parsed {mintTo ? QStringLiteral("mintTo") : QStringLiteral("burn"), info};
    }
    case TokenProgram::CloseAccount: {
        if (!need(3))
            return std::nullopt;
        QJsonObject info {{QStringLiteral("account"), a[0]}, {QStringLiteral("destination"), a[1]}};
        addAuthority(info, a, 2, owner, multisigOwner);
        return Parsed {QStringLiteral("closeAccount"), info};
    }
    case TokenProgram::FreezeAccount:
    case TokenProgram::ThawAccount: {
        if (!need(3))
            return std::nullopt;
        QJsonObject info {{QStringLiteral("account"), a[0]}, {QStringLiteral("mint"), a[1]}};
        addAuthority(info, a, 2, QStringLiteral("freezeAuthority"),
                     QStringLiteral("multisigFreezeAuthority"));
        return Parsed {tag == TokenProgram::FreezeAccount ? QStringLiteral("freezeAccount")
                                                          : QStringLiteral("thawAccount"),
                       info};
    }
    case TokenProgram::TransferChecked:
    case TokenProgram::ApproveChecked: {
        const bool transfer = tag == TokenProgram::TransferChecked;
        auto amount = in.integer<std::uint64_t>();
        auto decimals = in.integer<std::uint8_t>();
        if (!amount || !decimals || !need(4))
            return std::nullopt;
        QJsonObject info {
            {QStringLiteral("source"), a[0]},
            {QStringLiteral("mint"), a[1]},
            {transfer ? QStringLiteral("destination") : QStringLiteral("delegate"), a[2]},
            {QStringLiteral("tokenAmount"), tokenAmount(*amount, *decimals)}};
        if (transfer)
            addAuthority(info, a, 3, authority, multisigAuthority);
        else
            addAuthority(info, a, 3, owner, multisigOwner);
        return Parsed {
            transfer ? QStringLiteral("transferChecked") : QStringLiteral("approveChecked"), info};
    }
    case TokenProgram::MintToChecked:
    case TokenProgram::BurnChecked: {
        const bool mintTo = tag == TokenProgram::MintToChecked;
        auto amount = in.integer<std::uint64_t>();
        auto decimals = in.integer<std::uint8_t>();
        if (!amount || !decimals || !need(3))
            return std::nullopt;
        QJsonObject info;
        if (mintTo) {
            info = {{QStringLiteral("mint"), a[0]}, {QStringLiteral("account"), a[1]}};
            info.insert(QStringLiteral("tokenAmount"), tokenAmount(*amount, *decimals));
            addAuthority(info, a, 2, QStringLiteral("mintAuthority"),
                         QStringLiteral("multisigMintAuthority"));
        } else {
            info = {{QStringLiteral("account"), a[0]}, {QStringLiteral("mint"), a[1]}};
            info.insert(QStringLiteral("tokenAmount"), tokenAmount(*amount, *decimals));
            addAuthority(info, a, 2, authority, multisigAuthority);
        }
        return Parsed {mintTo ? QStringLiteral("mintToChecked") : QStringLiteral("burnChecked"),
                       info};
    }
    case TokenProgram::SyncNative:
    case TokenProgram::InitializeImmutableOwner:
        if (!need(1))
            return std::nullopt;
        return Parsed {tag == TokenProgram::SyncNative ? QStringLiteral("syncNative")
                                                       : QStringLiteral("initializeImmutableOwner"),
                       {{QStringLiteral("account"), a[0]}}};
    case TokenProgram::GetAccountDataSize:
        // Extension types (Token-2022) follow when present; those stay raw.
        if (!need(1) || in.remaining() != 0)
            return std::nullopt;
        return Parsed {QStringLiteral("getAccountDataSize"), {{QStringLiteral("mint"), a[0]}}};
    case TokenProgram::AmountToUiAmount: {
        auto amount = in.integer<std::uint64_t>();
        if (!amount || !need(1))
            return std::nullopt;
        return Parsed {
            QStringLiteral("amountToUiAmount"),
            {{QStringLiteral("mint"), a[0]}, {QStringLiteral("amount"), u64String(*amount)}}};
    }
    case TokenProgram::UiAmountToAmount: {
        auto text = strictUtf8(in.rest());
        if (!text || !need(1))
            return std::nullopt;
        return Parsed {QStringLiteral("uiAmountToAmount"),
                       {{QStringLiteral("mint"), a[0]}, {QStringLiteral("uiAmount"), *text}}};
    }
    default:
        return std::nullopt;
    }
}

// --- Associated Token Account -------------------------------------------------------------

std::optional<Parsed> parseAssociatedToken(const QStringList &a, const QByteArray &data)
{
    // Empty data is Create (the program's own rule); otherwise exactly one borsh enum byte.
    int tag = AssociatedTokenProgram::Create;
    if (!data.isEmpty()) {
        if (data.size() != 1)
            return std::nullopt;
        tag = static_cast<std::uint8_t>(data[0]);
    }
    switch (tag) {
    case AssociatedTokenProgram::Create:
    case AssociatedTokenProgram::CreateIdempotent:
        if (a.size() < 6)
            return std::nullopt;
        return Parsed {tag == AssociatedTokenProgram::Create ? QStringLiteral("create")
                                                             : QStringLiteral("createIdempotent"),
                       {{QStringLiteral("source"), a[0]},
                        {QStringLiteral("account"), a[1]},
                        {QStringLiteral("wallet"), a[2]},
                        {QStringLiteral("mint"), a[3]},
                        {QStringLiteral("systemProgram"), a[4]},
                        {QStringLiteral("tokenProgram"), a[5]}}};
    case AssociatedTokenProgram::RecoverNested:
        if (a.size() < 7)
            return std::nullopt;
        return Parsed {QStringLiteral("recoverNested"),
                       {{QStringLiteral("nestedSource"), a[0]},
                        {QStringLiteral("nestedMint"), a[1]},
                        {QStringLiteral("destination"), a[2]},
                        {QStringLiteral("nestedOwner"), a[3]},
                        {QStringLiteral("ownerMint"), a[4]},
                        {QStringLiteral("wallet"), a[5]},
                        {QStringLiteral("tokenProgram"), a[6]}}};
    default:
        return std::nullopt;
    }
}

// --- Compute Budget (not parsed by the RPC; our extension) ---------------------------------

std::optional<Parsed> parseComputeBudget(const QByteArray &data)
{
    // Borsh enum: the whole data must be exactly tag + value.
    if (data.isEmpty())
        return std::nullopt;
    DataCursor in(data, 1);
    const auto tag = static_cast<std::uint8_t>(data[0]);
    auto u32Field = [&](const QString &type, const QString &field) -> std::optional<Parsed> {
        auto value = in.integer<std::uint32_t>();
        if (!value || in.remaining() != 0)
            return std::nullopt;
        return Parsed {type, {{field, static_cast<qint64>(*value)}}};
    };
    switch (tag) {
    case ComputeBudgetProgram::RequestHeapFrame:
        return u32Field(QStringLiteral("requestHeapFrame"), QStringLiteral("bytes"));
    case ComputeBudgetProgram::SetComputeUnitLimit:
        return u32Field(QStringLiteral("setComputeUnitLimit"), QStringLiteral("units"));
    case ComputeBudgetProgram::SetLoadedAccountsDataSizeLimit:
        return u32Field(QStringLiteral("setLoadedAccountsDataSizeLimit"), QStringLiteral("bytes"));
    case ComputeBudgetProgram::SetComputeUnitPrice: {
        auto price = in.integer<std::uint64_t>();
        if (!price || in.remaining() != 0)
            return std::nullopt;
        return Parsed {QStringLiteral("setComputeUnitPrice"),
                       {{QStringLiteral("microLamports"), TransactionDecoder::u64Value(*price)}}};
    }
    default:
        return std::nullopt;
    }
}

QJsonObject parsedInstruction(const QString &program, const QString &programId,
                              const QJsonValue &parsed)
{
    return {{QStringLiteral("program"), program},
            {QStringLiteral("programId"), programId},
            {QStringLiteral("parsed"), parsed},
            {QStringLiteral("stackHeight"), QJsonValue::Null}};
}

QJsonObject parsedInstruction(const QString &program, const QString &programId,
                              const Parsed &parsed)
{
    return parsedInstruction(
        program, programId,
        QJsonObject {{QStringLiteral("type"), parsed.type}, {QStringLiteral("info"), parsed.info}});
}

QString placeholder(const AddressTableLookup &lookup, std::uint8_t tableIndex)
{
    return QStringLiteral("lookup:%1:%2").arg(lookup.accountKey.toBase58()).arg(tableIndex);
}

// Display strings for every account index of the message: addresses where known, lookup
// placeholders where a v0 lookup was not resolved.
QStringList accountNames(const Message &message, const LoadedAddresses &loaded)
{
    QStringList names;
    names.reserve(message.accountCount());
    for (const PublicKey &key : message.staticAccountKeys())
        names.append(key.toBase58());
    if (auto keys = message.accountKeys(loaded); keys) {
        for (int i = names.size(); i < keys->size(); ++i)
            names.append(keys->at(i).toBase58());
        return names;
    }
    for (const AddressTableLookup &lookup : message.addressTableLookups()) {
        for (const char index : lookup.writableIndexes)
            names.append(placeholder(lookup, static_cast<std::uint8_t>(index)));
    }
    for (const AddressTableLookup &lookup : message.addressTableLookups()) {
        for (const char index : lookup.readonlyIndexes)
            names.append(placeholder(lookup, static_cast<std::uint8_t>(index)));
    }
    return names;
}

QJsonArray indexArray(const QByteArray &indexes)
{
    QJsonArray out;
    for (const char index : indexes)
        out.append(static_cast<int>(static_cast<std::uint8_t>(index)));
    return out;
}

// decodeInstruction() with the program id's text already at hand (base58 encoding is the most
// expensive step of decoding, so every key is encoded once per transaction).
QJsonObject decodeNamed(const PublicKey &programId, const QString &programIdText,
                        const QStringList &accounts, const QByteArray &data)
{
    if (programId == programs::systemProgram()) {
        if (auto parsed = parseSystem(accounts, data))
            return parsedInstruction(QStringLiteral("system"), programIdText, *parsed);
    } else if (programId == programs::tokenProgram() || programId == programs::token2022Program()) {
        if (auto parsed = parseToken(accounts, data))
            return parsedInstruction(QStringLiteral("spl-token"), programIdText, *parsed);
    } else if (programId == programs::associatedTokenProgram()) {
        if (auto parsed = parseAssociatedToken(accounts, data))
            return parsedInstruction(QStringLiteral("spl-associated-token-account"), programIdText,
                                     *parsed);
    } else if (programId == programs::memoProgram() || programId == programs::memoV1Program()
               || programId == programs::memoV4Program()) {
        if (auto text = strictUtf8(data))
            return parsedInstruction(QStringLiteral("spl-memo"), programIdText, QJsonValue(*text));
    } else if (programId == programs::computeBudgetProgram()) {
        if (auto parsed = parseComputeBudget(data))
            return parsedInstruction(QStringLiteral("compute-budget"), programIdText, *parsed);
    }
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(data.constData());
    return {{QStringLiteral("programId"), programIdText},
            {QStringLiteral("accounts"), QJsonArray::fromStringList(accounts)},
            {QStringLiteral("data"),
             base58::encode(std::span<const std::uint8_t>(bytes, std::size_t(data.size())))},
            {QStringLiteral("stackHeight"), QJsonValue::Null}};
}

// Every instruction, with `names` from accountNames().
QJsonArray decodeAll(const Message &message, const QStringList &names)
{
    QJsonArray out;
    for (const CompiledInstruction &instruction : message.instructions()) {
        QStringList accounts;
        accounts.reserve(instruction.accounts.size());
        for (const char index : instruction.accounts)
            accounts.append(names[static_cast<std::uint8_t>(index)]);
        // Program ids are static keys (checked when the message was built or parsed).
        const PublicKey &programId = message.staticAccountKeys()[instruction.programIdIndex];
        out.append(
            decodeNamed(programId, names[instruction.programIdIndex], accounts, instruction.data));
    }
    return out;
}

} // namespace

QJsonValue TransactionDecoder::u64Value(std::uint64_t value)
{
    if (value <= MaxSafeInteger)
        return QJsonValue(static_cast<qint64>(value));
    return QJsonValue(u64String(value));
}

std::optional<std::uint64_t> TransactionDecoder::toU64(const QJsonValue &value)
{
    if (value.isString()) {
        const QString text = value.toString();
        // Plain decimal digits only: no sign, no spaces, no exponent.
        if (text.isEmpty() || text.size() > 20)
            return std::nullopt;
        for (const QChar c : text) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
        }
        bool ok = false;
        const qulonglong parsed = text.toULongLong(&ok);
        if (!ok)
            return std::nullopt;
        return static_cast<std::uint64_t>(parsed);
    }
    if (value.isDouble()) {
        const double d = value.toDouble();
        // Only integers that a double holds exactly.
        if (d < 0 || d > static_cast<double>(MaxSafeInteger)
            || d != static_cast<double>(static_cast<std::uint64_t>(d))) {
            return std::nullopt;
        }
        return static_cast<std::uint64_t>(d);
    }
    return std::nullopt;
}

QString TransactionDecoder::uiAmountString(std::uint64_t amount, std::uint8_t decimals)
{
    QString digits = u64String(amount);
    if (decimals == 0)
        return digits;
    if (digits.size() <= decimals)
        digits.prepend(QString(decimals - digits.size() + 1, u'0'));
    QString text = digits.left(digits.size() - decimals) + u'.' + digits.right(decimals);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

QJsonObject TransactionDecoder::decodeInstruction(const PublicKey &programId,
                                                  const QStringList &accounts,
                                                  const QByteArray &data)
{
    return decodeNamed(programId, programId.toBase58(), accounts, data);
}

QJsonArray TransactionDecoder::decodeInstructions(const Message &message,
                                                  const LoadedAddresses &loaded)
{
    return decodeAll(message, accountNames(message, loaded));
}

QJsonObject TransactionDecoder::decodeTransaction(const Transaction &transaction,
                                                  const LoadedAddresses &loaded)
{
    const Message &message = transaction.message();
    const QStringList names = accountNames(message, loaded);
    const int staticCount = message.staticAccountKeys().size();

    QJsonArray signatures;
    for (const Signature &signature : transaction.signatures())
        signatures.append(base58::encode(signature));

    QJsonArray accountKeys;
    for (int i = 0; i < names.size(); ++i) {
        accountKeys.append(QJsonObject {
            {QStringLiteral("pubkey"), names[i]},
            {QStringLiteral("signer"), message.isSigner(i)},
            {QStringLiteral("writable"), message.isWritable(i)},
            {QStringLiteral("source"),
             i < staticCount ? QStringLiteral("transaction") : QStringLiteral("lookupTable")}});
    }

    QJsonObject messageObject {
        {QStringLiteral("accountKeys"), accountKeys},
        {QStringLiteral("recentBlockhash"), message.recentBlockhash().toBase58()},
        {QStringLiteral("instructions"), decodeAll(message, names)}};
    if (message.version() == MessageVersion::V0) {
        QJsonArray lookups;
        for (const AddressTableLookup &lookup : message.addressTableLookups()) {
            lookups.append(QJsonObject {
                {QStringLiteral("accountKey"), lookup.accountKey.toBase58()},
                {QStringLiteral("writableIndexes"), indexArray(lookup.writableIndexes)},
                {QStringLiteral("readonlyIndexes"), indexArray(lookup.readonlyIndexes)}});
        }
        messageObject.insert(QStringLiteral("addressTableLookups"), lookups);
    }
    return {{QStringLiteral("signatures"), signatures},
            {QStringLiteral("message"), messageObject},
            {QStringLiteral("version"),
             message.version() == MessageVersion::V0 ? QJsonValue(0)
                                                     : QJsonValue(QStringLiteral("legacy"))}};
}

} // namespace ovpp::core
