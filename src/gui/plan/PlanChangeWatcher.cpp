#include "objectivity/gui/plan/PlanChangeWatcher.h"

#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/storage/ChangeNotifier.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace objectivity::gui {

PlanChangeWatcher::PlanChangeWatcher(storage::Database &db, PlanEditor *editor, QObject *parent)
    : QObject(parent), m_db(db), m_editor(editor),
      m_notifier(new storage::ChangeNotifier(db, this)), m_banner(new QFrame),
      m_bannerText(new QLabel(m_banner)),
      m_refresh(new QPushButton(QStringLiteral("Обновить"), m_banner)) {
    m_banner->setObjectName(QStringLiteral("planChangedBanner"));
    m_banner->setStyleSheet(QStringLiteral("QFrame#planChangedBanner { background: #fde2c8; "
                                           "border: 1px solid #e0a060; } QFrame#planChangedBanner "
                                           "QLabel { color: #5a2a00; }"));
    m_bannerText->setWordWrap(true);
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(m_refresh);
    m_banner->hide();
    connect(m_refresh, &QPushButton::clicked, this, &PlanChangeWatcher::refresh);
    connect(m_notifier, &storage::ChangeNotifier::planChanged, this,
            &PlanChangeWatcher::planChangedElsewhere);
    // Another plan shown, or this one reloaded: the banner is out of date.
    connect(m_editor, &PlanEditor::planLoaded, m_banner, &QWidget::hide);
}

PlanChangeWatcher::~PlanChangeWatcher() {
    if (m_banner && !m_banner->parent())
        delete m_banner.data();
}

void PlanChangeWatcher::planChangedElsewhere(qint64 planId) {
    emit plansChanged();
    if (!m_editor->hasPlan() || m_editor->plan().id != planId)
        return;
    storage::PlanRepository repository(m_db);
    const auto stored = repository.version(planId);
    if (!stored || *stored == m_editor->plan().version)
        return; // this window's own save, or nothing new
    const auto [user, at] = whoChanged(planId);
    QStringList parts;
    for (const QString &part : {user, at})
        if (!part.isEmpty())
            parts << part;
    const QString who = parts.isEmpty() ? QString()
                                        : QStringLiteral(" (") + parts.join(QStringLiteral(", ")) +
                                              QLatin1Char(')');
    if (*stored == 0) {
        m_bannerText->setText(QStringLiteral("План удалён другим пользователем%1.").arg(who));
        m_refresh->hide();
        m_banner->show();
        return;
    }
    if (m_editor->hasUnsavedEdit() || (m_busy && m_busy())) {
        m_bannerText->setText(QStringLiteral("План изменён другим пользователем%1. Нажмите "
                                             "«Обновить», чтобы увидеть текущий план.")
                                  .arg(who));
        m_refresh->show();
        m_banner->show();
        return;
    }
    if (auto st = m_editor->reloadPlan(); !st) {
        emit message(st.error().toString());
        return;
    }
    const QString when = at.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(at);
    emit message(
        user.isEmpty()
            ? QStringLiteral("План обновлён: его изменили в другом окне или программе%1.").arg(when)
            : QStringLiteral("План обновлён: изменения внёс %1%2.").arg(user, when));
}

void PlanChangeWatcher::refresh() {
    if (!m_editor->hasPlan())
        return;
    if (auto st = m_editor->reloadPlan(); !st) {
        emit message(st.error().toString());
        return;
    }
    m_banner->hide();
    emit message(QStringLiteral("Загружен текущий план."));
}

std::pair<QString, QString> PlanChangeWatcher::whoChanged(qint64 planId) const {
    const auto last = storage::PlanRepository(m_db).lastChange(planId);
    if (!last || !*last)
        return {};
    return {(*last)->user, (*last)->at.isValid()
                               ? (*last)->at.toString(QStringLiteral("dd.MM.yyyy HH:mm"))
                               : QString()};
}

} // namespace objectivity::gui
