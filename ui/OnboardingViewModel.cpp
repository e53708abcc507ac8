#include "OnboardingViewModel.h"

#include "AppSettings.h"
#include "ChainSession.h"
#include "ErrorText.h"
#include "MnemonicHints.h"
#include "PasswordPolicy.h"
#include "SecretText.h"
#include "UiLogging.h"
#include "WalletSession.h"
#include "crypto/Mnemonic.h"
#include "solana/rpc/RpcClient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <algorithm>
#include <utility>

namespace ovpp::ui {

namespace {

// A keypair file is a few hundred bytes; anything much larger is not one.
constexpr qint64 MaxKeypairFileSize = 64 * 1024;

const QStringList Networks {QStringLiteral("mainnet-beta"), QStringLiteral("devnet"),
                            QStringLiteral("testnet"), QStringLiteral("localnet")};

bool isAsciiSpace(std::uint8_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

core::SecretBytes trimmed(const core::SecretBytes &text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isAsciiSpace(text.data()[begin]))
        ++begin;
    while (end > begin && isAsciiSpace(text.data()[end - 1]))
        --end;
    return text.slice(begin, end - begin);
}

// Case-insensitive (ASCII) comparison of a typed answer with a word, without copying either.
bool sameWord(QStringView typed, std::string_view word)
{
    typed = typed.trimmed();
    if (std::size_t(typed.size()) != word.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (typed[qsizetype(i)].toLower().unicode() != char16_t(std::uint8_t(word[i])))
            return false;
    }
    return true;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

// What a finished onboarding puts into the new vault.
struct FirstAccount
{
    OnboardingViewModel::Mode mode = OnboardingViewModel::Create;
    QString label;
    std::shared_ptr<core::SecretBytes> phrase;
    std::shared_ptr<core::SecretBytes> passphrase;
    core::DerivationPath path;
    std::shared_ptr<core::Keypair> keypair;
    core::PublicKey address;
};

core::Result<core::AccountInfo> addFirstAccount(core::Wallet &wallet, const FirstAccount &first)
{
    switch (first.mode) {
    case OnboardingViewModel::Create:
    case OnboardingViewModel::ImportWords:
        return wallet.addMnemonic(*first.phrase, *first.passphrase, first.path, first.label);
    case OnboardingViewModel::ImportKeypair:
    case OnboardingViewModel::ImportSecret:
        return wallet.importKeypair(*first.keypair, first.label);
    case OnboardingViewModel::Watch:
        return wallet.addWatchOnly(first.address, first.label);
    }
    return core::makeError(core::ErrorCode::Internal, QStringLiteral("unknown onboarding mode"));
}

} // namespace

OnboardingViewModel::OnboardingViewModel(WalletSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_settings(session ? session->settings() : nullptr)
    , m_words(new MnemonicWordsModel(this))
    , m_pathCandidates(new PathCandidatesModel(this))
{
    const QString saved = m_settings ? m_settings->network() : QString();
    m_network = Networks.contains(saved) ? saved : Networks.first();
}

OnboardingViewModel::~OnboardingViewModel() = default;

void OnboardingViewModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    setErrorText({});
    emit modeChanged();
}

void OnboardingViewModel::setWordCount(int count)
{
    if ((count != 12 && count != 24) || count == m_wordCount)
        return;
    m_wordCount = count;
    emit wordCountChanged();
    // The toggle sits above words already shown: show a phrase of the new length.
    if (!m_words->isEmpty())
        generateMnemonic();
}

QStringList OnboardingViewModel::networks() const
{
    return Networks;
}

void OnboardingViewModel::setNetwork(const QString &network)
{
    if (!Networks.contains(network) || network == m_network)
        return;
    m_network = network;
    if (m_settings)
        m_settings->setNetwork(network);
    emit networkChanged();
}

void OnboardingViewModel::setSelectedPath(int row)
{
    if (row == m_selectedPath || row < 0 || row >= m_pathCandidates->rowCount())
        return;
    m_selectedPath = row;
    emit selectedPathChanged();
}

void OnboardingViewModel::generateMnemonic()
{
    auto phrase = core::mnemonic::generate(m_wordCount);
    if (!phrase) {
        setErrorText(ErrorText::common(phrase.error()));
        return;
    }
    m_words->setPhrase(std::move(phrase).value());
    setErrorText({});
    newQuiz();
}

void OnboardingViewModel::newQuiz()
{
    QList<int> positions;
    const int count = m_words->rowCount();
    if (count >= QuizLength) {
        QRandomGenerator *random = QRandomGenerator::system();
        while (positions.size() < QuizLength) {
            const int position = int(random->bounded(count)) + 1;
            if (!positions.contains(position))
                positions.append(position);
        }
        std::sort(positions.begin(), positions.end());
    }
    m_quizPositions = positions;
    m_quizPassed = false;
    emit quizChanged();
}

void OnboardingViewModel::forgetMnemonic()
{
    m_words->clear();
    if (!m_quizPositions.isEmpty() || m_quizPassed) {
        m_quizPositions.clear();
        m_quizPassed = false;
        emit quizChanged();
    }
    clearImports();
    setErrorText({});
}

void OnboardingViewModel::clearImports()
{
    m_fileKeypair.reset();
    m_secretKeypair.reset();
    m_watchAddress.reset();
    clearImportWords();
}

void OnboardingViewModel::clearImportWords()
{
    // Dropping our references is enough: a job still reading one holds its own, and the
    // SecretBytes wipes itself when the last holder lets go.
    m_importPhrase.reset();
    m_importPassphrase.reset();
    ++m_candidatesRequest;
    m_pathCandidates->clear();
    if (m_selectedPath != 0) {
        m_selectedPath = 0;
        emit selectedPathChanged();
    }
}

bool OnboardingViewModel::checkQuiz(const QStringList &answers)
{
    if (m_words->isEmpty() || m_quizPositions.isEmpty()) {
        setErrorText(tr("There are no recovery words to check. Go back and create them again."));
        return false;
    }
    if (answers.size() != m_quizPositions.size()) {
        setErrorText(tr("Enter all %n requested words.", nullptr, int(m_quizPositions.size())));
        return false;
    }
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const int position = m_quizPositions[i];
        if (!sameWord(answers[i], m_words->wordAt(position - 1))) {
            m_quizPassed = false;
            setErrorText(answers[i].trimmed().isEmpty()
                             ? tr("Enter word %1.").arg(position)
                             : tr("Word %1 is not right. Check your written copy and try again.")
                                   .arg(position));
            return false;
        }
    }
    m_quizPassed = true;
    setErrorText({});
    return true;
}

QString OnboardingViewModel::wordsProblem(const core::Error &error, std::string_view phrase) const
{
    switch (error.code) {
    case core::ErrorCode::InvalidArgument: {
        const int count = mnemonichints::countWords(phrase);
        if (count == 0)
            return tr("Enter your recovery words, separated by spaces.");
        return tr("A recovery phrase has 12, 15, 18, 21 or 24 words; this one has %n. Check "
                  "that none is missing or joined to the next.",
                  nullptr, count);
    }
    case core::ErrorCode::UnknownWord: {
        const auto unknown = mnemonichints::firstUnknownWord(phrase);
        if (!unknown) {
            return tr("One of the words is not in the recovery word list. Check them against "
                      "your written copy.");
        }
        if (unknown->suggestion.isEmpty()) {
            return tr("Word %1 “%2” is not in the recovery word list. Check it against your "
                      "written copy.")
                .arg(QString::number(unknown->position), unknown->typed);
        }
        return tr("Word %1 “%2” is not in the word list — did you mean “%3”?")
            .arg(QString::number(unknown->position), unknown->typed, unknown->suggestion);
    }
    case core::ErrorCode::BadChecksum:
        return tr("Every word is in the list, but together they are not a valid recovery "
                  "phrase. Check their order and spelling against your written copy.");
    default:
        return ErrorText::common(error);
    }
}

bool OnboardingViewModel::setImportWords(const QString &words, const QString &passphrase)
{
    core::SecretBytes phrase = takeSecretText(words);
    core::SecretBytes secondFactor = takeSecretText(passphrase);
    clearImportWords();
    auto normalised = core::mnemonic::validate(phrase.span());
    if (!normalised) {
        setErrorText(wordsProblem(normalised.error(), phrase.view()));
        return false;
    }
    m_importPhrase = std::make_shared<core::SecretBytes>(std::move(normalised).value());
    m_importPassphrase = std::make_shared<core::SecretBytes>(std::move(secondFactor));
    setErrorText({});
    deriveCandidates();
    return true;
}

void OnboardingViewModel::setChain(ChainSession *chain)
{
    m_chain = chain;
}

void OnboardingViewModel::readCandidateBalances(quint64 request)
{
    if (!m_chain || !m_chain->rpc() || m_pathCandidates->rowCount() == 0)
        return;
    QList<core::PublicKey> keys;
    QStringList addresses;
    for (int row = 0; row < m_pathCandidates->rowCount(); ++row) {
        const PathCandidatesModel::Candidate *candidate = m_pathCandidates->at(row);
        auto key = core::PublicKey::fromBase58(candidate->address);
        if (!key.ok())
            continue;
        keys.append(key.value());
        addresses.append(candidate->address);
    }
    // One call for every candidate. A failure only leaves "—": balances help the user pick a
    // path, they never gate the import (the chooser may be used offline).
    m_chain->rpc()->getMultipleAccounts(keys).then(
        this,
        [this, request,
         addresses](core::Result<QList<std::optional<core::OnChainAccount>>> accounts) {
            if (request != m_candidatesRequest)
                return; // the words changed meanwhile
            if (!accounts.ok()) {
                qCInfo(lcUi) << "path candidates: balances unavailable:"
                             << core::describe(accounts.error());
                return;
            }
            const auto &list = accounts.value();
            for (qsizetype i = 0; i < list.size() && i < addresses.size(); ++i)
                m_pathCandidates->setLamports(addresses.at(i),
                                              list.at(i) ? list.at(i)->lamports : 0);
        });
}

void OnboardingViewModel::deriveCandidates()
{
    if (!m_session || !m_importPhrase)
        return;
    const quint64 request = ++m_candidatesRequest;
    ++m_candidateJobs;
    updateBusy();
    m_session->run(
        this,
        [phrase = m_importPhrase, passphrase = m_importPassphrase,
         candidates = PathCandidatesModel::knownPaths()](WalletCore &) mutable {
            // PBKDF2 (2048 rounds) and a handful of derivations: quick, but not for the GUI.
            const core::SecretBytes seed
                = core::mnemonic::toSeed(phrase->span(), passphrase->span());
            for (PathCandidatesModel::Candidate &candidate : candidates) {
                candidate.address = core::Keypair::fromBip39Seed(seed.span(), candidate.path)
                                        .publicKey()
                                        .toBase58();
            }
            return candidates;
        },
        [this, request](QList<PathCandidatesModel::Candidate> candidates) {
            --m_candidateJobs;
            updateBusy();
            if (request != m_candidatesRequest)
                return; // the words changed meanwhile
            m_pathCandidates->setCandidates(candidates);
            if (m_selectedPath != 0) {
                m_selectedPath = 0;
                emit selectedPathChanged();
            }
            readCandidateBalances(request);
        });
}

bool OnboardingViewModel::setImportKeypairFile(const QUrl &file)
{
    m_fileKeypair.reset();
    if (!file.isLocalFile() || file.toLocalFile().isEmpty()) {
        setErrorText(tr("Choose a keypair file on this computer."));
        return false;
    }
    const QString path = file.toLocalFile();
    const QFileInfo info(path);
    if (!info.exists()) {
        setErrorText(tr("The file “%1” does not exist. Choose the keypair file again.")
                         .arg(nativePath(path)));
        return false;
    }
    if (!info.isFile() || info.size() > MaxKeypairFileSize) {
        setErrorText(tr("“%1” is not a Solana keypair file. It should hold a list of 64 numbers, "
                        "as solana-keygen writes it.")
                         .arg(nativePath(path)));
        return false;
    }
    // Unbuffered, so that QIODevice keeps no copy of the secret in its own buffer.
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        setErrorText(tr("“%1” could not be opened (%2). Check that you may read it.")
                         .arg(nativePath(path), source.errorString()));
        return false;
    }
    QByteArray contents = source.readAll();
    source.close();
    auto keypair = core::Keypair::fromKeypairJson(
        std::span(reinterpret_cast<const std::uint8_t *>(contents.constData()),
                  std::size_t(contents.size())));
    core::wipe(contents.data(), std::size_t(contents.size()));
    if (!keypair) {
        setErrorText(keypair.error().code == core::ErrorCode::KeyMismatch
                         ? tr("The keypair in “%1” is damaged: its public key does not belong to "
                              "its secret key.")
                               .arg(nativePath(path))
                         : tr("“%1” is not a Solana keypair file. It should hold a list of 64 "
                              "numbers, as solana-keygen writes it.")
                               .arg(nativePath(path)));
        return false;
    }
    m_fileKeypair = std::make_shared<core::Keypair>(std::move(keypair).value());
    setErrorText({});
    qCInfo(lcUi) << "keypair file accepted for" << m_fileKeypair->publicKey().redacted();
    return true;
}

bool OnboardingViewModel::setImportSecret(const QString &base58Secret)
{
    const core::SecretBytes text = trimmed(takeSecretText(base58Secret));
    m_secretKeypair.reset();
    if (text.empty()) {
        setErrorText(tr("Paste your secret key."));
        return false;
    }
    auto keypair = core::Keypair::fromBase58Secret(text.span());
    if (!keypair) {
        setErrorText(keypair.error().code == core::ErrorCode::KeyMismatch
                         ? tr("This secret key is damaged: its public half does not belong to "
                              "its secret half.")
                         : tr("This is not a base58 secret key. Paste the 64-byte secret key "
                              "exactly as your wallet exported it (usually 87 or 88 "
                              "characters)."));
        return false;
    }
    m_secretKeypair = std::make_shared<core::Keypair>(std::move(keypair).value());
    setErrorText({});
    return true;
}

bool OnboardingViewModel::setWatchAddress(const QString &address)
{
    m_watchAddress.reset();
    const QString text = address.trimmed();
    if (text.isEmpty()) {
        setErrorText(tr("Enter the address to watch."));
        return false;
    }
    auto key = core::PublicKey::fromBase58(text);
    if (!key) {
        setErrorText(tr("This is not a valid Solana address. An address has 32 to 44 base58 "
                        "characters: letters and digits except 0, O, I and l."));
        return false;
    }
    m_watchAddress = *key;
    setErrorText({});
    return true;
}

QString OnboardingViewModel::passwordProblem(const QString &password,
                                             const QString &confirmation) const
{
    return PasswordPolicy::problem(password, confirmation);
}

void OnboardingViewModel::finish(const QString &password)
{
    const QString problem = PasswordPolicy::problem(password);
    auto secret = std::make_shared<core::SecretBytes>(takeSecretText(password));
    if (m_finishing || !m_session)
        return;
    if (m_session->state() != WalletSession::State::NoWallet) {
        setErrorText(tr("There is already a wallet at %1. Unlock it instead.")
                         .arg(nativePath(m_session->vaultPath())));
        return;
    }
    if (!problem.isEmpty()) {
        setErrorText(problem);
        return;
    }

    FirstAccount first;
    first.mode = m_mode;
    switch (m_mode) {
    case Create:
        if (m_words->isEmpty()) {
            setErrorText(tr("Create your recovery words first."));
            return;
        }
        if (!m_quizPassed) {
            setErrorText(tr("Confirm your recovery words first."));
            return;
        }
        first.phrase = std::make_shared<core::SecretBytes>(m_words->phrase().clone());
        first.passphrase = std::make_shared<core::SecretBytes>();
        first.path = core::DerivationPath::forScheme(core::DerivationPath::Scheme::Bip44Change, 0);
        first.label = tr("Account 1");
        break;
    case ImportWords: {
        const PathCandidatesModel::Candidate *candidate = m_pathCandidates->at(m_selectedPath);
        if (!m_importPhrase) {
            setErrorText(tr("Enter your recovery words first."));
            return;
        }
        if (!candidate) {
            setErrorText(tr("Wait for the list of accounts, then pick yours."));
            return;
        }
        first.phrase = m_importPhrase;
        first.passphrase = m_importPassphrase;
        first.path = candidate->path;
        first.label = tr("Account 1");
        break;
    }
    case ImportKeypair:
        if (!m_fileKeypair) {
            setErrorText(tr("Choose your keypair file first."));
            return;
        }
        first.keypair = m_fileKeypair;
        first.label = tr("Imported account");
        break;
    case ImportSecret:
        if (!m_secretKeypair) {
            setErrorText(tr("Paste your secret key first."));
            return;
        }
        first.keypair = m_secretKeypair;
        first.label = tr("Imported account");
        break;
    case Watch:
        if (!m_watchAddress) {
            setErrorText(tr("Enter the address to watch first."));
            return;
        }
        first.address = *m_watchAddress;
        first.label = tr("Watched address");
        break;
    }

    setErrorText({});
    m_finishing = true;
    updateBusy();
    const QString path = m_session->vaultPath();
    const core::KdfParams kdf = m_session->newVaultKdf();
    const quint64 epoch = m_session->epoch();
    m_session->run(
        this,
        [path, kdf, secret, first](WalletCore &wc) -> core::Result<WalletSession::Snapshot> {
            const QString folder = QFileInfo(path).absolutePath();
            if (!QDir().mkpath(folder)) {
                return core::makeError(core::ErrorCode::IoError,
                                       QStringLiteral("cannot create the folder %1").arg(folder));
            }
            auto created = core::Wallet::create(path, *secret, kdf);
            secret->clear();
            if (!created)
                return created.error();
            core::Wallet wallet = std::move(created).value();
            auto account = addFirstAccount(wallet, first);
            if (!account) {
                // An empty vault would only be in the way of the user's next try.
                QFile::remove(path);
                return account.error();
            }
            wc.wallet.emplace(std::move(wallet));
            return WalletSession::snapshotOf(*wc.wallet);
        },
        [this, epoch, path](core::Result<WalletSession::Snapshot> result) {
            m_finishing = false;
            updateBusy();
            if (!result) {
                const core::Error &error = result.error();
                qCWarning(lcUi) << "creating the vault failed:" << core::describe(error);
                switch (error.code) {
                case core::ErrorCode::AlreadyExists:
                    setErrorText(tr("A wallet file already exists at %1. Unlock it instead, or "
                                    "move it away first.")
                                     .arg(nativePath(path)));
                    break;
                case core::ErrorCode::IoError:
                    setErrorText(
                        tr("The wallet could not be saved (%1). Check the free disk "
                           "space and the permissions of %2, then try again.")
                            .arg(error.detail, nativePath(QFileInfo(path).absolutePath())));
                    break;
                default:
                    setErrorText(ErrorText::common(error));
                    break;
                }
                return;
            }
            m_session->applySnapshot(*result, epoch);
            forgetMnemonic();
            emit finished();
        });
}

void OnboardingViewModel::updateBusy()
{
    QString text;
    if (m_finishing)
        text = tr("Creating your wallet…");
    else if (m_candidateJobs > 0)
        text = tr("Finding your accounts…");
    if (text == m_busyText)
        return;
    m_busyText = text;
    emit busyChanged();
}

void OnboardingViewModel::setErrorText(const QString &text)
{
    if (text == m_errorText)
        return;
    m_errorText = text;
    emit errorTextChanged();
}

} // namespace ovpp::ui
