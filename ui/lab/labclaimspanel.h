#pragma once

#include "core/lab/labresult.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace wirescope {

// The four common claims about HTTP and WebSocket, each with the verdict of this run
// (Supported, Refuted, Not measured) as a coloured badge and the evidence in words
// (LabWording::evidence, translated). Before a run each claim says it is waiting for one.
class LabClaimsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LabClaimsPanel(QWidget *parent = nullptr);

    void setClaims(const QList<LabClaim> &claims);
    // Back to "not tested yet" (a new run starts).
    void clear();

    int count() const { return int(m_rows.size()); }
    QString claimText(int i) const;
    QString verdictText(int i) const;
    QString evidenceText(int i) const;
    // -1 before a verdict, else a LabClaim::Verdict.
    int verdict(int i) const { return m_rows.at(i).verdict; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QLabel *badge = nullptr;
        QLabel *claim = nullptr;
        QLabel *evidence = nullptr;
        int verdict = -1;
    };
    void show(Row &row, LabClaim::Id id, int verdict, const QString &evidence);
    void styleBadge(const Row &row);

    QList<Row> m_rows;
};

} // namespace wirescope
