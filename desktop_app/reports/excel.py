"""The report's figures as a workbook (openpyxl), and the report's texts the PDF and the page share.

The generic list writer is core/excel.py (``export_rows``, used by ui/export_action.py for every list).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop_app.core.excel import _sheet_title, _widths
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.validation import yuan
from desktop_app.reports.models import PeriodFigures

CTX = "ReportsText"
CERT_KIND_LABELS = {
    "service_record": QT_TRANSLATE_NOOP("Reports", "service record certificates"),
    "honour": QT_TRANSLATE_NOOP("Reports", "honour certificates"),
    "thank_you": QT_TRANSLATE_NOOP("Reports", "thank-you letters"),
}

# --- the report as a workbook ------------------------------------------------------------------------

T = {
    "title": QT_TRANSLATE_NOOP("ReportsText", "{station} work report, {period}"),
    "summary": QT_TRANSLATE_NOOP("ReportsText", "Summary"),
    "desk": QT_TRANSLATE_NOOP("ReportsText", "Desk records"),
    "patrol": QT_TRANSLATE_NOOP("ReportsText", "Patrols and volunteer hours"),
    "meals": QT_TRANSLATE_NOOP("ReportsText", "Meal assistance"),
    "stamps": QT_TRANSLATE_NOOP("ReportsText", "Smile passports"),
    "certificates": QT_TRANSLATE_NOOP("ReportsText", "Certificates"),
    "monthly": QT_TRANSLATE_NOOP("ReportsText", "By month"),
    "item": QT_TRANSLATE_NOOP("ReportsText", "Item"),
    "value": QT_TRANSLATE_NOOP("ReportsText", "Value"),
    "category": QT_TRANSLATE_NOOP("ReportsText", "Category"),
    "received": QT_TRANSLATE_NOOP("ReportsText", "Received"),
    "closed": QT_TRANSLATE_NOOP("ReportsText", "Closed"),
    "closure_rate": QT_TRANSLATE_NOOP("ReportsText", "Closure rate"),
    "on_time": QT_TRANSLATE_NOOP("ReportsText", "Closed on time"),
    "on_time_rate": QT_TRANSLATE_NOOP("ReportsText", "On-time rate"),
    "followed_up": QT_TRANSLATE_NOOP("ReportsText", "Followed up"),
    "satisfied": QT_TRANSLATE_NOOP("ReportsText", "Satisfied"),
    "satisfaction_rate": QT_TRANSLATE_NOOP("ReportsText", "Satisfaction rate"),
    "total": QT_TRANSLATE_NOOP("ReportsText", "Total"),
    "open_now": QT_TRANSLATE_NOOP("ReportsText", "Open now"),
    "overdue_now": QT_TRANSLATE_NOOP("ReportsText", "Overdue now"),
    "shifts": QT_TRANSLATE_NOOP("ReportsText", "Patrol shifts"),
    "covered": QT_TRANSLATE_NOOP("ReportsText", "Fully staffed shifts"),
    "coverage": QT_TRANSLATE_NOOP("ReportsText", "Coverage"),
    "short": QT_TRANSLATE_NOOP("ReportsText", "Short-staffed shifts"),
    "empty": QT_TRANSLATE_NOOP("ReportsText", "Shifts with nobody"),
    "attended": QT_TRANSLATE_NOOP("ReportsText", "Shifts with check-ins"),
    "hours": QT_TRANSLATE_NOOP("ReportsText", "Volunteer hours (credited)"),
    "served_hours": QT_TRANSLATE_NOOP("ReportsText", "Hours actually served"),
    "volunteers": QT_TRANSLATE_NOOP("ReportsText", "Volunteers with hours"),
    "findings": QT_TRANSLATE_NOOP("ReportsText", "Patrol findings"),
    "ordered": QT_TRANSLATE_NOOP("ReportsText", "Meals ordered"),
    "served": QT_TRANSLATE_NOOP("ReportsText", "Meals served"),
    "delivered": QT_TRANSLATE_NOOP("ReportsText", "delivered"),
    "dine_in": QT_TRANSLATE_NOOP("ReportsText", "dine-in"),
    "not_home": QT_TRANSLATE_NOOP("ReportsText", "Nobody home at delivery"),
    "welfare": QT_TRANSLATE_NOOP("ReportsText", "Welfare checks opened"),
    "welfare_open": QT_TRANSLATE_NOOP("ReportsText", "Welfare checks still open"),
    "recipients": QT_TRANSLATE_NOOP("ReportsText", "Active meal recipients"),
    "tier": QT_TRANSLATE_NOOP("ReportsText", "Subsidy tier"),
    "source": QT_TRANSLATE_NOOP("ReportsText", "Funding source"),
    "meals_n": QT_TRANSLATE_NOOP("ReportsText", "Subsidised meals"),
    "people": QT_TRANSLATE_NOOP("ReportsText", "Recipients"),
    "subsidy": QT_TRANSLATE_NOOP("ReportsText", "Subsidy (yuan)"),
    "stamps_earned": QT_TRANSLATE_NOOP("ReportsText", "Stamps awarded"),
    "stamped_residents": QT_TRANSLATE_NOOP("ReportsText", "Residents stamped"),
    "redeemed": QT_TRANSLATE_NOOP("ReportsText", "Stamps spent on rewards"),
    "passports": QT_TRANSLATE_NOOP("ReportsText", "Passports issued"),
    "honour": QT_TRANSLATE_NOOP("ReportsText", "Honour reached"),
    "honours": QT_TRANSLATE_NOOP("ReportsText", "Honours reached"),
    "issued": QT_TRANSLATE_NOOP("ReportsText", "Certificates issued"),
    "revoked": QT_TRANSLATE_NOOP("ReportsText", "of which revoked"),
    "pending": QT_TRANSLATE_NOOP("ReportsText", "Requests waiting"),
    "month": QT_TRANSLATE_NOOP("ReportsText", "Month"),
    "absent": QT_TRANSLATE_NOOP("ReportsText", "not part of this installation"),
    "generated": QT_TRANSLATE_NOOP("ReportsText", "Made on {when} by {who}"),
}


def t(key: str, **params) -> str:
    return translate(CTX, T[key], **params)


def pct(value: float | None):
    return None if value is None else round(value, 4)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def desk_category(name: str) -> str:
    return translate("DeskCategories", name) if name else t("total")


def cert_kind(code: str) -> str:
    return translate("Reports", CERT_KIND_LABELS.get(code, code))


def summary_rows(f: PeriodFigures) -> list[tuple[str, str, object]]:
    """(section, item, value) lines of the summary: the same list the PDF's first table shows."""
    out: list[tuple[str, str, object]] = []
    if f.desk is not None:
        d = f.desk.total
        out += [(t("desk"), t("received"), d.received), (t("desk"), t("closed"), d.closed),
                (t("desk"), t("on_time_rate"), pct(d.on_time_rate)),
                (t("desk"), t("satisfaction_rate"), pct(d.satisfaction_rate))]
    if f.patrol is not None:
        p = f.patrol
        out += [(t("patrol"), t("shifts"), p.shifts), (t("patrol"), t("coverage"), pct(p.coverage_rate)),
                (t("patrol"), t("hours"), p.hours)]
    if f.meals is not None:
        m = f.meals
        out += [(t("meals"), t("served"), m.served), (t("meals"), t("subsidy"), yuan(m.subsidy_fen))]
    if f.stamps is not None:
        out += [(t("stamps"), t("stamps_earned"), f.stamps.earned), (t("stamps"), t("honours"), f.stamps.honours_total)]
    if f.certificates is not None:
        out += [(t("certificates"), t("issued"), f.certificates.issued)]
    return out


def export_report(path: str | Path, f: PeriodFigures, *, made_by: str = "") -> Path:
    """The report's figures as a workbook: a summary sheet and one sheet per section (rates as %)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    bold = Font(bold=True)

    def sheet(title: str, headers: list[str], rows: list[list], rate_cols: tuple[int, ...] = (), first: bool = False):
        ws = wb.active if first else wb.create_sheet()
        ws.title = _sheet_title(title)
        ws.append([t("title", station=f.station_name, period=f.period.label)])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(headers)
        for c in ws[2]:
            c.font = bold
        for r in rows:
            ws.append(r)
        for col in rate_cols:
            for r in ws.iter_rows(min_row=3, min_col=col, max_col=col):
                for c in r:
                    if isinstance(c.value, float):
                        c.number_format = "0.0%"
        ws.freeze_panes = "A3"
        _widths(ws, headers, rows)
        return ws

    summary = [[a, b, c] for a, b, c in summary_rows(f)]
    ws = sheet(t("summary"), [t("item"), "", t("value")], summary, first=True)
    for r in ws.iter_rows(min_row=3, min_col=3, max_col=3):
        for c in r:
            if isinstance(c.value, float) and c.value <= 1 and ws.cell(row=c.row, column=2).value in (
                    t("on_time_rate"), t("satisfaction_rate"), t("coverage")):
                c.number_format = "0.0%"
    if made_by:
        ws.append([])
        ws.append([t("generated", when=datetime.now().strftime("%Y-%m-%d %H:%M"), who=made_by)])
    if f.desk is not None:
        rows = [[desk_category(x.category), x.received, x.closed, pct(x.closure_rate), x.closed_on_time,
                 pct(x.on_time_rate), x.followed_up, x.satisfied, pct(x.satisfaction_rate)]
                for x in [*f.desk.lines, f.desk.total]]
        rows.append([t("open_now"), f.desk.open_now])
        rows.append([t("overdue_now"), f.desk.overdue_now])
        sheet(t("desk"), [t("category"), t("received"), t("closed"), t("closure_rate"), t("on_time"), t("on_time_rate"),
                          t("followed_up"), t("satisfied"), t("satisfaction_rate")], rows, rate_cols=(4, 6, 9))
    if f.patrol is not None:
        p = f.patrol
        sheet(t("patrol"), [t("item"), t("value")], [
            [t("shifts"), p.shifts], [t("covered"), p.covered], [t("coverage"), pct(p.coverage_rate)],
            [t("short"), p.short], [t("empty"), p.empty], [t("attended"), p.attended], [t("hours"), p.hours],
            [t("served_hours"), p.served_hours], [t("volunteers"), p.volunteers], [t("findings"), p.findings],
        ], rate_cols=(2,))
    if f.meals is not None:
        m = f.meals
        rows = [[t("ordered"), m.ordered], [t("served"), m.served], [t("delivered"), m.delivered],
                [t("dine_in"), m.dine_in], [t("not_home"), m.not_home], [t("welfare"), m.welfare_checks],
                [t("welfare_open"), m.welfare_open], [t("recipients"), m.recipients_active], [],
                [t("tier"), t("source"), t("meals_n"), t("people"), t("subsidy")]]
        rows += [[x.name, x.funding_source, x.meals, x.recipients, float(yuan(x.subsidy_fen))] for x in m.tiers]
        rows.append([t("total"), "", m.subsidised_meals, "", float(yuan(m.subsidy_fen))])
        ws = sheet(t("meals"), [t("item"), t("value")], rows)
        for r in ws.iter_rows(min_row=3, min_col=5, max_col=5):
            for c in r:
                if isinstance(c.value, float):
                    c.number_format = "0.00"
    if f.stamps is not None:
        st = f.stamps
        rows = [[t("stamps_earned"), st.earned], [t("stamped_residents"), st.residents], [t("redeemed"), st.redeemed],
                [t("passports"), st.passports_issued], [t("honours"), st.honours_total]]
        rows += [[f"{t('honour')}: {name}", n] for name, n in st.honours]
        sheet(t("stamps"), [t("item"), t("value")], rows)
    if f.certificates is not None:
        c = f.certificates
        rows = [[t("issued"), c.issued]] + [[cert_kind(k), n] for k, n in c.by_kind]
        rows += [[t("revoked"), c.revoked], [t("pending"), c.pending_requests]]
        sheet(t("certificates"), [t("item"), t("value")], rows)
    if f.monthly:
        rows = [[f"{p.year}-{p.month:02d}", p.desk_received, p.desk_closed, pct(p.desk_on_time_rate), p.volunteer_hours,
                 pct(p.patrol_coverage), p.meals_served, p.stamps] for p in f.monthly]
        sheet(t("monthly"), [t("month"), t("received"), t("closed"), t("on_time_rate"), t("hours"), t("coverage"),
                             t("served"), t("stamps_earned")], rows, rate_cols=(4, 6))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    from desktop_app.core import excel as core_excel

    core_excel.save_workbook(wb, path)
    return path
