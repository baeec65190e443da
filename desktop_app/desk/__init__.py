"""Walk-in service desk (来访登记 / 便民服务台账): visits and requests through the closed loop.

The public API other features use (they import ``desktop_app.desk``, never its modules): rosters open a desk
record for a patrol finding; the dashboard and reports read categories and figures.
"""

from desktop_app.desk.category_list import categories, category_label
from desktop_app.desk.day_figures import FigureRow, category_figures
from desktop_app.desk.models import OPEN_STATUSES, Channel, DeskCategory, DeskDayFigure, ServiceRecord, Status
from desktop_app.desk.permissions import VIEW_VISITS
from desktop_app.desk.visits import create_record

__all__ = [
    "OPEN_STATUSES", "VIEW_VISITS",
    "Channel", "DeskCategory", "DeskDayFigure", "FigureRow", "ServiceRecord", "Status",
    "categories", "category_figures", "category_label", "create_record",
]
