#include "PathCandidatesModel.h"

#include "solana/pay/PaymentAmount.h"

namespace ovpp::ui {

PathCandidatesModel::PathCandidatesModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int PathCandidatesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_candidates.size());
}

QVariant PathCandidatesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Candidate &candidate = m_candidates.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return candidate.title;
    case PathRole:
        return candidate.path.toString(); // "none" for the legacy rule; the title explains it
    case AddressRole:
        return candidate.address;
    case BalanceRole:
        if (auto it = m_lamports.constFind(candidate.address); it != m_lamports.constEnd())
            return core::PaymentAmount::fromBaseUnits(*it, core::PaymentAmount::SolDecimals)
                + QStringLiteral(" SOL");
        return QStringLiteral("—");
    default:
        return {};
    }
}

QHash<int, QByteArray> PathCandidatesModel::roleNames() const
{
    return {{TitleRole, "title"},
            {PathRole, "path"},
            {AddressRole, "address"},
            {BalanceRole, "balance"}};
}

void PathCandidatesModel::setCandidates(const QList<Candidate> &candidates)
{
    beginResetModel();
    m_candidates = candidates;
    m_lamports.clear(); // read again for these candidates
    endResetModel();
}

void PathCandidatesModel::clear()
{
    if (m_candidates.isEmpty())
        return;
    beginResetModel();
    m_candidates.clear();
    m_lamports.clear();
    endResetModel();
}

void PathCandidatesModel::setLamports(const QString &address, std::uint64_t lamports)
{
    if (auto it = m_lamports.constFind(address); it != m_lamports.constEnd() && *it == lamports)
        return;
    m_lamports.insert(address, lamports);
    for (qsizetype row = 0; row < m_candidates.size(); ++row) {
        if (m_candidates.at(row).address != address)
            continue;
        const QModelIndex changed = index(static_cast<int>(row), 0);
        emit dataChanged(changed, changed, {BalanceRole});
    }
}

const PathCandidatesModel::Candidate *PathCandidatesModel::at(int row) const
{
    return row >= 0 && row < m_candidates.size() ? &m_candidates[row] : nullptr;
}

QList<PathCandidatesModel::Candidate> PathCandidatesModel::knownPaths()
{
    using Scheme = core::DerivationPath::Scheme;
    QList<Candidate> paths {
        {tr("Phantom, Solflare (default)"),
         core::DerivationPath::forScheme(Scheme::Bip44Change, 0),
         {}},
        {tr("Ledger Live, Phantom “bip44”"), core::DerivationPath::forScheme(Scheme::Bip44, 0), {}},
    };
    // Phantom's "bip44Root" for Ledger, and the Solana SDK's DerivationPath::default().
    if (auto root = core::DerivationPath::parse(u"m/44'/501'"))
        paths.append({tr("Ledger root (Phantom “bip44Root”)"), *root, {}});
    paths.append({tr("Extended path (some hardware wallet tools)"),
                  core::DerivationPath::forScheme(Scheme::LedgerLive, 0),
                  {}});
    paths.append(
        {tr("solana-keygen without a derivation path"), core::DerivationPath::legacySeed(), {}});
    return paths;
}

} // namespace ovpp::ui
