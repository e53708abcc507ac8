#pragma once

// Edits the device catalog (devices.json) off the GUI thread: pairing and removing a device
// write the file atomically, and a file write must not stall the UI. One edit at a time (a
// single worker thread), each on a freshly loaded catalog, so an edit never saves a stale copy
// over what the device thread or the CLI wrote. After a successful edit the device network is
// told to re-read the catalog.

#include "common/Result.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <functional>

namespace ovpp::core {
class DeviceCatalog;
class DeviceNetwork;
} // namespace ovpp::core

namespace ovpp::ui {

class DeviceCatalogEditor : public QObject
{
    Q_OBJECT

public:
    // `network` may be null (tests that only check the file).
    DeviceCatalogEditor(QString catalogPath, core::DeviceNetwork *network,
                        QObject *parent = nullptr);
    // Waits for an edit in flight: its file write completes, its callback is dropped.
    ~DeviceCatalogEditor() override;

    QString catalogPath() const { return m_catalogPath; }

    using Change = std::function<core::Result<void>(core::DeviceCatalog &)>;
    // Loads the catalog, applies `change` (which saves through the catalog's own methods), then
    // asks the network to reloadCatalog(). `done` runs on this object's thread.
    void edit(Change change, std::function<void(core::Result<void>)> done);

private:
    QString m_catalogPath;
    QPointer<core::DeviceNetwork> m_network;
    QThreadPool m_pool;
};

} // namespace ovpp::ui
