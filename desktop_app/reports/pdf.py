"""The monthly / annual report as PDF: tables of every section and charts as vector graphics.

ReportLab platypus with the embedded CJK font of core.pdf; charts are reportlab.graphics drawings
(VerticalBarChart, HorizontalLineChart), so they stay sharp when printed and their labels are text.
Takes a PeriodFigures (reports.models); draws nothing it did not get.
"""

from __future__ import annotations

import re
from datetime import datetime
from io import BytesIO
from pathlib import Path

from desktop_app.core import pdf as core_pdf
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, short_month, translate
from desktop_app.core.validation import yuan
from desktop_app.reports.excel import cert_kind, desk_category, percent, t
from desktop_app.reports.models import MonthPoint, PeriodFigures, ReportKind

P = {
    "subtitle": QT_TRANSLATE_NOOP("ReportsPdf", "Period {start} to {end}"),
    "monthly_title": QT_TRANSLATE_NOOP("ReportsPdf", "Monthly work report"),
    "annual_title": QT_TRANSLATE_NOOP("ReportsPdf", "Annual work report"),
    "period_title": QT_TRANSLATE_NOOP("ReportsPdf", "Work report"),
    "key_figures": QT_TRANSLATE_NOOP("ReportsPdf", "Key figures"),
    "chart_desk": QT_TRANSLATE_NOOP("ReportsPdf", "Desk records received and closed, by month"),
    "chart_rates": QT_TRANSLATE_NOOP("ReportsPdf", "Closure and on-time rates, by month (%)"),
    "chart_hours": QT_TRANSLATE_NOOP("ReportsPdf", "Volunteer hours, by month"),
    "chart_meals": QT_TRANSLATE_NOOP("ReportsPdf", "Meals served, by month"),
    "chart_stamps": QT_TRANSLATE_NOOP("ReportsPdf", "Stamps awarded, by month"),
    "chart_subsidy": QT_TRANSLATE_NOOP("ReportsPdf", "Subsidy per tier (yuan)"),
    "definitions": QT_TRANSLATE_NOOP("ReportsPdf", "How the figures are counted"),
    "def_desk": QT_TRANSLATE_NOOP("ReportsPdf", "Desk: records counted by the day they were received; closure rate = closed ÷ received; on-time rate = closed by the deadline ÷ closed; satisfaction rate = satisfied or basically satisfied ÷ followed up (records settled on the spot are not followed up)."),
    "def_patrol": QT_TRANSLATE_NOOP("ReportsPdf", "Patrols: shifts of patrol teams that were not cancelled; a shift is fully staffed when at least its minimum headcount was rostered, with a leader where one is required. Hours: the hours ledger, with holiday and evening multipliers (credited) and without (actually served)."),
    "def_meals": QT_TRANSLATE_NOOP("ReportsPdf", "Meals: served = delivered or eaten in the canteen; subsidies are those of the meals ordered and not cancelled in the period, as in the subsidy claim."),
    "def_stamps": QT_TRANSLATE_NOOP("ReportsPdf", "Stamps: awarded minus reversed, by the day they were earned; honours by the day they were reached. Certificates by the day they were issued."),
    "received": QT_TRANSLATE_NOOP("ReportsPdf", "received"),
    "closed": QT_TRANSLATE_NOOP("ReportsPdf", "closed"),
    "closure": QT_TRANSLATE_NOOP("ReportsPdf", "closure rate"),
    "on_time": QT_TRANSLATE_NOOP("ReportsPdf", "on-time rate"),
    "page": QT_TRANSLATE_NOOP("ReportsPdf", "Page {n}"),
}


_NUMERIC = re.compile(r"^[\d.,%—\-+ ]+$")


def _any(values) -> bool:
    return any(v for v in values)


def p(key: str, **params) -> str:
    return translate("ReportsPdf", P[key], **params)


BLUE = "#2E6DA4"
ORANGE = "#E08A2E"
GREEN = "#3C9A5F"
GREY = "#888888"


def _bar_chart(labels: list[str], series: list[list[float]], colours: list[str], names: list[str], *,
               width: float, height: float = 150, percent_axis: bool = False):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    d = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 60, height - 55
    chart.data = [list(s) for s in series] or [[0]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = core_pdf.FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = core_pdf.FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([max(s) for s in chart.data if s] + [0])
    if percent_axis:
        chart.valueAxis.valueMax = 100
        chart.valueAxis.valueStep = 20
    elif top <= 0:
        chart.valueAxis.valueMax = 1
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for i, c in enumerate(colours):
        chart.bars[i].fillColor = colors.HexColor(c)
        chart.bars[i].strokeColor = None
    if len(series) == 1 and len(labels) <= 13:
        chart.barLabelFormat = "%d" if not percent_axis else "%.0f"
        chart.barLabels.fontName = core_pdf.FONT
        chart.barLabels.fontSize = 6
        chart.barLabels.nudge = 6
    d.add(chart)
    if len(names) > 1:
        legend = Legend()
        legend.x, legend.y = 45, height - 8
        legend.fontName = core_pdf.FONT
        legend.fontSize = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 80
        legend.dxTextSpace = 4
        legend.colorNamePairs = [(colors.HexColor(c), n) for c, n in zip(colours, names, strict=False)]
        d.add(legend)
    return d


def _month_labels(points: list[MonthPoint]) -> list[str]:
    return [short_month(pt.month) if i and pt.month != 1 else short_month(pt.month, pt.year) for i, pt in enumerate(points)]


def build_report(f: PeriodFigures, *, made_by: str = "") -> bytes:
    """The report as PDF bytes (A4 portrait)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    core_pdf.register_fonts()
    st = core_pdf.styles(10)
    esc = core_pdf.markup_with_fallback
    buf = BytesIO()
    width = A4[0] - 36 * mm
    title = {ReportKind.MONTH: p("monthly_title"), ReportKind.YEAR: p("annual_title")}.get(f.period.kind, p("period_title"))

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(core_pdf.FONT, 8)
        canvas.setFillColor(colors.HexColor(GREY))
        canvas.drawString(18 * mm, 10 * mm, f"{f.station_name} · {f.period.label} · {title}")
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, p("page", n=doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=16 * mm,
                            bottomMargin=18 * mm, title=f"{f.station_name} {f.period.label} {title}",
                            author=made_by or f.station_name, creator="SmileDesk")
    story: list = []
    story.append(Paragraph(esc(f"{f.station_name}"), st["center"]))
    story.append(Paragraph(esc(f"{f.period.label} {title}"), st["title"]))
    sub = p("subtitle", start=f.period.start.isoformat(), end=f.period.last_day.isoformat())
    if made_by:
        sub += " · " + t("generated", when=datetime.now().strftime("%Y-%m-%d %H:%M"), who=made_by)
    story.append(Paragraph(esc(sub), st["small"]))
    story.append(Spacer(1, 4 * mm))

    grid = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), core_pdf.FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE7F0")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])

    cell = ParagraphStyle("cell", parent=st["body"], fontSize=9, leading=11)
    cell_right = ParagraphStyle("cell_right", parent=cell, alignment=2)

    def para(c, right: bool) -> object:
        if isinstance(c, str):
            numeric = right and bool(_NUMERIC.match(c))
            return Paragraph(esc(c), cell_right if numeric else cell)
        return c

    def table(rows: list[list], widths: list[float] | None = None, total_row: bool = False) -> Table:
        body = [[para(c, j > 0 and i > 0) for j, c in enumerate(r)] for i, r in enumerate(rows)]
        tbl = Table(body, colWidths=widths, repeatRows=1)
        style = TableStyle(grid.getCommands())
        if total_row:
            style.add("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#F2F2F2"))
        tbl.setStyle(style)
        return tbl

    def heading(text: str) -> Paragraph:
        return Paragraph(esc(text), st["h2"])

    # --- key figures ---
    from desktop_app.reports.excel import summary_rows

    key_style = ParagraphStyle("key", parent=st["body"], fontSize=9, leading=14)
    summary = summary_rows(f)
    if summary:
        cells = []
        for section, item, value in summary:
            if isinstance(value, float) and item in (t("on_time_rate"), t("satisfaction_rate"), t("coverage")):
                value = percent(value)
            shown = value if value is not None else "—"
            cells.append(Paragraph(f'<font size="8" color="{GREY}">{esc(section)}</font><br/>{esc(item)}<br/>'
                                   f'<font size="13"><b>{esc(str(shown))}</b></font>', key_style))
        cols = 4
        rows = [cells[i:i + cols] + [""] * (cols - len(cells[i:i + cols])) for i in range(0, len(cells), cols)]
        key = Table(rows, colWidths=[width / cols] * cols)
        key.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), core_pdf.FONT), ("FONTSIZE", (0, 0), (-1, -1), 9), ("LEADING", (0, 0), (-1, -1), 13),
            ("BOX", (0, 0), (-1, -1), 0.6, colors.HexColor(BLUE)), ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#BBBBBB")),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F5F9FC")), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ]))
        story += [heading(p("key_figures")), key, Spacer(1, 4 * mm)]

    points = f.monthly
    labels = _month_labels(points)

    # --- desk ---
    if f.desk is not None:
        d = f.desk
        rows = [[t("category"), t("received"), t("closed"), t("closure_rate"), t("on_time_rate"), t("followed_up"),
                 t("satisfaction_rate")]]
        for x in [*d.lines, d.total]:
            rows.append([desk_category(x.category), x.received, x.closed, percent(x.closure_rate), percent(x.on_time_rate),
                         x.followed_up, percent(x.satisfaction_rate)])
        story += [heading(t("desk")), table(rows, [width * 0.25] + [width * 0.125] * 6, total_row=True)]
        story.append(Paragraph(esc(f"{t('open_now')}: {d.open_now}  ·  {t('overdue_now')}: {d.overdue_now}"), st["small"]))
        if points and _any(pt.desk_received for pt in points):
            story.append(KeepTogether([
                Spacer(1, 3 * mm), Paragraph(esc(p("chart_desk")), st["body"]),
                _bar_chart(labels, [[pt.desk_received for pt in points], [pt.desk_closed for pt in points]],
                           [BLUE, GREEN], [p("received"), p("closed")], width=width),
                Paragraph(esc(p("chart_rates")), st["body"]),
                _bar_chart(labels, [[round((pt.desk_closed_rate or 0) * 100, 1) for pt in points],
                                    [round((pt.desk_on_time_rate or 0) * 100, 1) for pt in points]],
                           [BLUE, ORANGE], [p("closure"), p("on_time")], width=width, percent_axis=True),
            ]))
        story.append(Spacer(1, 3 * mm))

    # --- patrols ---
    if f.patrol is not None:
        pa = f.patrol
        rows = [[t("item"), t("value")], [t("shifts"), pa.shifts], [t("covered"), pa.covered],
                [t("coverage"), percent(pa.coverage_rate)], [t("short"), pa.short], [t("empty"), pa.empty],
                [t("attended"), pa.attended], [t("hours"), f"{pa.hours:.1f}"], [t("served_hours"), f"{pa.served_hours:.1f}"],
                [t("volunteers"), pa.volunteers], [t("findings"), pa.findings]]
        block = [heading(t("patrol")), table(rows, [width * 0.6, width * 0.4])]
        if points and _any(pt.volunteer_hours for pt in points):
            block += [Spacer(1, 3 * mm), Paragraph(esc(p("chart_hours")), st["body"]),
                      _bar_chart(labels, [[pt.volunteer_hours for pt in points]], [GREEN], [p("chart_hours")], width=width,
                                 height=130)]
        story += [KeepTogether(block), Spacer(1, 3 * mm)]

    # --- meals ---
    if f.meals is not None:
        me = f.meals
        rows = [[t("item"), t("value")], [t("ordered"), me.ordered],
                [t("served"), f"{me.served}（{t('delivered')} {me.delivered} · {t('dine_in')} {me.dine_in}）"],
                [t("not_home"), me.not_home], [t("welfare"), me.welfare_checks], [t("welfare_open"), me.welfare_open],
                [t("recipients"), me.recipients_active]]
        tiers: list[list[str | int]] = [[t("tier"), t("source"), t("meals_n"), t("people"), t("subsidy")]]
        tiers += [[x.name, x.funding_source, x.meals, x.recipients, yuan(x.subsidy_fen)] for x in me.tiers]
        tiers.append([t("total"), "", me.subsidised_meals, "", yuan(me.subsidy_fen)])
        block = [heading(t("meals")), table(rows, [width * 0.6, width * 0.4]), Spacer(1, 2 * mm),
                 table(tiers, [width * 0.28, width * 0.24, width * 0.16, width * 0.14, width * 0.18], total_row=True)]
        charts = []
        if me.tiers and me.subsidy_fen:
            charts += [Spacer(1, 3 * mm), Paragraph(esc(p("chart_subsidy")), st["body"]),
                       _bar_chart([x.name for x in me.tiers], [[x.subsidy_fen / 100 for x in me.tiers]], [GREEN],
                                  [p("chart_subsidy")], width=width, height=130)]
        if points and _any(pt.meals_served for pt in points):
            charts += [Spacer(1, 3 * mm), Paragraph(esc(p("chart_meals")), st["body"]),
                       _bar_chart(labels, [[pt.meals_served for pt in points]], [ORANGE], [p("chart_meals")], width=width,
                                  height=130)]
        story += [KeepTogether(block), *charts, Spacer(1, 3 * mm)]

    # --- stamps and honours ---
    if f.stamps is not None:
        sp = f.stamps
        rows = [[t("item"), t("value")], [t("stamps_earned"), sp.earned], [t("stamped_residents"), sp.residents],
                [t("redeemed"), sp.redeemed], [t("passports"), sp.passports_issued], [t("honours"), sp.honours_total]]
        rows += [[f"{t('honour')}: {name}", n] for name, n in sp.honours]
        block = [heading(t("stamps")), table(rows, [width * 0.6, width * 0.4])]
        if points and _any(pt.stamps for pt in points):
            block += [Spacer(1, 3 * mm), Paragraph(esc(p("chart_stamps")), st["body"]),
                      _bar_chart(labels, [[pt.stamps for pt in points]], [BLUE], [p("chart_stamps")], width=width,
                                 height=130)]
        story += [KeepTogether(block), Spacer(1, 3 * mm)]

    # --- certificates ---
    if f.certificates is not None:
        c = f.certificates
        rows = [[t("item"), t("value")], [t("issued"), c.issued]]
        rows += [[f"  {cert_kind(k)}", n] for k, n in c.by_kind]
        rows += [[t("revoked"), c.revoked], [t("pending"), c.pending_requests]]
        story += [KeepTogether([heading(t("certificates")), table(rows, [width * 0.6, width * 0.4])]), Spacer(1, 3 * mm)]

    defs = [p("def_desk"), p("def_patrol"), p("def_meals"), p("def_stamps")]
    story.append(KeepTogether([heading(p("definitions"))] + [Paragraph(esc(x), st["small"]) for x in defs]))
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def write_report(path: str | Path, f: PeriodFigures, *, made_by: str = "") -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(build_report(f, made_by=made_by))
    return path
