#include "DeviceCatalogEditor.h"

#include "der/network/DeviceCatalog.h"
#include "der/network/DeviceNetwork.h"

#include <QMetaObject>

namespace ovpp::ui {

DeviceCatalogEditor::DeviceCatalogEditor(QString catalogPath, core::DeviceNetwork *network,
                                         QObject *parent)
    : QObject(parent)
    , m_catalogPath(std::move(catalogPath))
    , m_network(network)
{
    m_pool.setMaxThreadCount(1);
}

DeviceCatalogEditor::~DeviceCatalogEditor()
{
    m_pool.waitForDone();
}

void DeviceCatalogEditor::edit(Change change, std::function<void(core::Result<void>)> done)
{
    QPointer<DeviceCatalogEditor> self(this);
    const QString path = m_catalogPath;
    m_pool.start([self, path, change = std::move(change), done = std::move(done)] {
        core::DeviceCatalog catalog(path);
        core::Result<void> result = catalog.load();
        if (result)
            result = change(catalog);
        // The pool belongs to the editor and its destructor waits for us, so `self` is alive
        // here; the queued call is dropped if the editor goes before it runs.
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, done] {
                if (result && self->m_network)
                    QMetaObject::invokeMethod(self->m_network.data(), "reloadCatalog",
                                              Qt::QueuedConnection);
                if (done)
                    done(result);
            },
            Qt::QueuedConnection);
    });
}

} // namespace ovpp::ui
