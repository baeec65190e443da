"""Excel import of the registers stations keep (台账): residents, volunteers, meal recipients. Qt-free.

  read_sheet(path)                         workbook.py opens the file (python-calamine; openpyxl where calamine
                                           fails; .xlsx .xlsm .xls .et .ods, told apart by content), bounds.py
                                           measures the sheet before it is built; reading.py fills merged
                                           cells in, finds the header row by its Chinese headers, labels columns
  guess_mapping(labels, kind, remembered)  column → field (fields.py), from the headers and the mappings this
                                           station confirmed before
  dry_run(s, actor, sheet, mapping, …)     checking.py parses and validates every row with the residents
                                           service's rules, every problem of a row at once; matching.py decides
                                           add, update, skip or reject against the database; columns imported
                                           as nothing are listed (plan.not_imported), text without a field of its
                                           own is kept in the notes with a warning
  apply_import(engine, actor, plan, …)     applying.py writes in batches, each one transaction; Cancel keeps
                                           the batches written and says up to which row

Spreadsheet quirks handled: merged header cells (group headers above sub-headers, vertical merges) and
merged data cells (a compound written once for several rows); ID numbers stored as numbers or in
scientific notation (precision loss detected and rejected with a clear message); 15-digit old IDs
(rejected by core.validation with its message); full-width digits; dates as Excel serials, real dates
(Chinese date formats included), or text like 1948.3.5 / 1948年3月5日 / 19480305; addresses written as
3栋2单元301室, 1单元502 or 2-301; blank rows (skipped) and the same person twice (the second row skipped,
or rejected naming the fields that differ).
"""

from desktop_app.reports.importing.applying import apply_import
from desktop_app.reports.importing.bounds import LIMITS, Limits
from desktop_app.reports.importing.cells import cell_text
from desktop_app.reports.importing.fields import (
    ACTION_LABELS,
    ACTIONS,
    KIND_LABELS,
    KINDS,
    Action,
    Kind,
    field_label,
    fields_for,
    guess_mapping,
    normalise_header,
    remember_mapping,
    remembered_mapping,
)
from desktop_app.reports.importing.matching import check, dry_run
from desktop_app.reports.importing.parts import team_names
from desktop_app.reports.importing.plan import (
    NOTHING_WRITTEN,
    ImportPlan,
    ImportResult,
    plan_lines,
    report_rows,
    result_text,
    sheet_text,
)
from desktop_app.reports.importing.reading import Sheet, read_sheet
from desktop_app.reports.importing.workbook import FORMATS

__all__ = [
    "ACTIONS", "ACTION_LABELS", "FORMATS", "KINDS", "KIND_LABELS", "LIMITS", "NOTHING_WRITTEN", "Action", "ImportPlan", "ImportResult",
    "Kind", "Limits", "Sheet", "apply_import", "cell_text", "check", "dry_run", "field_label", "fields_for", "guess_mapping",
    "normalise_header", "plan_lines", "read_sheet", "remember_mapping", "remembered_mapping", "report_rows",
    "result_text", "sheet_text", "team_names",
]
