#pragma once

// The fleet table as CSV (RFC 4180): a header line, one record per charger, CRLF line ends,
// fields quoted when they hold a comma, a quote, CR or LF (quotes doubled). Numbers are exact:
// energy in integer watt-hours, SoC and power as the shortest decimal that reads back to the
// same value; times in ISO 8601 UTC with milliseconds; empty fields for unknown values.
// Written to a QSaveFile, so an interrupted export never leaves a half file behind.

#include "FleetRow.h"
#include "common/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace ovpp::ui {

class FleetCsv
{
public:
    static QByteArray header();
    static QByteArray record(const FleetRow &row);
    // RFC 4180 field quoting.
    static QByteArray field(const QString &text);

    // Writes `rows` to `path`, calling `progress(done)` every few hundred rows (from the
    // calling thread: meant for a worker). IoError naming the file on failure.
    static core::Result<void> write(const QString &path, const QList<FleetRow> &rows,
                                    const std::function<void(qsizetype)> &progress = {});
};

} // namespace ovpp::ui
