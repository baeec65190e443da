"""Residents page: one search box (results as you type), filters, a lazy table, add/edit."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core import clock
from desktop_app.core.i18n import join
from desktop_app.residents.lists import ResidentFilter, count, filter_choices, list_page
from desktop_app.residents.models import TAG_LABELS, TAGS, Gender
from desktop_app.residents.permissions import EDIT_RESIDENTS
from desktop_app.residents.quick_search import search as search_residents
from desktop_app.residents.ui.dialogs import ResidentDialog
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.export_action import shown_filter
from desktop_app.ui.lazy_model import Column, KeysetTableModel
from desktop_app.ui.search_box import SearchBox
from desktop_app.ui.widgets import deleted_when_closed, open_single


def tag_text(tags: tuple[str, ...]) -> str:
    return join(QCoreApplication.translate("Tags", TAG_LABELS[t]) for t in tags)


class ResidentsPage(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.query = ""
        self.search = SearchBox(self, self.tr("Search: name, pinyin or initials (zxm), 4+ phone digits, ID tail"))
        self.search.setObjectName("residentSearch")
        self.search.setMinimumHeight(34)
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.addItem(self.tr("All tags"), "")
        for key in ("elderly_60", "elderly_80", *TAGS):
            self.tag.addItem(QCoreApplication.translate("Tags", TAG_LABELS[key]), key)
        self.grid = QComboBox()
        self.grid.setObjectName("gridFilter")
        self.grid.setAccessibleName(self.tr("Grid"))  # its items arrive after the page is built
        self.compound = QComboBox()
        self.compound.setObjectName("compoundFilter")
        self.compound.setAccessibleName(self.tr("Compound"))
        self.add_button = QPushButton(self.tr("Add resident"))
        self.add_button.setObjectName("addResident")
        self.add_button.setVisible(ctx.can(EDIT_RESIDENTS))
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.tag)
        top.addWidget(self.grid)
        top.addWidget(self.compound)
        top.addWidget(self.add_button)
        columns = [
            Column(self.tr("Name"), lambda r: r.name),
            Column(self.tr("Gender"), lambda r: {Gender.MALE: self.tr("M"), Gender.FEMALE: self.tr("F")}.get(r.gender, "")),
            Column(self.tr("Age"), lambda r: r.age, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            Column(self.tr("ID number"), lambda r: r.id_masked),
            Column(self.tr("Phone"), lambda r: r.phone_masked),
            Column(self.tr("Address"), lambda r: r.address),
            Column(self.tr("Grid"), lambda r: r.grid),
            Column(self.tr("Tags"), lambda r: tag_text(r.tags)),
        ]
        self.model = KeysetTableModel(columns, self._fetch(), lambda r: (r.sort_key, r.id), self, engine=ctx.engine)
        self.table = QTableView()
        self.table.setObjectName("residentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((110, 50, 50, 170, 120, 220, 90)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda idx: self.edit(self.model.row(idx).id))
        self.table.activated.connect(lambda idx: self.edit(self.model.row(idx).id))
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.count_label)
        self.model.loaded.connect(self._count_found)
        self.search.query_changed.connect(self._on_query)
        self.search.returnPressed.connect(self._enter)
        self._open_when_found = False  # Enter was pressed: answer it when the results arrive
        self.tag.currentIndexChanged.connect(lambda _i: self.reload())
        self.grid.currentIndexChanged.connect(lambda _i: self.reload())
        self.compound.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_button.clicked.connect(self.add)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.add)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self._fill_choices()
        self.reload()
        self.search.setFocus()

    # --- data ---------------------------------------------------------------------------------
    def _filter(self) -> ResidentFilter:
        return ResidentFilter(
            tag=self.tag.currentData() or "", grid=self.grid.currentData() or "", compound=self.compound.currentData() or ""
        )

    def export_filter(self, view) -> list[str]:
        return shown_filter(self.search, self.tag, self.grid, self.compound)

    def _fetch(self):
        """The model's reader for what the page shows now (captured here, on the GUI thread)."""
        actor, query, flt, today = self.ctx.actor, self.query, self._filter(), clock.today()  # ages on the day read

        def fetch(s, after, limit):
            if query.strip():
                if after is not None:
                    return []  # search results come as one ranked page
                return search_residents(s, actor=actor, q=query, limit=100, today=today)
            return list_page(s, actor=actor, after=after, limit=limit, flt=flt, today=today)

        return fetch

    def _fill_choices(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: filter_choices(s, actor=actor), self._show_choices, latest="choices")

    def _show_choices(self, choices: dict[str, list[str]]) -> None:
        for combo, key, label in ((self.grid, "grid", self.tr("All grids")), (self.compound, "compound", self.tr("All compounds"))):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(label, "")
            for value in choices[key]:
                combo.addItem(value, value)
            if current:
                combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _on_query(self, text: str) -> None:
        self.query = text
        self.reload()

    def reload(self) -> None:
        self.model.reload(self._fetch())
        if self.query.strip():
            self.count_label.clear()  # filled in when the results arrive (_count_found)
        else:
            actor, flt, today = self.ctx.actor, self._filter(), clock.today()
            ops.query(self, self.ctx.engine, lambda s: count(s, actor=actor, flt=flt, today=today),
                      lambda total: self.count_label.setText(
                          (self.tr("1 resident") if total == 1 else self.tr("{n} residents")).format(n=total)), latest="count")

    def _count_found(self) -> None:
        if self.query.strip():
            self.count_label.setText(self.tr("{n} found for “{q}” (best matches first)").format(n=self.model.rowCount(), q=self.query))
        if self._open_when_found:
            self._answer_enter()

    def _enter(self) -> None:
        """Enter in the search box: search now; when the results are in, a single match opens, several put the
        keyboard in the list on the best one."""
        if not self.search.text().strip():
            return
        self._open_when_found = True
        self.search.flush()  # the results of this text, read again: the answer waits for them

    def _answer_enter(self) -> None:
        self._open_when_found = False
        if not self.query.strip():
            return
        found = self.model.rowCount()
        if found == 1:
            self.edit(self.model.row(0).id)
        elif found > 1:
            self.table.setFocus()
            self.table.selectRow(0)

    def refresh(self) -> None:
        self._fill_choices()
        self.reload()

    # --- actions ------------------------------------------------------------------------------
    def add(self) -> ResidentDialog | None:
        if not self.ctx.can(EDIT_RESIDENTS):
            return None
        return self._open_dialog(None)

    def edit(self, resident_id: int) -> ResidentDialog:
        return self._open_dialog(resident_id)

    def _open_dialog(self, resident_id: int | None) -> ResidentDialog:
        """One dialog per resident (a double-click is both doubleClicked and activated); a new one each time for Add."""

        def make() -> ResidentDialog:
            dialog = deleted_when_closed(ResidentDialog(self.ctx, resident_id, self))
            dialog.open_existing.connect(self.edit)
            dialog.accepted.connect(self.refresh)
            dialog.open()
            return dialog

        dialog = open_single(self, ("resident", resident_id), make) if resident_id is not None else make()
        self.dialog = dialog
        return dialog
