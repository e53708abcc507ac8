#include "ChargerCommands.h"

#include "DeviceSupport.h"
#include "der/ocpp/CentralSystem.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cstring>

namespace ovpp::cli {

using namespace core;
using namespace device;

namespace {

const QString LabelOption = QStringLiteral("label");
const QString CountOption = QStringLiteral("count");
const QString PrefixOption = QStringLiteral("prefix");
const QString SharedKeyOption = QStringLiteral("shared-key");
const QString ListenOption = QStringLiteral("listen");
const QString DevicesOption = QStringLiteral("devices");
constexpr int MaxFleet = 10'000;

struct NewCharger
{
    QString id;
    QString url;
    const SecretBytes *key = nullptr;
};

// {"chargers":[{"id":..,"url":..,"password":..}, ...]} with the keys copied only into secure
// memory, never into a QString or QByteArray.
SecretBytes fleetJson(const QList<NewCharger> &chargers)
{
    QList<QByteArray> heads;
    std::size_t total = 2;
    for (const NewCharger &c : chargers) {
        QByteArray head = QJsonDocument(QJsonObject {{QStringLiteral("id"), c.id},
                                                     {QStringLiteral("url"), c.url}})
                              .toJson(QJsonDocument::Compact);
        head.chop(1);
        head += ",\"password\":\"";
        total += std::size_t(head.size()) + c.key->size() + 3;
        heads.append(head);
    }
    SecretBytes out(total);
    std::uint8_t *p = out.data();
    *p++ = '[';
    for (qsizetype i = 0; i < chargers.size(); ++i) {
        if (i > 0)
            *p++ = ',';
        std::memcpy(p, heads.at(i).constData(), std::size_t(heads.at(i).size()));
        p += heads.at(i).size();
        // Keys come from an unambiguous alphabet of letters and digits: nothing to escape.
        std::memcpy(p, chargers.at(i).key->data(), chargers.at(i).key->size());
        p += chargers.at(i).key->size();
        *p++ = '"';
        *p++ = '}';
    }
    *p++ = ']';
    return out.slice(0, std::size_t(p - out.data()));
}

Outcome<void> runAdd(const Invocation &in)
{
    auto catalog = openCatalog(in);
    if (!catalog.ok())
        return catalog.failure();
    // Where chargers will reach the central system (`ovpp csms --listen`, the app's 8887).
    auto listen = hostPort(in.line.has(ListenOption) ? in.line.value(ListenOption)
                                                     : QStringLiteral("127.0.0.1"),
                           ocpp::CentralSystem::defaultPort);
    if (!listen.ok())
        return listen.failure();
    const QString base = QStringLiteral("ws://%1:%2/").arg(listen->host).arg(listen->port);

    QStringList ids;
    const bool fleet = in.line.has(CountOption);
    if (fleet) {
        bool ok = false;
        const int count = in.line.value(CountOption).toInt(&ok);
        if (!ok || count < 1 || count > MaxFleet)
            return usageFailure(QStringLiteral("--count is 1 to %1").arg(MaxFleet));
        if (!in.arguments.isEmpty())
            return usageFailure(QStringLiteral("give an ID or --count, not both"));
        const QString prefix
            = in.line.has(PrefixOption) ? in.line.value(PrefixOption) : QStringLiteral("OVPP");
        if (prefix.isEmpty() || prefix.size() > 40 || prefix.contains(u'/'))
            return usageFailure(QStringLiteral("--prefix has 1 to 40 characters and no '/'"));
        // <prefix>-001 ... <prefix>-1000, exactly as the charge point simulator names a fleet
        // (at least three digits).
        for (int i = 1; i <= count; ++i)
            ids << QStringLiteral("%1-%2").arg(prefix).arg(i, 3, 10, QLatin1Char('0'));
    } else if (in.line.has(PrefixOption) || in.line.has(SharedKeyOption)) {
        return usageFailure(QStringLiteral("--prefix and --shared-key go with --count"));
    } else {
        ids << (in.arguments.isEmpty() ? catalog.value()->newChargePointId() : in.arguments.at(0));
    }
    for (const QString &id : std::as_const(ids)) {
        if (catalog.value()->contains(id))
            return userFailure(QStringLiteral("already-paired"),
                               QStringLiteral("%1 is already paired — 'ovpp device remove %1' "
                                              "first to pair it again with a new password")
                                   .arg(id));
    }

    std::vector<SecretBytes> keys;
    const bool shared = in.line.has(SharedKeyOption);
    for (qsizetype i = 0; i < (shared ? 1 : ids.size()); ++i)
        keys.push_back(ocpp::CentralSystem::generateAuthorizationKey());
    QList<NewCharger> added;
    QList<std::pair<PairedDevice, const SecretBytes *>> entries;
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const SecretBytes *key = &keys.at(shared ? 0 : std::size_t(i));
        PairedDevice device;
        device.id = ids.at(i);
        device.kind = PairedDevice::Kind::Charger;
        device.label = in.line.value(LabelOption);
        device.pairedAt = QDateTime::currentDateTimeUtc();
        entries.append({device, key});
        added.append(NewCharger {device.id, base + device.id, key});
    }
    // One write for the whole fleet, all or nothing.
    if (Result<void> r = catalog.value()->addChargers(entries); !r)
        return failureFrom(r.error(), QDir::toNativeSeparators(catalog.value()->path()));

    if (!fleet) {
        const NewCharger &c = added.first();
        in.out.line(
            QStringLiteral("Charger %1 paired. Enter in the charger's OCPP settings:").arg(c.id));
        in.out.line(QStringLiteral("  central system URL:  %1").arg(base));
        in.out.line(QStringLiteral("  charge point id:     %1").arg(c.id));
        in.out.secretLine(*c.key, QStringLiteral("  password (AuthorizationKey): "));
        in.out.line(QStringLiteral("The password is shown only now; the catalog keeps a hash."));
        in.out.documentWithSecret({{QStringLiteral("id"), c.id},
                                   {QStringLiteral("url"), c.url},
                                   {QStringLiteral("centralSystem"), base}},
                                  QStringLiteral("password"), *c.key,
                                  Output::SecretEncoding::JsonString);
        return {};
    }
    in.out.line(QStringLiteral("%1 chargers paired (%2 ... %3). Central system URL: %4")
                    .arg(added.size())
                    .arg(added.first().id, added.last().id, base));
    for (const NewCharger &c : std::as_const(added))
        in.out.secretLine(*c.key, c.id + QStringLiteral("  "));
    in.out.documentWithSecret({{QStringLiteral("centralSystem"), base}}, QStringLiteral("chargers"),
                              fleetJson(added), Output::SecretEncoding::JsonValue);
    return {};
}

} // namespace

QList<Command> chargerCommands()
{
    Command add = makeCommand(
        QStringLiteral("charger"), QStringLiteral("add"),
        QStringLiteral("[ID] [--label TEXT] [--count N [--prefix P] [--shared-key]]"),
        QStringLiteral("pair an EV charger (or a fleet): id and password for its OCPP settings"),
        QStringLiteral(
            "Generates a charge point id (unless given) and a random password\n"
            "(AuthorizationKey, OCPP security profile 1), stores only a salted SHA-256\n"
            "verifier in the device catalog, and prints the central system URL, the id and\n"
            "the password to enter in the charger. The password is shown once.\n\n"
            "Options:\n  --label TEXT      your name for it\n"
            "  --count N         a fleet of N chargers P-001 ... P-N, one password each\n"
            "  --prefix P        the fleet's id prefix (default OVPP)\n"
            "  --shared-key      one password for the whole fleet (simulators, test rigs)\n"
            "  --listen HOST:PORT  where 'ovpp csms' listens, for the printed URL\n"
            "                    (default 127.0.0.1:8887)\n"
            "  --devices FILE    the catalog (default: the app's)\n\n"
            "With --output json: {id, url, centralSystem, password}, or with --count\n"
            "{centralSystem, chargers: [{id, url, password}, ...]}.\n"),
        {LabelOption, CountOption, PrefixOption, SharedKeyOption, ListenOption, DevicesOption},
        runAdd);
    add.maxArguments = 1;
    return {add};
}

} // namespace ovpp::cli
