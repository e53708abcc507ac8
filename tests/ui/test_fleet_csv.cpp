// The fleet CSV export: written on the worker thread through the view model, then read back
// with an RFC 4180 parser written here: every field exactly what the rows hold (quotes, commas
// and line breaks in labels; integer watt-hours; ISO 8601 UTC times).

#include "FleetCsv.h"
#include "FleetTestSupport.h"
#include "FleetViewModel.h"
#include "UiTestSupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <gtest/gtest.h>

using namespace ovpp;
using ovpp::test::chargerState;
using ovpp::test::FakeConnector;
using ui::FleetModel;
using ui::FleetRow;

namespace {

// RFC 4180: records end in CRLF; a field is quoted when it holds a comma, a quote or a line
// break, with quotes doubled. Fails the test on anything else.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    qsizetype i = 0;
    bool quoted = false;
    bool fieldStarted = false;
    while (i < text.size()) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text[i + 1] == u'"') {
                    field += u'"';
                    i += 2;
                    continue;
                }
                quoted = false;
                ++i;
                continue;
            }
            field += c;
            ++i;
            continue;
        }
        if (c == u'"') {
            EXPECT_FALSE(fieldStarted) << "quote inside an unquoted field";
            quoted = true;
            fieldStarted = true;
            ++i;
        } else if (c == u',') {
            record.append(field);
            field.clear();
            fieldStarted = false;
            ++i;
        } else if (c == u'\r') {
            EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == u'\n') << "CR without LF";
            record.append(field);
            records.append(record);
            record.clear();
            field.clear();
            fieldStarted = false;
            i += 2;
        } else {
            EXPECT_NE(c, u'\n') << "bare LF outside quotes";
            field += c;
            fieldStarted = true;
            ++i;
        }
    }
    EXPECT_FALSE(quoted) << "unterminated quote";
    EXPECT_TRUE(record.isEmpty() && field.isEmpty()) << "last record without CRLF";
    return records;
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

TEST(FleetCsvTest, QuotesOnlyWhatNeedsIt)
{
    EXPECT_EQ(ui::FleetCsv::field(QStringLiteral("plain")), QByteArray("plain"));
    EXPECT_EQ(ui::FleetCsv::field(QStringLiteral("a,b")), QByteArray("\"a,b\""));
    EXPECT_EQ(ui::FleetCsv::field(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
    EXPECT_EQ(ui::FleetCsv::field(QStringLiteral("two\r\nlines")), QByteArray("\"two\r\nlines\""));
    EXPECT_EQ(ui::FleetCsv::field(QStringLiteral("Ladestation Zürich")),
              QStringLiteral("Ladestation Zürich").toUtf8());
}

TEST(FleetCsvTest, AnExportReadsBackExactly)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    ui::FleetViewModel vm;
    const QDateTime at
        = QDateTime::fromString(QStringLiteral("2026-11-24T07:28:19.123Z"), Qt::ISODateWithMs);
    QList<core::ocpp::ChargerState> batch;
    constexpr int n = 1200; // several progress steps
    for (int i = 0; i < n; ++i) {
        const QString id = QStringLiteral("CP-%1").arg(i, 4, 10, QLatin1Char('0'));
        FakeConnector c;
        if (i % 3 == 0) {
            c.status = QStringLiteral("Charging");
            c.meterStartWh = 9'007'199'254'740'000LL; // beyond a double's exact integers
            c.energyWh = 9'007'199'254'740'000LL + 12'345 + i;
            c.watts = 7360.5;
            c.soc = 64.5;
        } else if (i % 3 == 1) {
            c.status = QStringLiteral("Faulted");
            c.errorCode = QStringLiteral("OtherError");
            c.info = QStringLiteral("relay \"K1\", stuck\nopen");
        }
        batch.append(chargerState(id, i % 7 != 6, c, at.addSecs(i)));
    }
    vm.model()->applyChargers(batch);
    QList<core::PairedDevice> devices;
    for (const FleetRow &r : vm.model()->rows()) {
        core::PairedDevice d;
        d.id = r.id;
        d.kind = core::PairedDevice::Kind::Charger;
        if (r.id.endsWith(QLatin1Char('5')))
            d.label = QStringLiteral("Depot, bay \"%1\"\r\nnorth").arg(r.id);
        devices.append(d);
    }
    vm.model()->setDevices(devices);
    vm.sortBy(FleetModel::ChargerColumn);

    const QString path = dir.filePath(QStringLiteral("fleet.csv"));
    QSignalSpy finished(&vm, &ui::FleetViewModel::exportFinished);
    QSignalSpy progress(&vm, &ui::FleetViewModel::progressChanged);
    vm.exportCsv(QUrl::fromLocalFile(path));
    EXPECT_TRUE(vm.busy());
    ASSERT_TRUE(test::fleetWait([&] { return finished.size() == 1; }));
    EXPECT_TRUE(finished.front().front().toBool()) << vm.errorText().toStdString();
    EXPECT_FALSE(vm.busy());
    EXPECT_GE(progress.size(), 2);
    EXPECT_DOUBLE_EQ(vm.progress(), 1.0);

    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QStringList> records = parseCsv(file.readAll());
    ASSERT_EQ(records.size(), n + 1);
    const QStringList header = records.front();
    ASSERT_EQ(header.size(), 15);
    EXPECT_EQ(header[0], QStringLiteral("charge_point_id"));
    EXPECT_EQ(header[10], QStringLiteral("session_energy_wh"));

    // In the table's order (sorted by name/id here), every field as the rows hold it.
    QAbstractItemModel *t = vm.table();
    for (int r = 0; r < n; ++r) {
        const QStringList &f = records[r + 1];
        ASSERT_EQ(f.size(), 15) << r;
        const FleetRow &row = vm.model()->row(
            vm.model()->rowOf(t->index(r, 0).data(FleetModel::IdRole).toString()));
        EXPECT_EQ(f[0], row.id);
        EXPECT_EQ(f[1], row.label);
        EXPECT_EQ(f[2], QStringLiteral("OpenVPPSim"));
        EXPECT_EQ(f[4], row.online ? QStringLiteral("true") : QStringLiteral("false"));
        EXPECT_EQ(f[5], row.status);
        EXPECT_EQ(f[12], iso(row.lastSeen));
        EXPECT_EQ(f[13], row.errorCode);
        EXPECT_EQ(f[14], row.errorInfo);
        if (row.sessionEnergyWh) {
            EXPECT_EQ(f[10].toLongLong(), *row.sessionEnergyWh);
            EXPECT_EQ(f[7], QStringLiteral("64.5"));
            EXPECT_EQ(f[8], iso(row.socMeasuredAt));
            EXPECT_EQ(f[9], QStringLiteral("7360.5"));
        } else {
            EXPECT_TRUE(f[10].isEmpty());
        }
    }
    // One known record in full.
    const int r0 = vm.model()->rowOf(QStringLiteral("CP-0015"));
    const FleetRow &known = vm.model()->row(r0);
    EXPECT_EQ(known.label, QStringLiteral("Depot, bay \"CP-0015\"\r\nnorth"));
    EXPECT_EQ(*known.sessionEnergyWh, 12'360);
    const auto record = std::find_if(records.cbegin(), records.cend(), [](const QStringList &f) {
        return f.front() == QLatin1String("CP-0015");
    });
    ASSERT_NE(record, records.cend());
    EXPECT_EQ((*record)[1], known.label);
    EXPECT_EQ((*record)[10], QStringLiteral("12360"));
    EXPECT_EQ((*record)[12], QStringLiteral("2026-11-24T07:28:34.123Z"));
}

TEST(FleetCsvTest, AFileThatCannotBeWrittenSaysSo)
{
    ui::FleetViewModel vm;
    vm.model()->applyChargers({chargerState(QStringLiteral("A"), true)});
    QSignalSpy finished(&vm, &ui::FleetViewModel::exportFinished);
    vm.exportCsv(QUrl::fromLocalFile(QStringLiteral("/nonexistent-dir/fleet.csv")));
    ASSERT_TRUE(test::fleetWait([&] { return finished.size() == 1; }));
    EXPECT_FALSE(finished.front().front().toBool());
    EXPECT_FALSE(vm.errorText().isEmpty());
    EXPECT_FALSE(vm.busy());
}

} // namespace
