// A main() for the libFuzzer targets in a normal (gcc or clang) build, so that every CI run
// exercises them without libFuzzer: each file of the corpus directories is run through
// LLVMFuzzerTestOneInput, then truncations and a fixed number of seeded mutations of it
// (bit flips, byte inserts and deletes, splices with another seed). Deterministic: the same
// corpus gives the same inputs on every machine. A target signals a bug by aborting, which fails
// the test; a corpus directory without files fails it too, so a lost corpus cannot pass.
//
// Usage: fuzz_replay_<target> [--mutations N] DIR...

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

// splitmix64: small, fixed, and identical everywhere (unlike std:: distributions).
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_state(seed)
    { }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    qsizetype below(qsizetype bound) { return bound <= 0 ? 0 : qsizetype(next() % quint64(bound)); }

private:
    std::uint64_t m_state;
};

void run(const QByteArray &input)
{
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(input.constData()),
                           std::size_t(input.size()));
}

// Bytes that matter to the parsers under test: URL and JSON punctuation, digits, and edges.
constexpr char Interesting[] = "%+&=?:#.-e0123456789\"{}[],\\ \x00\xff\x7f\x80\xc3";

QByteArray mutate(const QByteArray &seed, const QList<QByteArray> &seeds, Random &random)
{
    QByteArray out = seed;
    const int steps = 1 + int(random.below(4));
    for (int step = 0; step < steps; ++step) {
        const qsizetype at = random.below(out.size() + 1);
        switch (random.below(6)) {
        case 0: // flip a bit
            if (!out.isEmpty())
                out[random.below(out.size())] ^= char(1u << random.below(8));
            break;
        case 1: // insert an interesting byte
            out.insert(at, Interesting[random.below(sizeof(Interesting) - 1)]);
            break;
        case 2: // delete a run
            out.remove(at, 1 + random.below(8));
            break;
        case 3: // duplicate a chunk
            if (!out.isEmpty()) {
                const qsizetype from = random.below(out.size());
                out.insert(at, out.mid(from, 1 + random.below(32)));
            }
            break;
        case 4: // overwrite with an interesting byte
            if (!out.isEmpty())
                out[random.below(out.size())] = Interesting[random.below(sizeof(Interesting) - 1)];
            break;
        default: { // splice in part of another seed
            const QByteArray &other = seeds.at(random.below(seeds.size()));
            const qsizetype from = random.below(other.size());
            out = out.left(at) + other.mid(from);
            break;
        }
        }
    }
    return out;
}

} // namespace

int main(int argc, char **argv)
{
    int mutations = 500;
    QStringList directories;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--mutations") && i + 1 < argc)
            mutations = QString::fromLocal8Bit(argv[++i]).toInt();
        else
            directories.append(arg);
    }
    if (directories.isEmpty()) {
        std::fprintf(stderr, "usage: %s [--mutations N] CORPUS_DIR...\n", argv[0]);
        return 2;
    }

    QList<QByteArray> seeds;
    for (const QString &directory : directories) {
        const QDir dir(directory);
        const QFileInfoList files = dir.entryInfoList(QDir::Files, QDir::Name);
        if (files.isEmpty()) {
            std::fprintf(stderr, "no corpus files in %s\n", qPrintable(directory));
            return 1;
        }
        for (const QFileInfo &info : files) {
            QFile file(info.filePath());
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(info.filePath()));
                return 1;
            }
            seeds.append(file.readAll());
        }
    }

    run(QByteArray());
    Random random(0x0ddba11'5eedull);
    long executions = 1;
    for (const QByteArray &seed : seeds) {
        run(seed);
        // Truncations: where most hand-written parsers go wrong.
        const qsizetype stride = std::max<qsizetype>(1, seed.size() / 64);
        for (qsizetype length = 0; length < seed.size(); length += stride)
            run(seed.left(length));
        for (int i = 0; i < mutations; ++i)
            run(mutate(seed, seeds, random));
        executions += 1 + (seed.size() + stride - 1) / stride + mutations;
    }
    std::printf("%lld seeds, %ld executions, no crash\n", static_cast<long long>(seeds.size()),
                executions);
    return 0;
}
