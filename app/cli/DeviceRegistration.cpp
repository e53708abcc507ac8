#include "DeviceRegistration.h"

#include "ChainSend.h"
#include "ChainSigner.h"
#include "ChainSupport.h"
#include "DeviceSupport.h"
#include "der/network/DeviceRegistryRecord.h"
#include "der/registry/RegistryMemo.h"
#include "solana/Blockhash.h"
#include "solana/ComputeBudgetProgram.h"
#include "solana/Message.h"
#include "solana/Transaction.h"

#include <QDir>
#include <QJsonArray>

#include <limits>

namespace ovpp::cli::device {

using namespace core;

namespace {

const QString AllOption = QStringLiteral("all");
const QString SerialOption = QStringLiteral("serial");
const QString YesOption = QStringLiteral("yes");
const QString DevicesOption = QStringLiteral("devices");

// "A, B, C" — or "A, B, … (N devices)" for a fleet, so that a failure stays one readable line.
QString idList(const QStringList &ids)
{
    constexpr qsizetype Shown = 8;
    if (ids.size() <= Shown)
        return ids.join(QStringLiteral(", "));
    return QStringLiteral("%1, … (%2 devices)")
        .arg(ids.first(Shown).join(QStringLiteral(", ")))
        .arg(ids.size());
}

// Splits the memos into transactions that each fit a packet. Measured on the compiled
// transaction, with the two compute-budget instructions the Sender puts in front when there is
// a priority fee (their sizes do not depend on the values), so a batch fits whatever
// --with-compute-unit-price says. The blockhash does not change the size either.
Outcome<QList<QList<Instruction>>> pack(const PublicKey &owner, const QList<Instruction> &memos)
{
    const QList<Instruction> budget {
        ComputeBudgetProgram::setComputeUnitLimit(ComputeBudgetProgram::MaxComputeUnitLimit),
        ComputeBudgetProgram::setComputeUnitPrice(std::numeric_limits<std::uint64_t>::max())};
    auto fits = [&](const QList<Instruction> &batch) -> Result<bool> {
        auto message = Message::compile(owner, budget + batch, Blockhash {});
        if (!message)
            return message.error();
        return Transaction(*message).size() <= Transaction::PacketDataSize;
    };
    QList<QList<Instruction>> batches;
    QList<Instruction> batch;
    for (const Instruction &memo : memos) {
        Result<bool> more = fits(batch + QList<Instruction> {memo});
        if (!more)
            return failureFrom(more.error(), QStringLiteral("the registration transaction"));
        if (*more) {
            batch.append(memo);
            continue;
        }
        // v1 memos are at most RegistryMemo::MaxMemoBytes, which always fits alone.
        if (batch.isEmpty())
            return userFailure(QStringLiteral("internal-error"),
                               QStringLiteral("a registry memo does not fit a transaction"));
        batches.append(std::exchange(batch, {memo}));
    }
    if (!batch.isEmpty())
        batches.append(batch);
    return batches;
}

// The devices (by id) with `signature` stored; the rest of each entry as the catalog has it now
// (the app or `ovpp csms` may have written boot information meanwhile).
Result<void> storeSignature(DeviceCatalog &catalog, const QStringList &ids,
                            const QString &signature)
{
    if (Result<void> r = catalog.reload(); !r)
        return r;
    QList<PairedDevice> updated;
    for (const QString &id : ids) {
        std::optional<PairedDevice> d = catalog.device(id);
        if (!d) // removed meanwhile: registered on chain all the same
            continue;
        d->registrySignature = signature;
        updated.append(*d);
    }
    return updated.isEmpty() ? Result<void> {} : catalog.updateMany(updated);
}

QString whatLine(const PairedDevice &d)
{
    return QStringLiteral("%1 %2 %3").arg(registryKind(d.kind), d.manufacturer, d.model);
}

QJsonObject skippedJson(const PairedDevice &d, const Failure &why)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("kind"), kindName(d.kind)},
            {QStringLiteral("reason"), why.code},
            {QStringLiteral("message"), why.message}};
}

// --serial for a device whose charger reported none: the serial from its label, checked
// against what the device reported (never overwritten: a different serial means the wrong
// label or the wrong device).
Outcome<PairedDevice> withTypedSerial(const PairedDevice &device, const QString &typed)
{
    const QString serial = typed.trimmed();
    const QString normalized = RegistryMemo::normalizedSerial(serial);
    if (normalized.isEmpty())
        return usageFailure(
            QStringLiteral("--serial is the serial number printed on the device's label"));
    const QString reported = RegistryMemo::normalizedSerial(device.serialNumber);
    if (!reported.isEmpty() && reported != normalized)
        return userFailure(QStringLiteral("serial-mismatch"),
                           QStringLiteral("%1 reported the serial number %2, not %3 — check the "
                                          "label (or the device); nothing was changed")
                               .arg(device.id, device.serialNumber, serial));
    PairedDevice d = device;
    if (reported.isEmpty())
        d.serialNumber = serial;
    return d;
}

Outcome<void> runRegister(const Invocation &in)
{
    const bool all = in.line.has(AllOption);
    QStringList ids = in.arguments;
    ids.removeDuplicates();
    if (all && !ids.isEmpty())
        return usageFailure(QStringLiteral("give device ids or --all, not both"));
    if (!all && ids.isEmpty())
        return usageFailure(QStringLiteral("name the devices to register ('ovpp device list' "
                                           "shows them), or give --all"));
    if (in.line.has(SerialOption) && ids.size() != 1)
        return usageFailure(QStringLiteral("--serial goes with exactly one device id"));
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();
    const QString catalogFile = QDir::toNativeSeparators(catalog.value()->path());

    QList<PairedDevice> chosen;
    QJsonArray skipped;
    if (all) {
        for (const PairedDevice &d : catalog.value()->devices()) {
            if (!d.registrySignature.isEmpty())
                continue;
            if (const std::optional<Failure> why = notRegistrable(d)) {
                in.out.line(why->message);
                skipped.append(skippedJson(d, *why));
                continue;
            }
            chosen.append(d);
        }
    } else {
        QList<PairedDevice> again;
        for (const QString &id : std::as_const(ids)) {
            std::optional<PairedDevice> d = catalog.value()->device(id);
            if (!d)
                return userFailure(
                    QStringLiteral("not-found"),
                    QStringLiteral("no paired device %1 — see 'ovpp device list'").arg(id));
            if (in.line.has(SerialOption)) {
                auto typed = withTypedSerial(*d, in.line.value(SerialOption));
                if (!typed.ok())
                    return typed.failure();
                d = typed.value();
            }
            if (const std::optional<Failure> why = notRegistrable(*d))
                return *why;
            if (!d->registrySignature.isEmpty())
                again.append(*d);
            chosen.append(*d);
        }
        // A new registration of a registered device is an update (the latest replaces all
        // details): harmless, but it costs a fee and adds to the public history, so ask.
        if (!again.isEmpty() && !in.line.has(YesOption)) {
            QStringList which;
            for (const PairedDevice &d : std::as_const(again))
                which << QStringLiteral("%1 (%2)").arg(d.id, d.registrySignature);
            const QString question
                = QStringLiteral("Already registered: %1. Publish the details again (an "
                                 "update; the latest registration replaces the details)?")
                      .arg(idList(which));
            if (!chain::confirm(question))
                return userFailure(QStringLiteral("already-registered"),
                                   QStringLiteral("already registered: %1 — nothing was "
                                                  "registered (answer y, or pass --yes to "
                                                  "register again)")
                                       .arg(idList(which)));
        }
        // The typed serial is kept before anything is sent, so that a failed send can be
        // retried without typing it again.
        if (in.line.has(SerialOption)) {
            const std::optional<PairedDevice> stored = catalog.value()->device(chosen.first().id);
            if (stored && stored->serialNumber != chosen.first().serialNumber) {
                if (Result<void> r = catalog.value()->reload(); !r)
                    return failureFrom(r.error(), catalogFile);
                std::optional<PairedDevice> current = catalog.value()->device(chosen.first().id);
                if (!current)
                    return userFailure(
                        QStringLiteral("not-found"),
                        QStringLiteral("%1 was removed meanwhile").arg(chosen.first().id));
                current->serialNumber = chosen.first().serialNumber;
                if (Result<void> r = catalog.value()->update(*current); !r)
                    return failureFrom(r.error(), catalogFile);
                chosen.first() = *current;
                in.out.note(QStringLiteral("%1: serial number %2 stored")
                                .arg(current->id, current->serialNumber));
            }
        }
    }

    QList<RegistrationBatch> batches;
    if (!chosen.isEmpty()) {
        auto sent = registerDevices(in, *catalog.value(), chosen);
        if (!sent.ok())
            return sent.failure();
        batches = std::move(sent).value();
    } else if (skipped.isEmpty()) {
        in.out.line(QStringLiteral("nothing to register: every paired device is registered"));
    }

    QHash<QString, QString> signatureOf;
    QJsonArray transactions;
    for (const RegistrationBatch &b : std::as_const(batches)) {
        QJsonObject t = chain::sendJson(b.send);
        t.insert(QStringLiteral("devices"), QJsonArray::fromStringList(b.deviceIds));
        transactions.append(t);
        for (const QString &id : b.deviceIds)
            signatureOf.insert(id, b.send.signature);
    }
    QJsonArray registered;
    for (const PairedDevice &d : std::as_const(chosen)) {
        const QString signature = signatureOf.value(d.id);
        in.out.line(QStringLiteral("Registered %1 (%2): %3").arg(d.id, whatLine(d), signature));
        registered.append(QJsonObject {{QStringLiteral("id"), d.id},
                                       {QStringLiteral("kind"), kindName(d.kind)},
                                       {QStringLiteral("manufacturer"), d.manufacturer},
                                       {QStringLiteral("model"), d.model},
                                       {QStringLiteral("signature"), signature}});
    }
    if (all && (!chosen.isEmpty() || !skipped.isEmpty()))
        in.out.line(QStringLiteral("%1 registered in %2 transaction(s), %3 skipped")
                        .arg(chosen.size())
                        .arg(batches.size())
                        .arg(skipped.size()));
    in.out.document({{QStringLiteral("registered"), registered},
                     {QStringLiteral("skipped"), skipped},
                     {QStringLiteral("transactions"), transactions}});
    return {};
}

} // namespace

QStringList registrationOptions()
{
    QStringList options = chain::clusterOptions() + signerOptions() + chain::sendOptions();
    options.removeDuplicates();
    return options;
}

std::optional<Failure> notRegistrable(const PairedDevice &d)
{
    if (d.manufacturer.trimmed().isEmpty() || d.model.trimmed().isEmpty()) {
        if (d.kind == PairedDevice::Kind::Charger)
            return userFailure(QStringLiteral("not-seen-yet"),
                               QStringLiteral("%1: not seen yet — a charger can be registered "
                                              "after its first connection to the app or 'ovpp "
                                              "csms' (its BootNotification names it)")
                                   .arg(d.id));
        return userFailure(QStringLiteral("incomplete-device"),
                           QStringLiteral("%1: reported no manufacturer or model — pair it "
                                          "again ('ovpp device remove %1', 'ovpp device pair')")
                               .arg(d.id));
    }
    if (needsSerialForRegistry(d))
        return userFailure(QStringLiteral("no-serial-number"),
                           QStringLiteral("%1: reported no serial number — run 'ovpp device "
                                          "register %1 --serial TEXT' with the serial number "
                                          "from its label")
                               .arg(d.id));
    if (Result<RegistryRecord> record = registryRecord(d); !record)
        return failureFrom(record.error(), QStringLiteral("the registration of %1").arg(d.id));
    return std::nullopt;
}

Outcome<QList<RegistrationBatch>> registerDevices(const Invocation &in, DeviceCatalog &catalog,
                                                  const QList<PairedDevice> &devices)
{
    QList<RegistryRecord> records;
    for (const PairedDevice &d : devices) {
        Result<RegistryRecord> record = registryRecord(d);
        if (!record)
            return failureFrom(record.error(), QStringLiteral("the registration of %1").arg(d.id));
        records.append(*record);
    }
    auto cluster = chain::cluster(in);
    if (!cluster.ok())
        return cluster.failure();
    auto signer = loadSigner(in, true);
    if (!signer.ok())
        return signer.failure();
    QList<Instruction> memos;
    for (const RegistryRecord &record : std::as_const(records)) {
        Result<Instruction> memo = RegistryMemo::instruction(record, signer->address);
        if (!memo)
            return failureFrom(memo.error(), QStringLiteral("the registry memo"));
        memos.append(*memo);
    }
    auto packed = pack(signer->address, memos);
    if (!packed.ok())
        return packed.failure();

    const auto rpc = chain::client(cluster.value());
    QList<RegistrationBatch> done;
    QStringList registered;
    qsizetype next = 0;
    const qsizetype total = packed->size();
    for (qsizetype t = 0; t < total; ++t) {
        const QList<Instruction> &batch = packed->at(t);
        QStringList ids;
        for (qsizetype i = 0; i < batch.size(); ++i)
            ids << devices.at(next + i).id;
        in.out.note(
            QStringLiteral("Transaction %1 of %2: %3").arg(t + 1).arg(total).arg(idList(ids)));
        auto sent = chain::sendAndFollow(in, *rpc, cluster.value(), *signer->keypair, batch);
        if (!sent.ok()) {
            Failure failure = sent.failure();
            QStringList left;
            for (qsizetype i = next; i < devices.size(); ++i)
                left << devices.at(i).id;
            // sendAndFollow speaks of money; what matters here is which devices are left.
            failure.message
                = QStringLiteral("%1 — not registered: %2%3; run the command again "
                                 "to register them")
                      .arg(
                          failure.message, idList(left),
                          registered.isEmpty()
                              ? QString()
                              : QStringLiteral(" (registered before: %1)").arg(idList(registered)));
            return failure;
        }
        if (Result<void> r = storeSignature(catalog, ids, sent->signature); !r)
            return userFailure(QStringLiteral("io-error"),
                               QStringLiteral("%1 registered on chain in %2, but the catalog %3 "
                                              "could not be updated: %4")
                                   .arg(idList(ids), sent->signature,
                                        QDir::toNativeSeparators(catalog.path()),
                                        describe(r.error())));
        registered += ids;
        done.append(RegistrationBatch {sent.value(), ids});
        next += batch.size();
    }
    return done;
}

Command registerCommand()
{
    QStringList options {AllOption, SerialOption, YesOption, DevicesOption};
    options += registrationOptions();
    options.removeDuplicates();
    Command command = makeCommand(
        QStringLiteral("device"), QStringLiteral("register"),
        QStringLiteral("ID... [--serial TEXT] [--yes] | --all"),
        QStringLiteral("register paired devices (chargers especially) on chain"),
        QStringLiteral(
            "Publishes each device's registry memo (docs/registry-format.md) signed by your\n"
            "wallet account and keeps the signature in the catalog. A charger can be\n"
            "registered once it has connected to the app or 'ovpp csms': its\n"
            "BootNotification names its manufacturer, model and serial number. Several\n"
            "devices share a transaction (as many memos as fit one); the transactions go one\n"
            "after another, with progress on standard error. If one fails, the devices it\n"
            "carried and those after it stay unregistered: run the command again.\n\n"
            "Options:\n"
            "  --all             every paired device not registered yet; devices that cannot\n"
            "                    be registered yet are listed and skipped (exit 0)\n"
            "  --serial TEXT     with one ID: the serial number from the label, for a charger\n"
            "                    that reported none (kept in the catalog); refused if it\n"
            "                    differs from the one the device reported\n"
            "  --yes             register a device that is registered already again (an\n"
            "                    update: the latest registration replaces the details)\n"
            "                    without asking\n"
            "  --keypair FILE, or --vault/--account with the password prompt,\n"
            "  --password-file or --use-keychain: the signer; --url (default l)\n"
            "  --with-compute-unit-price N, --commitment: as for 'ovpp transfer'\n"
            "  --devices FILE    the catalog (default: the app's)\n\n"
            "With --output json: {registered: [{id, kind, manufacturer, model, signature}],\n"
            "skipped: [{id, kind, reason, message}], transactions: [{signature, state, fee,\n"
            "slot, devices}]}. A named device that cannot be registered is an error\n"
            "(not-seen-yet, no-serial-number, serial-mismatch) and nothing is sent.\n"),
        options, runRegister);
    command.maxArguments = std::numeric_limits<int>::max();
    return command;
}

} // namespace ovpp::cli::device
