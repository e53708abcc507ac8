#pragma once

// The device side as AppServices runs it, for the device view-model tests: DeviceNetwork on a
// thread of its own with a catalog and telemetry store in a temporary directory, a free port
// for the central system, and short poll intervals; plus the catalog editor and telemetry
// reader the view models use.

#include "DeviceCatalogEditor.h"
#include "DeviceTelemetry.h"
#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <gtest/gtest.h>

#include <memory>

namespace ovpp::test {

class DeviceRig
{
public:
    static constexpr int waitMs = 30000;

    DeviceRig()
    {
        EXPECT_TRUE(m_dir.isValid());
        options.catalogPath = m_dir.filePath(QStringLiteral("devices.json"));
        options.telemetryPath = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
        options.csmsPort = 0;
        options.heartbeatIntervalSeconds = 5;
        options.inverterIntervalMs = 300;
        options.chargerBatchMs = 50;
        network = new core::DeviceNetwork(options);
        network->moveToThread(&m_thread);
        QObject::connect(network, &core::DeviceNetwork::started, &m_receiver,
                         [this](const QUrl &url) { baseUrl = url; });
        m_thread.start();
        catalog = std::make_unique<ui::DeviceCatalogEditor>(options.catalogPath, network);
        telemetry = std::make_unique<ui::DeviceTelemetry>(options.telemetryPath);
    }

    ~DeviceRig()
    {
        core::DeviceNetwork *net = network;
        QMetaObject::invokeMethod(
            net,
            [net] {
                net->stop();
                delete net;
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        catalog.reset();
        telemetry.reset();
    }

    // After the view models under test have connected (as AppServices does).
    bool start()
    {
        QMetaObject::invokeMethod(network, "start", Qt::QueuedConnection);
        return QTest::qWaitFor([&] { return baseUrl.isValid(); }, waitMs);
    }
    QString wsUrl() const { return baseUrl.toString().chopped(1); }

    core::DeviceCatalog loadCatalog() const
    {
        core::DeviceCatalog c(options.catalogPath);
        EXPECT_TRUE(bool(c.load()));
        return c;
    }

    core::DeviceNetwork::Options options;
    core::DeviceNetwork *network = nullptr;
    std::unique_ptr<ui::DeviceCatalogEditor> catalog;
    std::unique_ptr<ui::DeviceTelemetry> telemetry;
    QUrl baseUrl;

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    QObject m_receiver;
};

} // namespace ovpp::test
