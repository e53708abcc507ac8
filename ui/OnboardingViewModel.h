#pragma once

// First run: create a wallet from new recovery words, import one (words, keypair file, secret
// key) or watch an address; choose the network; set the password. finish() creates the vault on
// the wallet worker and leaves the wallet unlocked.
//
// Secrets held here (new or imported words, passphrase, imported keypair) live in SecretBytes
// and are wiped by forgetMnemonic(), after finish(), and when this object goes.

#include "MnemonicWordsModel.h"
#include "PathCandidatesModel.h"
#include "crypto/Keypair.h"
#include "crypto/PublicKey.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <optional>

namespace ovpp::ui {

class AppSettings;
class ChainSession;
class WalletSession;

class OnboardingViewModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by AppContext.onboarding")

    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(int wordCount READ wordCount WRITE setWordCount NOTIFY wordCountChanged)
    Q_PROPERTY(QStringList networks READ networks CONSTANT)
    Q_PROPERTY(QString network READ network WRITE setNetwork NOTIFY networkChanged)
    Q_PROPERTY(QAbstractItemModel *words READ words CONSTANT)
    Q_PROPERTY(QList<int> quizPositions READ quizPositions NOTIFY quizChanged)
    Q_PROPERTY(QAbstractItemModel *pathCandidates READ pathCandidates CONSTANT)
    Q_PROPERTY(int selectedPath READ selectedPath WRITE setSelectedPath NOTIFY selectedPathChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    enum Mode { Create, ImportWords, ImportKeypair, ImportSecret, Watch };
    Q_ENUM(Mode)

    static constexpr int QuizLength = 3;

    OnboardingViewModel(WalletSession *session, QObject *parent = nullptr);
    ~OnboardingViewModel() override;

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    int wordCount() const { return m_wordCount; }
    void setWordCount(int count);
    QStringList networks() const;
    QString network() const { return m_network; }
    void setNetwork(const QString &network);
    QAbstractItemModel *words() const { return m_words; }
    QList<int> quizPositions() const { return m_quizPositions; }
    QAbstractItemModel *pathCandidates() const { return m_pathCandidates; }
    // Where the import path chooser reads each candidate's SOL balance from (optional: without
    // it, or when the read fails, balances stay "—" and the import goes on regardless).
    void setChain(ChainSession *chain);
    int selectedPath() const { return m_selectedPath; }
    void setSelectedPath(int row);
    bool busy() const { return !m_busyText.isEmpty(); }
    QString busyText() const { return m_busyText; }
    QString errorText() const { return m_errorText; }

    Q_INVOKABLE void generateMnemonic();
    Q_INVOKABLE void forgetMnemonic();
    Q_INVOKABLE bool checkQuiz(const QStringList &answers);
    Q_INVOKABLE bool setImportWords(const QString &words, const QString &passphrase);
    Q_INVOKABLE bool setImportKeypairFile(const QUrl &file);
    Q_INVOKABLE bool setImportSecret(const QString &base58Secret);
    Q_INVOKABLE bool setWatchAddress(const QString &address);
    Q_INVOKABLE QString passwordProblem(const QString &password, const QString &confirmation) const;
    Q_INVOKABLE void finish(const QString &password);

signals:
    void modeChanged();
    void wordCountChanged();
    void networkChanged();
    void quizChanged();
    void selectedPathChanged();
    void busyChanged();
    void errorTextChanged();
    void finished();

private:
    void updateBusy();
    void setErrorText(const QString &text);
    void newQuiz();
    void clearImports();
    void clearImportWords();
    void deriveCandidates();
    void readCandidateBalances(quint64 request);
    QString wordsProblem(const core::Error &error, std::string_view phrase) const;

    QPointer<WalletSession> m_session;
    QPointer<ChainSession> m_chain;
    AppSettings *m_settings;
    Mode m_mode = Create;
    int m_wordCount = 12;
    QString m_network;
    MnemonicWordsModel *m_words;
    QList<int> m_quizPositions;
    bool m_quizPassed = false;
    PathCandidatesModel *m_pathCandidates;
    int m_selectedPath = 0;
    QString m_busyText;
    QString m_errorText;
    quint64 m_candidatesRequest = 0;
    int m_candidateJobs = 0;
    bool m_finishing = false;

    // Shared with worker jobs, which must not outlive what they read.
    std::shared_ptr<core::SecretBytes> m_importPhrase;
    std::shared_ptr<core::SecretBytes> m_importPassphrase;
    std::shared_ptr<core::Keypair> m_fileKeypair;
    std::shared_ptr<core::Keypair> m_secretKeypair;
    std::optional<core::PublicKey> m_watchAddress;
};

} // namespace ovpp::ui
