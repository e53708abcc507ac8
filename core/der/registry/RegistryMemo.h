#pragma once

// The device registry's memo format, version 1 (the full specification, with the reasons behind
// each rule, is docs/registry-format.md):
//
//   ovpp:der:1;op=reg;id=<device id>;k=<kind>;mf=<manufacturer>;md=<model>;sn=<serial hash>
//   ovpp:der:1;op=ret;id=<device id>
//
// Fields appear exactly once, in this order. mf and md are free UTF-8 text (NFC) in which '%'
// and ';' are written as %25 and %3B; sn is the base58 of SHA-256 over a domain-separated,
// normalised serial number (serialHash()). There is one canonical text per record: encode()
// produces it, parse() accepts nothing else, so encode(parse(text)) == text.

#include "RegistryRecord.h"
#include "common/Result.h"
#include "crypto/PublicKey.h"
#include "solana/Instruction.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>

namespace ovpp::core {

class RegistryMemo
{
public:
    static constexpr int Version = 1;
    // Every registry memo, whatever its version, starts with these bytes.
    static constexpr char Prefix[] = "ovpp:der:";
    // Field limits (UTF-8 bytes of the unescaped value).
    static constexpr int MaxDeviceIdBytes = 64;
    static constexpr int MaxKindBytes = 24;
    static constexpr int MaxTextBytes = 64; // manufacturer, model
    static constexpr int MaxSerialBytes = 128; // the normalised serial, before hashing
    // The longest v1 memo: every field at its limit, mf and md made only of ';' (3 bytes each
    // once escaped), a 44-character sn. parse() refuses anything longer before decoding it.
    static constexpr std::size_t MaxMemoBytes = (sizeof("ovpp:der:1") - 1) + (sizeof(";op=reg") - 1)
        + (sizeof(";id=") - 1) + MaxDeviceIdBytes + (sizeof(";k=") - 1) + MaxKindBytes
        + 2 * ((sizeof(";mf=") - 1) + 3 * MaxTextBytes) + (sizeof(";sn=") - 1) + 44;

    // A registration with its text normalised (NFC, surrounding white space removed) and its
    // serial hashed. InvalidArgument naming the field when a value breaks the rules.
    static Result<RegistryRecord> registration(const QString &deviceId, const QString &kind,
                                               const QString &manufacturer, const QString &model,
                                               const QString &serial);
    static Result<RegistryRecord> retirement(const QString &deviceId);

    // SHA-256("ovpp:der:serial:1" 0x00 UTF-8(normalised serial)); the serial is normalised with
    // NFKC, all white space removed, then upper-cased. InvalidArgument when it is empty or longer
    // than MaxSerialBytes once normalised.
    static Result<RegistryRecord::SerialHash> serialHash(const QString &serial);
    static QString normalizedSerial(const QString &serial);

    // The canonical memo text. InvalidArgument naming the field when the record breaks a rule
    // (it is not normalised, too long, a retirement carrying details, ...).
    static Result<QByteArray> encode(const RegistryRecord &record);

    // True when `memo` claims to be a registry memo (starts with Prefix), whatever its version
    // or state. Memos that do not are someone else's and are not errors.
    static bool isRegistryMemo(QByteArrayView memo);

    // Strict parse of one memo's bytes. Errors: InvalidArgument (with what and where) for
    // anything that is not a well-formed v1 memo, UnsupportedVersion for a well-formed
    // "ovpp:der:<n>;" header with n other than 1. Never reads outside `memo`.
    static Result<RegistryRecord> parse(QByteArrayView memo);

    // The instruction that publishes `record`: a memo that `owner` must sign (the memo program
    // checks the signature), so the statement can only come from the owner's wallet.
    static Result<Instruction> instruction(const RegistryRecord &record, const PublicKey &owner);

    RegistryMemo() = delete;
};

} // namespace ovpp::core
