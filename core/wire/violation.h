#pragma once

#include <QString>

namespace wirescope {

// Wireshark's expert-info groups and severities: what kind of wrong, and how wrong.
enum class ViolationGroup : quint8 {
    Malformed, // the bytes cannot be read as the protocol says
    Protocol,  // readable, but a rule of the RFC is broken
    Sequence,  // each piece is fine, their order is not
    Security,  // allowed or tolerated, but dangerous (ambiguous framing, smuggling)
};

enum class ViolationSeverity : quint8 {
    Note,
    Warning,
    Error,
};

// One kind of violation. Instances are static tables in the codec that detects them;
// `id` is a stable dotted name ("ws.rsv_nonzero") that is part of the CLI's JSON contract
// and of saved sessions. `text` is plain English marked with
// QT_TRANSLATE_NOOP("Violation", ...) so ui/ can translate it.
struct ViolationKind {
    const char *id;
    ViolationGroup group;
    ViolationSeverity severity;
    const char *rfc;
    const char *text;
};

// A violation is data: what rule, where in the byte stream, and the concrete values.
struct Violation {
    const ViolationKind *kind = nullptr;
    qint64 offset = -1; // stream offset of the first offending byte, -1 when not tied to bytes
    qint64 length = 0;  // how many bytes are involved
    QString detail;     // the facts in this instance ("opcode 0x3"), not a sentence

    QString id() const;
    QString rfc() const;
    bool isError() const { return kind && kind->severity == ViolationSeverity::Error; }
};

// English text plus detail: what the CLI prints. ui/ translates `kind->text` itself.
QString violationMessage(const Violation &violation);
QString violationGroupName(ViolationGroup group);
QString violationSeverityName(ViolationSeverity severity);

} // namespace wirescope
