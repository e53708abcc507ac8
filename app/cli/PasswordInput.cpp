#include "PasswordInput.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

namespace ovpp::cli::input {

using core::SecretBytes;

namespace {

// Longest password line we accept at the prompt.
constexpr std::size_t MaxPromptLength = 4096;

// The terminal's settings while echo is off, for the signal handler to put back: a Ctrl-C at a
// password prompt must not leave the user's shell without echo.
struct termios g_savedTerminal;
volatile std::sig_atomic_t g_echoOff = 0;

void restoreTerminalAndRaise(int signal)
{
    if (g_echoOff)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        struct termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO | ECHOE | ECHOK | ECHONL);
        quiet.c_lflag |= ICANON;
        struct sigaction action
        {
        };
        action.sa_handler = restoreTerminalAndRaise;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < 4; ++i)
            sigaction(Signals[i], &action, &m_previous[i]);
        g_echoOff = 1;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
            g_echoOff = 0;
    }

    ~EchoOff()
    {
        if (g_echoOff)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        g_echoOff = 0;
        for (int i = 0; i < 4; ++i)
            sigaction(Signals[i], &m_previous[i], nullptr);
    }

    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    static constexpr int Signals[4] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction m_previous[4] {};
};

QString shown(const QString &path)
{
    return path == QLatin1String("-") ? QStringLiteral("standard input")
                                      : QDir::toNativeSeparators(path);
}

// Reads `fd` to its end into secure memory, refusing more than `limit` bytes.
Outcome<SecretBytes> readAll(int fd, std::size_t limit, const QString &what, const QString &path)
{
    SecretBytes buffer(limit + 1);
    std::size_t used = 0;
    while (used < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + used, buffer.size() - used);
        if (n == 0)
            break;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return userFailure(
                QStringLiteral("io-error"),
                QStringLiteral("cannot read %1 %2: %3 — check the path and its "
                               "permissions")
                    .arg(what, shown(path), QString::fromLocal8Bit(std::strerror(errno))));
        }
        used += static_cast<std::size_t>(n);
    }
    if (used > limit) {
        return userFailure(QStringLiteral("invalid-argument"),
                           QStringLiteral("%1 %2 is larger than %3 bytes — is it the right file?")
                               .arg(what, shown(path))
                               .arg(limit));
    }
    return buffer.slice(0, used);
}

// The first line, without its line end ("\n" or "\r\n"): what `echo` or an editor writes.
SecretBytes firstLine(const SecretBytes &bytes)
{
    std::size_t size = 0;
    while (size < bytes.size() && bytes.data()[size] != '\n')
        ++size;
    if (size > 0 && bytes.data()[size - 1] == '\r')
        --size;
    return bytes.slice(0, size);
}

Failure emptyPassword()
{
    return userFailure(QStringLiteral("invalid-argument"),
                       QStringLiteral("the password is empty — choose one; it protects every key "
                                      "in the vault"));
}

} // namespace

bool stdinIsTerminal()
{
    return isatty(STDIN_FILENO) == 1;
}

Outcome<SecretBytes> readSecretFile(const QString &path, const QString &what)
{
    if (path == QLatin1String("-"))
        return readAll(STDIN_FILENO, MaxSecretFileSize, what, path);

    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ENOENT) {
            return userFailure(
                QStringLiteral("file-not-found"),
                QStringLiteral("%1 %2 does not exist — check the path").arg(what, shown(path)));
        }
        return userFailure(
            QStringLiteral("io-error"),
            QStringLiteral("cannot open %1 %2: %3 — check the path and its "
                           "permissions")
                .arg(what, shown(path), QString::fromLocal8Bit(std::strerror(error))));
    }
    struct stat info
    {
    };
    if (fstat(fd, &info) == 0 && S_ISDIR(info.st_mode)) {
        ::close(fd);
        return userFailure(QStringLiteral("io-error"),
                           QStringLiteral("%1 %2 is a folder, not a file").arg(what, shown(path)));
    }
    auto bytes = readAll(fd, MaxSecretFileSize, what, path);
    ::close(fd);
    return bytes;
}

Outcome<SecretBytes> readSecretLineFile(const QString &path, const QString &what)
{
    auto bytes = readSecretFile(path, what);
    if (!bytes.ok())
        return bytes;
    return firstLine(bytes.value());
}

Outcome<SecretBytes> promptHidden(const QString &prompt, const QString &fileOption)
{
    if (!stdinIsTerminal()) {
        return usageFailure(QStringLiteral("standard input is not a terminal, so there is "
                                           "nobody to ask — give %1 FILE")
                                .arg(fileOption));
    }
    std::fputs(prompt.toUtf8().constData(), stderr);
    std::fflush(stderr);

    SecretBytes line(MaxPromptLength);
    std::size_t used = 0;
    bool ended = false;
    {
        EchoOff echoOff;
        while (!ended) {
            char c = 0;
            const ssize_t n = ::read(STDIN_FILENO, &c, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            if (c == '\n' || c == '\r') {
                ended = true;
                break;
            }
            if (used < line.size())
                line.data()[used++] = static_cast<std::uint8_t>(c);
            c = 0;
        }
    }
    std::fputc('\n', stderr); // the user's Enter was not echoed
    if (!ended && used == 0)
        return userFailure(QStringLiteral("cancelled"),
                           QStringLiteral("no input (end of file at the prompt); nothing was "
                                          "changed"));
    if (used >= line.size())
        return userFailure(
            QStringLiteral("invalid-argument"),
            QStringLiteral("the input is longer than %1 bytes").arg(MaxPromptLength));
    return line.slice(0, used);
}

Outcome<SecretBytes> password(const QString &file, const QString &prompt, const QString &fileOption)
{
    auto secret = file.isEmpty() ? promptHidden(prompt, fileOption)
                                 : readSecretLineFile(file, QStringLiteral("the password file"));
    if (secret.ok() && secret.value().empty())
        return emptyPassword();
    return secret;
}

Outcome<SecretBytes> newPassword(const QString &file, const QString &prompt,
                                 const QString &fileOption)
{
    if (!file.isEmpty()) {
        auto secret = readSecretLineFile(file, QStringLiteral("the password file"));
        if (secret.ok() && secret.value().empty())
            return emptyPassword();
        return secret;
    }
    auto first = promptHidden(prompt, fileOption);
    if (!first.ok())
        return first;
    if (first.value().empty())
        return emptyPassword();
    auto second = promptHidden(QStringLiteral("Type it again: "), fileOption);
    if (!second.ok())
        return second;
    if (!first.value().equals(second.value().span())) {
        return userFailure(QStringLiteral("password-mismatch"),
                           QStringLiteral("the two passwords differ — nothing was changed; try "
                                          "again"));
    }
    return first;
}

Outcome<SecretBytes> mnemonic(const QString &file)
{
    if (!file.isEmpty() && file != QLatin1String("-"))
        return readSecretFile(file, QStringLiteral("the mnemonic file"));
    if (stdinIsTerminal()) {
        return promptHidden(QStringLiteral("Mnemonic words (not shown as you type): "),
                            QStringLiteral("--mnemonic-file"));
    }
    return readSecretFile(QStringLiteral("-"), QStringLiteral("the mnemonic on"));
}

} // namespace ovpp::cli::input
