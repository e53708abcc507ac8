#pragma once

// Which fleet events deserve a notification, and how many: a charger faulted, went offline, or
// came back after being offline. Events are gathered for a short window after the first one and
// then reported as ONE notification: the single event in words ("Garage charger went
// offline"), or a summary when there were several ("300 chargers went offline"), so a site
// losing its uplink does not bury the user under 300 pop-ups. A charger that went offline and
// came back inside one window is not reported at all; "came back" is only said of a charger
// that was reported offline before (so the fleet coming up at start-up is not news).

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <chrono>

namespace ovpp::ui {

class FleetAlerts : public QObject
{
    Q_OBJECT

public:
    explicit FleetAlerts(QObject *parent = nullptr,
                         std::chrono::milliseconds window = std::chrono::seconds(2));

    // How chargers are named in notifications (the catalog's label, else the id).
    void setLabel(const QString &chargerId, const QString &label);

public slots:
    void faulted(const QString &chargerId, const QString &what);
    void wentOffline(const QString &chargerId);
    void cameOnline(const QString &chargerId);
    // Reports what is pending now (also what the window's timer does).
    void flush();

signals:
    void notify(const QString &title, const QString &text);

private:
    enum class Kind { Fault, Offline, Online };
    struct Pending
    {
        Kind kind;
        QString what;
    };

    void add(const QString &chargerId, Kind kind, const QString &what = {});
    QString nameOf(const QString &chargerId) const;

    QTimer m_window;
    QHash<QString, Pending> m_pending;
    QStringList m_order; // first-seen order of m_pending's keys
    QSet<QString> m_reportedOffline;
    QHash<QString, QString> m_labels;
};

} // namespace ovpp::ui
