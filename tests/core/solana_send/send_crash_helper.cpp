// Helper process of test_sender_crash: prepares, journals and broadcasts one SOL transfer, prints
// "SIGNATURE=<id>" and then idles (never polling, so it can never record a confirmation) until
// the test SIGKILLs it.
//
// usage: send_crash_helper RPC_URL JOURNAL_PATH PAYER_SEED_HEX RECIPIENT LAMPORTS
#include "crypto/Keypair.h"
#include "solana/SystemProgram.h"
#include "solana/send/Sender.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QUrl>

#include <cstdio>

using namespace ovpp::core;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 6) {
        std::fprintf(stderr,
                     "usage: send_crash_helper RPC_URL JOURNAL SEED_HEX RECIPIENT LAMPORTS\n");
        return 2;
    }
    const QByteArray seed = QByteArray::fromHex(args.at(3).toLatin1());
    auto recipient = PublicKey::fromBase58(args.at(4));
    bool numberOk = false;
    const std::uint64_t lamports = args.at(5).toULongLong(&numberOk);
    if (seed.size() != 32 || !recipient || !numberOk) {
        std::fprintf(stderr, "send_crash_helper: bad arguments\n");
        return 2;
    }
    const Keypair payer = Keypair::fromSeed(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t *>(seed.constData()), 32));

    RpcClient client {QUrl(args.at(1))};
    Sender sender(&client, args.at(2));
    sender.setPollIntervalMs(3'600'000);
    sender.setRebroadcastIntervalMs(3'600'000);
    if (auto opened = sender.open(); !opened) {
        std::fprintf(stderr, "send_crash_helper: %s\n", qPrintable(describe(opened.error())));
        return 1;
    }
    SendRequest request;
    request.feePayer = payer.publicKey();
    request.instructions
        = {SystemProgram::transfer(payer.publicKey(), recipient.value(), lamports)};
    request.computeUnitPrice = 0;
    sender.prepare(request).then(&app, [&](Result<PreparedSend> prepared) {
        if (!prepared) {
            std::fprintf(stderr, "send_crash_helper: %s\n", qPrintable(describe(prepared.error())));
            QCoreApplication::exit(1);
            return;
        }
        auto submitted = sender.submit(prepared.value(), payer);
        if (!submitted) {
            std::fprintf(stderr, "send_crash_helper: %s\n",
                         qPrintable(describe(submitted.error())));
            QCoreApplication::exit(1);
            return;
        }
        std::printf("SIGNATURE=%s\n", qPrintable(submitted->signature));
        std::fflush(stdout);
    });
    return app.exec();
}
