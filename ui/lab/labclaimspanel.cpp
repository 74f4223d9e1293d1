#include "ui/lab/labclaimspanel.h"

#include "ui/lab/labcolors.h"
#include "ui/lab/labwording.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>

#include <algorithm>

namespace wirescope {

namespace {

constexpr LabClaim::Id kClaims[] = {LabClaim::Id::FrameOverhead, LabClaim::Id::HeaderOverhead,
                                    LabClaim::Id::LowerLatency, LabClaim::Id::PollingWastes};

} // namespace

LabClaimsPanel::LabClaimsPanel(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Claims tested by this run"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(4, 4, 4, 4);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    int line = 0;
    for (LabClaim::Id id : kClaims) {
        Row row;
        row.badge = new QLabel(this);
        row.badge->setAlignment(Qt::AlignCenter);
        row.claim = new QLabel(this);
        row.claim->setWordWrap(true);
        row.claim->setTextFormat(Qt::PlainText);
        QFont bold = row.claim->font();
        bold.setBold(true);
        row.claim->setFont(bold);
        row.evidence = new QLabel(this);
        row.evidence->setWordWrap(true);
        row.evidence->setTextFormat(Qt::PlainText);
        row.evidence->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(row.badge, line, 0, 2, 1, Qt::AlignTop);
        grid->addWidget(row.claim, line, 1);
        grid->addWidget(row.evidence, line + 1, 1);
        // A little air between claims.
        grid->setRowMinimumHeight(line + 2, 6);
        line += 3;
        m_rows.append(row);
        show(m_rows.last(), id, -1, QString());
    }
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(line, 1);
}

void LabClaimsPanel::show(Row &row, LabClaim::Id id, int verdict, const QString &evidence)
{
    row.verdict = verdict;
    row.claim->setText(LabWording::claimText(id));
    row.badge->setText(verdict < 0 ? tr("Not tested yet") : LabWording::verdictName(LabClaim::Verdict(verdict)));
    row.evidence->setText(verdict < 0 ? tr("Run the lab: this run's numbers will support or refute it.") : evidence);
    row.badge->setAccessibleName(row.claim->text() + QStringLiteral(": ") + row.badge->text());
    styleBadge(row);
}

void LabClaimsPanel::styleBadge(const Row &row)
{
    const LabBadgeColors colors = labVerdictColors(row.verdict, palette());
    // A badge of a fixed width, so the claims line up whatever the verdict's word.
    row.badge->setMinimumWidth(row.badge->fontMetrics().horizontalAdvance(tr("Not tested yet")) + 16);
    row.badge->setStyleSheet(QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid %3; border-radius: 3px;"
                                            " padding: 2px 6px; font-weight: bold; }")
                                 .arg(colors.text.name(), colors.background.name(), colors.border.name()));
}

void LabClaimsPanel::setClaims(const QList<LabClaim> &claims)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        const LabClaim::Id id = kClaims[i];
        const auto it = std::find_if(claims.begin(), claims.end(), [id](const LabClaim &c) { return c.id == id; });
        if (it == claims.end())
            show(m_rows[i], id, int(LabClaim::Verdict::NotMeasured), LabWording::evidence(LabClaim{id, LabClaim::Verdict::NotMeasured, {}, {}, {}}));
        else
            show(m_rows[i], id, int(it->verdict), LabWording::evidence(*it));
    }
}

void LabClaimsPanel::clear()
{
    for (int i = 0; i < m_rows.size(); ++i)
        show(m_rows[i], kClaims[i], -1, QString());
}

QString LabClaimsPanel::claimText(int i) const
{
    return m_rows.at(i).claim->text();
}

QString LabClaimsPanel::verdictText(int i) const
{
    return m_rows.at(i).badge->text();
}

QString LabClaimsPanel::evidenceText(int i) const
{
    return m_rows.at(i).evidence->text();
}

void LabClaimsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        for (const Row &row : std::as_const(m_rows))
            styleBadge(row);
    }
    QWidget::changeEvent(event);
}

} // namespace wirescope
