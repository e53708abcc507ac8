// Runs fleet_page.qml beside this one on the real object graph (AppServices, as test_qml.cpp
// does) with a fleet of 2,000 chargers in the fleet view model's table: their states are built
// here and applied as one batch from the device network would bring them (the page test needs
// many rows in known states; the device network against real charge points is tested in
// tests/ui/test_fleet_model.cpp).

#include "AppServices.h"
#include "FleetViewModel.h"
#include "der/network/DeviceNetwork.h"
#include "wallet/KdfParams.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QQmlEngine>
#include <QSettings>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(OpenVPP_UiPlugin)
Q_IMPORT_QML_PLUGIN(OpenVPPPlugin)

namespace {

QList<ovpp::core::ocpp::ChargerState> fleet(int size)
{
    using namespace ovpp::core::ocpp;
    const QDateTime at = QDateTime::currentDateTimeUtc();
    QList<ChargerState> list;
    for (int i = 1; i <= size; ++i) {
        ChargerState s;
        s.chargePointId = QStringLiteral("FLEET-%1").arg(i, 4, 10, QLatin1Char('0'));
        s.online = s.connected = s.booted = i % 50 != 0; // 40 offline
        s.vendor = QStringLiteral("OpenVPPSim");
        s.model = QStringLiteral("SimAC-22");
        s.lastSeen = at.addSecs(-(i % 90));
        ConnectorState c;
        c.connectorId = 1;
        c.errorCode = QStringLiteral("NoError");
        if (i % 100 == 7) { // 20 faulted
            c.status = QStringLiteral("Faulted");
            c.errorCode = QStringLiteral("GroundFailure");
        } else if (i % 4 == 0) { // available
            c.status = QStringLiteral("Available");
        } else {
            c.status = QStringLiteral("Charging");
            c.energy = EnergyReading {100'000 + i * 13, at};
            c.power = PowerReading {7360.0, at};
            c.soc = SocReading {double(20 + i % 80), at};
            Transaction t;
            t.transactionId = i;
            t.connectorId = 1;
            t.meterStartWh = 100'000;
            t.startedAt = at;
            c.transaction = t;
        }
        s.connectors.insert(1, c);
        list.append(s);
    }
    return list;
}

} // namespace

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() { m_worker.setMaxThreadCount(1); }

public slots:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/qt/qml"));
        m_services.reset();
        m_worker.waitForDone();
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            qFatal("no temporary directory");
        qputenv("XDG_DATA_HOME", m_dir->filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_dir->filePath(QStringLiteral("config")).toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir->filePath(QStringLiteral("config")));
        ovpp::ui::AppServices::Options options;
        options.vaultPath = m_dir->filePath(QStringLiteral("data/wallets/test.ovppvault"));
        options.kdf = ovpp::core::KdfParams::minimumForTests();
        // The device network runs (on a free port, over an empty catalog in the temporary
        // directory); once it has reported its catalog, one batch brings the fleet's states, as
        // the network would deliver them.
        options.csmsPort = 0;
        options.deviceCatalogPath = m_dir->filePath(QStringLiteral("devices.json"));
        options.telemetryPath = m_dir->filePath(QStringLiteral("telemetry.sqlite"));
        m_services = std::make_unique<ovpp::ui::AppServices>(&m_worker, nullptr, options);
        bool catalogSeen = false;
        const QMetaObject::Connection seen = QObject::connect(
            m_services->deviceNetwork(), &ovpp::core::DeviceNetwork::devicesChanged,
            m_services.get(), [&catalogSeen] { catalogSeen = true; });
        QElapsedTimer waited;
        waited.start();
        while (!(catalogSeen && m_services->fleet()->connected())
               && m_services->fleet()->errorText().isEmpty() && waited.elapsed() < 60000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QObject::disconnect(seen);
        if (!catalogSeen || !m_services->fleet()->connected())
            qFatal("the device network did not start: %s",
                   qPrintable(m_services->fleet()->errorText()));
        m_services->fleet()->model()->applyChargers(fleet(2000));
        ovpp::ui::AppContext::install(m_services->context());
    }

    void cleanupTestCase()
    {
        m_services.reset();
        m_worker.waitForDone();
        m_dir.reset();
    }

private:
    QThreadPool m_worker;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ovpp::ui::AppServices> m_services;
};

QUICK_TEST_MAIN_WITH_SETUP(ovpp_qml_fleet, Setup)

#include "test_qml_fleet.moc"
