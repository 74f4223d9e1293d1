#pragma once

#include <QMap>
#include <QObject>
#include <QString>

namespace wirescope {

// A user's label and note on one timeline row (Wireshark's packet comment, with a short
// label for the row itself).
struct SessionAnnotation {
    qint64 row = 0;
    QString label; // one line
    QString note;  // any number of lines

    bool isEmpty() const { return label.isEmpty() && note.isEmpty(); }
    // Label and note as one text, the form of a HAR `comment` and a pcapng `opt_comment`
    // (the label alone on the first line when there is both).
    QString text() const;
    // Back from text(): with the label an export kept beside it (empty: all of it is note).
    static SessionAnnotation fromText(qint64 row, const QString &text, const QString &label);
};

// The annotations of one session, by timeline row: what the views show, the exports write
// and the session file keeps (its `annotations` table). Rows are the timeline's, stable for
// the session's life and in its file.
class Annotations : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The row's annotation; an empty one when it has none.
    SessionAnnotation at(qint64 row) const;
    bool contains(qint64 row) const { return m_byRow.contains(row); }
    qsizetype count() const { return m_byRow.size(); }
    const QMap<qint64, SessionAnnotation> &all() const { return m_byRow; }

    // Sets a row's label and note (both empty: removes them); changed() when that changes
    // anything. Label and note are trimmed (a label is one line).
    void set(qint64 row, const QString &label, const QString &note);
    // What a session file held, already in it: no changed().
    void load(const QList<SessionAnnotation> &annotations);

Q_SIGNALS:
    void changed(qint64 row);

private:
    QMap<qint64, SessionAnnotation> m_byRow;
};

} // namespace wirescope
