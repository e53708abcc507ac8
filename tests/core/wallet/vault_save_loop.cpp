// Test helper, never shipped: the victim of test_interrupted_save. Opens the vault at argv[1]
// (password argv[2]) and renames the account argv[3] from "A<k>" to "A<k+1>", "A<k+2>", ...
// until it is killed, so that nearly all its time is spent inside Wallet's save.
//
// It reports on stdout, one line per step, with a raw write(2) so that a line written is in
// the pipe before the next step starts (SIGKILL loses nothing already written):
//   "r <k>"  ready: the vault opened and the label was "A<k>"
//   "b <n>"  about to save "A<n>"
//   "s <n>"  "A<n>" is saved (committed)

#include "crypto/SecretBytes.h"
#include "wallet/Wallet.h"

#include <QString>

#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

using namespace ovpp::core;

namespace {

void say(char what, long long n)
{
    const std::string line = std::string(1, what) + ' ' + std::to_string(n) + '\n';
    const char *p = line.data();
    std::size_t left = line.size();
    while (left > 0) {
        const ssize_t written = ::write(STDOUT_FILENO, p, left);
        if (written <= 0)
            _exit(4);
        p += written;
        left -= static_cast<std::size_t>(written);
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: vault_save_loop VAULT PASSWORD ACCOUNT_ID\n");
        return 1;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString accountId = QString::fromLatin1(argv[3]);
    auto wallet = Wallet::open(path, SecretBytes::fromView(argv[2]));
    if (!wallet) {
        std::fprintf(stderr, "open: %s\n", qPrintable(describe(wallet.error())));
        return 2;
    }
    auto account = wallet->account(accountId);
    if (!account || !account->label.startsWith(QLatin1Char('A'))) {
        std::fprintf(stderr, "no account labelled A<n> with id %s\n", argv[3]);
        return 2;
    }
    bool numbered = false;
    long long n = account->label.mid(1).toLongLong(&numbered);
    if (!numbered) {
        std::fprintf(stderr, "label %s is not A<n>\n", qPrintable(account->label));
        return 2;
    }
    say('r', n);
    for (;;) {
        ++n;
        say('b', n);
        if (auto saved = wallet->renameAccount(accountId, QStringLiteral("A%1").arg(n)); !saved) {
            std::fprintf(stderr, "save: %s\n", qPrintable(describe(saved.error())));
            return 3;
        }
        say('s', n);
    }
}
