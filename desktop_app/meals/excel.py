"""The month's subsidy claim as an Excel workbook: a summary sheet (per tier terms and funding source) and
the per-recipient check list behind it. Headings are the printed claim's (pdf.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core.i18n import translate
from desktop_app.meals.pdf import CTX, T, _t

if TYPE_CHECKING:
    from desktop_app.meals.statements import ClaimDetail, SubsidyClaim


def claim_xlsx(cl: SubsidyClaim, details: Sequence[ClaimDetail], target: Path | str, *,
               station: str = "") -> Path:
    """The same claim as an Excel workbook: a summary sheet and a per-recipient check list."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = translate(CTX, T["claim_title"])[:31]
    ws.append([f"{station} {_t('claim_title')}", f"{cl.year}-{cl.month:02d}"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([])
    ws.append([_t("source"), _t("tier"), _t("from"), _t("per_meal"), _t("meals"), _t("people"), _t("amount")])
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for x in cl.lines:
        ws.append([x.funding_source, x.name, x.effective_from, x.subsidy_fen / 100, x.meals, x.recipients, x.amount_fen / 100])
    for source, fen in cl.by_source().items():
        ws.append([source, _t("subtotal"), None, None, sum(x.meals for x in cl.lines if x.funding_source == source), None, fen / 100])
    ws.append([_t("total"), None, None, None, sum(x.meals for x in cl.lines), None, cl.total_fen / 100])
    for row in ws.iter_rows(min_row=4):
        row[2].number_format = "yyyy-mm-dd"
        row[3].number_format = row[6].number_format = "0.00"
    for col, width in zip("ABCDEFG", (16, 14, 12, 10, 10, 10, 14), strict=True):
        ws.column_dimensions[col].width = width
    names = {x.tier_id: x for x in cl.lines}
    ws2 = wb.create_sheet(translate(CTX, T["recipient"])[:31])
    ws2.append([_t("name"), _t("tier"), _t("from"), _t("meals"), _t("amount")])
    for cell in ws2[1]:
        cell.font = Font(bold=True)
    for d in details:
        line = names.get(d.tier_id)
        ws2.append([d.name, line.name if line else "", line.effective_from if line else None, d.meals, d.amount_fen / 100])
    for row in ws2.iter_rows(min_row=2):
        row[2].number_format = "yyyy-mm-dd"
        row[4].number_format = "0.00"
    ws2.column_dimensions["A"].width = 14
    ws2.column_dimensions["B"].width = 14
    ws2.column_dimensions["C"].width = 12
    path = Path(target)
    from desktop_app.core import excel as core_excel

    core_excel.save_workbook(wb, path)
    return path
