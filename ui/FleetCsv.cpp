#include "FleetCsv.h"

#include <QSaveFile>

namespace ovpp::ui {

namespace {

QString isoUtc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// The shortest text that reads back to the same double (QString::number with the
// QLocale::FloatingPointShortest precision), so 64.5 stays "64.5".
QString exactNumber(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', QLocale::FloatingPointShortest) : QString();
}

} // namespace

QByteArray FleetCsv::field(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (!utf8.contains(',') && !utf8.contains('"') && !utf8.contains('\r') && !utf8.contains('\n'))
        return utf8;
    utf8.replace("\"", "\"\"");
    return '"' + utf8 + '"';
}

QByteArray FleetCsv::header()
{
    return QByteArrayLiteral("charge_point_id,label,vendor,model,online,status,connector_id,"
                             "soc_percent,soc_measured_at,power_w,session_energy_wh,"
                             "transaction_id,last_seen,error_code,error_info\r\n");
}

QByteArray FleetCsv::record(const FleetRow &row)
{
    const QList<QString> fields {
        row.id,
        row.label,
        row.vendor,
        row.model,
        row.online ? QStringLiteral("true") : QStringLiteral("false"),
        row.status,
        row.connectorId > 0 ? QString::number(row.connectorId) : QString(),
        exactNumber(row.socPercent),
        row.socPercent ? isoUtc(row.socMeasuredAt) : QString(),
        exactNumber(row.powerWatts),
        row.sessionEnergyWh ? QString::number(*row.sessionEnergyWh) : QString(),
        row.transactionId ? QString::number(*row.transactionId) : QString(),
        isoUtc(row.lastSeen),
        row.errorCode,
        row.errorInfo,
    };
    QByteArray line;
    line.reserve(160);
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            line += ',';
        line += field(fields[i]);
    }
    line += "\r\n";
    return line;
}

core::Result<void> FleetCsv::write(const QString &path, const QList<FleetRow> &rows,
                                   const std::function<void(qsizetype)> &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error {core::ErrorCode::IoError,
                            path + QStringLiteral(": ") + file.errorString()};
    QByteArray chunk = header();
    constexpr qsizetype step = 250;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        chunk += record(rows.at(i));
        if ((i + 1) % step == 0) {
            if (file.write(chunk) != chunk.size())
                break;
            chunk.clear();
            if (progress)
                progress(i + 1);
        }
    }
    file.write(chunk);
    if (!file.commit())
        return core::Error {core::ErrorCode::IoError,
                            path + QStringLiteral(": ") + file.errorString()};
    if (progress)
        progress(rows.size());
    return {};
}

} // namespace ovpp::ui
