#include "Command.h"

namespace ovpp::cli {

const QStringList &globalOptions()
{
    static const QStringList options {QStringLiteral("output"), QStringLiteral("help"),
                                      QStringLiteral("version"), QStringLiteral("kdf-test-params")};
    return options;
}

Outcome<core::DerivationPath> derivationPathOption(const CommandLine &line)
{
    if (!line.has(QStringLiteral("path")))
        return core::DerivationPath();
    auto path = core::DerivationPath::parse(line.value(QStringLiteral("path")));
    if (!path.ok()) {
        return usageFailure(QStringLiteral("--path %1 is not a derivation path: %2")
                                .arg(line.value(QStringLiteral("path")), path.error().detail));
    }
    return path.value();
}

} // namespace ovpp::cli
