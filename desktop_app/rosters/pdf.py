"""Paper and files: the A4 landscape monthly roster of a team (one page per grid), the day's sign-in
sheet with a signature column (ReportLab, the embedded CJK font of core.pdf), and the Excel roster — in the
language of the interface (or of the command, --lang)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlmodel import Session, select

from desktop_app.core import pdf as core_pdf
from desktop_app.core.auth import Actor, first_station, require
from desktop_app.core.clock import today
from desktop_app.core.i18n import QT_TRANSLATE_NOOP, join, long_date, month_title, translate, weekday_name
from desktop_app.core.models import Station
from desktop_app.core.periods import Period
from desktop_app.core.records import pk
from desktop_app.rosters.common import chosen_team
from desktop_app.rosters.labels import period_label
from desktop_app.rosters.models import PERIODS, Shift
from desktop_app.rosters.month import coverage
from desktop_app.rosters.permissions import VIEW_ROSTERS
from desktop_app.rosters.shifts import shift_people, shifts_on

CTX = "RostersPdf"
T = {
    "roster_title": QT_TRANSLATE_NOOP("RostersPdf", "{team} patrol roster {month}"),
    "grid": QT_TRANSLATE_NOOP("RostersPdf", "Grid: {grid}"),
    "route": QT_TRANSLATE_NOOP("RostersPdf", "Route: {route}"),
    "date": QT_TRANSLATE_NOOP("RostersPdf", "Date"),
    "weekday": QT_TRANSLATE_NOOP("RostersPdf", "Weekday"),
    "holiday": QT_TRANSLATE_NOOP("RostersPdf", "Holiday"),
    "gaps": QT_TRANSLATE_NOOP("RostersPdf", "Short"),
    "short_people": QT_TRANSLATE_NOOP("RostersPdf", " (short of {n})"),
    "no_leader": QT_TRANSLATE_NOOP("RostersPdf", " (no leader)"),
    "footer": QT_TRANSLATE_NOOP("RostersPdf", "★ leader    Please arrive 5 minutes before your patrol, check in and wear "
                                              "the red cap. If you cannot come, tell your leader in good time.    "
                                              "Printed {day}"),
    "sign_in_title": QT_TRANSLATE_NOOP("RostersPdf", "{team} patrol sign-in sheet"),
    "no": QT_TRANSLATE_NOOP("RostersPdf", "No."),
    "name": QT_TRANSLATE_NOOP("RostersPdf", "Name"),
    "role": QT_TRANSLATE_NOOP("RostersPdf", "Role"),
    "in": QT_TRANSLATE_NOOP("RostersPdf", "Checked in"),
    "out": QT_TRANSLATE_NOOP("RostersPdf", "Checked out"),
    "signature": QT_TRANSLATE_NOOP("RostersPdf", "Signature"),
    "findings": QT_TRANSLATE_NOOP("RostersPdf", "Findings"),
    "leader": QT_TRANSLATE_NOOP("RostersPdf", "leader"),
    "member": QT_TRANSLATE_NOOP("RostersPdf", "member"),
    "signatures": QT_TRANSLATE_NOOP("RostersPdf", "Leader's signature: ________________        "
                                                  "Staff on duty: ________________"),
    "counts": QT_TRANSLATE_NOOP("RostersPdf", "Patrols this month"),
}


def _t(key: str) -> str:
    return translate(CTX, T[key])


def _month_shifts(s: Session, team_id: int, year: int, month: int):
    month_ = Period.month(year, month)
    start, end = month_.start, month_.last_day
    shifts = list(s.exec(select(Shift).where(Shift.team_id == team_id, Shift.date >= start, Shift.date <= end, Shift.cancelled == False)))  # noqa: E712
    return start, end, shifts


def _times(shifts) -> dict[str, str]:
    out: dict[str, str] = {}
    for sh in shifts:
        out.setdefault(sh.period, f"{sh.starts_at:%H:%M}–{sh.ends_at:%H:%M}")
    return out


def _target(path: str | Path | BinaryIO) -> tuple[str | BinaryIO, Path | BinaryIO]:
    """(what ReportLab writes to, what the function returns): a file path, or a file object (BytesIO)."""
    if isinstance(path, str | Path):
        return str(Path(path)), Path(path)
    return path, path


def monthly_roster(s: Session, *, actor: Actor, team_id: int | None, year: int, month: int, path: str | Path | BinaryIO) -> Path | BinaryIO:
    """A4 landscape, one page per grid: days down, the three patrols across, leader starred."""
    require(actor, VIEW_ROSTERS)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    core_pdf.register_fonts()
    st = core_pdf.styles(10)
    team = chosen_team(s, team_id, actor)  # the station's own team; none chosen: say so
    station = (s.get(Station, team.station_id) if team.station_id is not None else None) or first_station(s)
    start, end, shifts = _month_shifts(s, pk(team.id), year, month)
    cells = coverage(s, actor=actor, team_id=pk(team.id), start=start, end=end)
    by_grid: dict[str, list] = defaultdict(list)
    for sh in shifts:
        by_grid[sh.grid or team.grid].append(sh)
    if not by_grid:
        by_grid[team.grid] = []
    into, path = _target(path)
    doc = SimpleDocTemplate(into, pagesize=landscape(A4), leftMargin=12 * mm, rightMargin=12 * mm,
                            topMargin=10 * mm, bottomMargin=10 * mm, title=f"{team.name} {year}-{month:02d}")
    story = []
    cell_style = st["small"].clone("cell", fontSize=7.6, leading=9)
    for gi, (grid, grid_shifts) in enumerate(sorted(by_grid.items())):
        if gi:
            story.append(PageBreak())
        times = _times(grid_shifts)
        title = _t("roster_title").format(team=team.name, month=month_title(year, month))
        story.append(Paragraph(core_pdf.markup_with_fallback(title), st["title"].clone("t", fontSize=16, leading=20)))
        sub = "　".join(x for x in (station.name if station else "", _t("grid").format(grid=grid) if grid else "",
                                    _t("route").format(route=team.route) if team.route else "") if x)
        story.append(Paragraph(core_pdf.markup_with_fallback(sub), st["center"].clone("sub", fontSize=9, leading=12)))
        head = [_t("date"), _t("weekday")] + [f"{period_label(p)} {times.get(p, '')}" for p in PERIODS]
        rows = [head]
        style = [
            ("FONT", (0, 0), (-1, -1), core_pdf.FONT, 8),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#c0392b")),
            ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        d = start
        r = 1
        while d <= end:
            row = [f"{d.month}/{d.day}", weekday_name(d, short=True)]
            holiday = ""
            for p in PERIODS:
                cell = cells.get((d, p))
                if cell is None:
                    row.append("")
                    continue
                holiday = cell.holiday_name or holiday
                lead = cell.leader_names[:1]
                names = [f"★{n}" for n in lead] + [n for n in cell.names if n not in lead]
                text = join(names)
                if cell.short:
                    text += (_t("short_people").format(n=cell.min_headcount - cell.count)
                             if cell.count < cell.min_headcount else _t("no_leader"))
                    style.append(("BACKGROUND", (len(row), r), (len(row), r), colors.HexColor("#f9d6d2")))
                row.append(Paragraph(core_pdf.markup_with_fallback(text), cell_style))
            if holiday:
                row[1] = f"{weekday_name(d, short=True)} {holiday}"
                style.append(("TEXTCOLOR", (0, r), (1, r), colors.HexColor("#b00020")))
            elif d.weekday() >= 5:
                style.append(("BACKGROUND", (0, r), (1, r), colors.HexColor("#f2f2f2")))
            rows.append(row)
            d += timedelta(days=1)
            r += 1
        width = landscape(A4)[0] - 24 * mm
        table = Table(rows, colWidths=[16 * mm, 22 * mm] + [(width - 38 * mm) / 3] * 3, rowHeights=[16] + [14.6] * (r - 1), repeatRows=1)
        table.setStyle(TableStyle(style))
        story.append(table)
        story.append(Paragraph(core_pdf.markup_with_fallback(_t("footer").format(day=f"{today():%Y-%m-%d}")),
                               st["small"].clone("f", fontSize=7.5, leading=10)))
    doc.build(story)
    return path


def sign_in_sheet(s: Session, *, actor: Actor, team_id: int | None, day: date, path: str | Path | BinaryIO) -> Path | BinaryIO:
    """One A4 page for the day: each patrol with its people, time in, time out and a signature column."""
    require(actor, VIEW_ROSTERS)
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    core_pdf.register_fonts()
    st = core_pdf.styles(10)
    team = chosen_team(s, team_id, actor)  # the station's own team; none chosen: say so
    into, path = _target(path)
    doc = SimpleDocTemplate(into, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
                            title=f"{team.name} {day.isoformat()}")
    story = [Paragraph(core_pdf.markup_with_fallback(_t("sign_in_title").format(team=team.name)),
                       st["title"].clone("t", fontSize=18, leading=24)),
             Paragraph(core_pdf.markup_with_fallback(f"{long_date(day)} {weekday_name(day)}"), st["center"])]
    for sh in shifts_on(s, actor=actor, day=day, team_id=team_id):
        people = shift_people(s, actor=actor, shift_id=pk(sh.id))
        story.append(Spacer(1, 5 * mm))
        story.append(Paragraph(core_pdf.markup_with_fallback(
            f"{period_label(sh.period)} {sh.starts_at:%H:%M}–{sh.ends_at:%H:%M}　{sh.route or team.route}"), st["h2"]))
        rows = [[_t("no"), _t("name"), _t("role"), _t("in"), _t("out"), _t("signature"), _t("findings")]]
        for i, p in enumerate(people, 1):
            rows.append([str(i), Paragraph(core_pdf.markup_with_fallback(p.name), st["body"]),
                         _t("leader") if p.is_leader else _t("member"), "", "", "", ""])
        for i in range(len(people) + 1, max(len(people) + 2, sh.max_headcount + 1) + 1):
            rows.append([str(i), "", "", "", "", "", ""])  # blank lines for walk-in helpers
        table = Table(rows, colWidths=[12 * mm, 30 * mm, 16 * mm, 24 * mm, 24 * mm, 40 * mm, 34 * mm], rowHeights=[18] + [24] * (len(rows) - 1))
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, -1), core_pdf.FONT, 10),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ]))
        story.append(table)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(core_pdf.markup_with_fallback(_t("signatures")), st["body"]))
    doc.build(story)
    return path


def excel_roster(s: Session, *, actor: Actor, team_id: int | None, year: int, month: int, path: str | Path) -> Path:
    """The month as an Excel sheet (the 台账 stations keep), plus a sheet of each person's patrol count."""
    require(actor, VIEW_ROSTERS)
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    team = chosen_team(s, team_id, actor)  # the station's own team; none chosen: say so
    start, end, shifts = _month_shifts(s, pk(team.id), year, month)
    cells = coverage(s, actor=actor, team_id=pk(team.id), start=start, end=end)
    times = _times(shifts)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}-{month:02d}"
    ws.append([_t("roster_title").format(team=team.name, month=month_title(year, month))])
    ws.append([_t("date"), _t("weekday"), _t("holiday")] + [f"{period_label(p)} {times.get(p, '')}" for p in PERIODS]
              + [_t("gaps")])
    for c in ws[2]:
        c.font = Font(bold=True)
    red = PatternFill("solid", fgColor="F4C7C3")
    counts: dict[str, int] = defaultdict(int)
    d = start
    while d <= end:
        row = [d, weekday_name(d), ""]
        gaps = []
        short_cols = []
        for j, p in enumerate(PERIODS):
            cell = cells.get((d, p))
            if cell is None:
                row.append("")
                continue
            row[2] = cell.holiday_name or row[2]
            lead = cell.leader_names[:1]
            row.append(join([f"★{n}" for n in lead] + [n for n in cell.names if n not in lead]))
            for n in cell.names:
                counts[n] += 1
            if cell.short:
                gaps.append(period_label(p))
                short_cols.append(4 + j)
        row.append(join(gaps))
        ws.append(row)
        ws.cell(row=ws.max_row, column=1).number_format = "yyyy-mm-dd"  # a date Excel can sort and filter
        for col in short_cols:
            ws.cell(row=ws.max_row, column=col).fill = red
        d += timedelta(days=1)
    for letter, width in zip("ABCDEFG", (12, 8, 10, 36, 36, 36, 14), strict=True):
        ws.column_dimensions[letter].width = width
    for row in ws.iter_rows(min_row=3):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="center")
    ws2 = wb.create_sheet(_t("counts")[:31])
    ws2.append([_t("name"), _t("counts")])
    for person, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        ws2.append([person, count])
    path = Path(path)
    from desktop_app.core import excel as core_excel

    core_excel.save_workbook(wb, path)
    return path
