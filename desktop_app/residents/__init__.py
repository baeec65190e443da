"""Residents (居民档案): the people a station serves; every other feature refers to them.

The public API other features use (they import ``desktop_app.residents``, never its modules). The resident
picker, a Qt widget, is ``desktop_app.residents.ui.ResidentPicker``.
"""

from desktop_app.residents.duplicates import DuplicateIdNumber, DuplicateResident, duplicate_id_numbers
from desktop_app.residents.lists import ResidentFilter, ResidentRow, count, filter_choices, list_page
from desktop_app.residents.models import TAGS, Resident, ResidentCreate, ResidentSearchKey
from desktop_app.residents.permissions import EDIT_RESIDENTS, REVEAL_PERSONAL, VIEW_RESIDENTS
from desktop_app.residents.quick_search import resident_label, search, search_ids, search_plan, search_sql
from desktop_app.residents.register import clean_many, create_resident, get_resident, reveal, update_resident

__all__ = [
    "EDIT_RESIDENTS", "REVEAL_PERSONAL", "TAGS", "VIEW_RESIDENTS",
    "DuplicateIdNumber", "DuplicateResident", "Resident", "ResidentCreate", "ResidentFilter", "ResidentRow",
    "ResidentSearchKey",
    "clean_many", "count", "create_resident", "duplicate_id_numbers", "filter_choices", "get_resident", "list_page",
    "resident_label", "reveal", "search", "search_ids", "search_plan", "search_sql", "update_resident",
]
