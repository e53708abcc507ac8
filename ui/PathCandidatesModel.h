#pragma once

// Import by recovery words: the same words give different addresses in different wallets,
// depending on the derivation path. One row per path we know of, with the address it gives, so
// the user can pick the one they recognise.

#include "crypto/DerivationPath.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QtQml/qqmlregistration.h>

#include <cstdint>

namespace ovpp::ui {

class PathCandidatesModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by OnboardingViewModel.pathCandidates")

public:
    enum Roles {
        TitleRole = Qt::UserRole + 1,
        PathRole,
        AddressRole,
        BalanceRole,
    };
    Q_ENUM(Roles)

    struct Candidate
    {
        QString title; // translated: which wallets use this path
        core::DerivationPath path;
        QString address; // base58
    };

    explicit PathCandidatesModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCandidates(const QList<Candidate> &candidates);
    void clear();
    const Candidate *at(int row) const;
    // The balance of every row showing `address` (rows whose address differs are left alone,
    // so an answer for words the user already replaced changes nothing).
    // Until a row's balance is set it shows "—"; an account the node does not know holds 0.
    void setLamports(const QString &address, std::uint64_t lamports);

    // The paths offered, in the order shown; the first is the default (what Phantom and
    // Solflare create). Addresses are left empty, to be filled by derivation.
    static QList<Candidate> knownPaths();

private:
    QList<Candidate> m_candidates;
    QHash<QString, std::uint64_t> m_lamports; // by address, on the current cluster
};

} // namespace ovpp::ui
