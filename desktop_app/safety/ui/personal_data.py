"""A resident's personal data (PIPL art. 45, the person's right to a copy; art. 47, erasure): find the
resident, then print the copy or save it as PDF (its print preview, ``ui.printing``) or as JSON
(machine-readable), or erase the data (``erasure.ErasureDialog``, administrators). Each export is audited when
it is made; a print when the printer accepted it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.core import paths
from desktop_app.core.papers import PaperKind
from desktop_app.residents.ui import ResidentPicker
from desktop_app.safety.permissions import ERASE_PERSONAL
from desktop_app.safety.personal_data import export_json_of, export_paper
from desktop_app.safety.ui.erasure import ErasureDialog
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error, show_info
from desktop_app.ui.printing import PrintPreview, open_preview
from desktop_app.ui.widgets import deleted_when_closed


class AskJsonPath:
    @classmethod
    def ask(cls, parent: QWidget | None, caption: str, suggested: str, filters: str) -> str:
        path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
        return path


class PersonalDataDialog(QDialog):
    """Choose a resident; Print… opens the copy in its print preview; Save as JSON… writes the data file."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id: int | None = None
        self.resident_name = ""
        self.erasure: ErasureDialog | None = None
        self.preview: PrintPreview | None = None
        self.last_box = None
        self.setObjectName("personalData")
        self.setWindowTitle(self.tr("A resident's personal data"))
        self.picker = ResidentPicker(ctx, self)
        self.picker.chosen.connect(self._chosen)
        self.chosen_label = QLabel(self.tr("Find the resident who asked for a copy of their personal data."), self)
        self.chosen_label.setObjectName("chosenResident")
        self.chosen_label.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print or save as PDF…"), self)
        self.print_button.setObjectName("printPersonalData")
        self.json_button = QPushButton(self.tr("Save as JSON…"), self)
        self.json_button.setObjectName("saveJson")
        self.erase_button = QPushButton(self.tr("Erase…"), self)
        self.erase_button.setObjectName("erasePersonalData")
        self.erase_button.setToolTip(self.tr("The resident asked for their personal data to be erased (PIPL art. 47)"))
        self.erase_button.setVisible(ctx.can(ERASE_PERSONAL))  # erase_resident checks it again
        self.close_button = QPushButton(self.tr("Close"), self)
        for b in (self.print_button, self.json_button, self.erase_button):
            b.setEnabled(False)
        self.print_button.clicked.connect(self.print_copy)
        self.json_button.clicked.connect(self.save_json)
        self.erase_button.clicked.connect(self.ask_erasure)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        for b in (self.print_button, self.json_button, self.close_button):
            buttons.addWidget(b)
        lay = QVBoxLayout(self)
        intro = QLabel(self.tr("Everything SmileDesk holds about one resident, for the resident (PIPL art. 45). "
                               "Making the copy is recorded in the audit log."), self)
        intro.setWordWrap(True)  # one line of it is wider than a 1024 px screen in large text
        lay.addWidget(intro)
        lay.addWidget(self.picker)
        lay.addWidget(self.chosen_label)
        lay.addStretch(1)
        lay.addLayout(buttons)
        self.resize(560, 360)

    def _chosen(self, row) -> None:
        self.resident_id = row.id
        self.resident_name = row.name
        self.chosen_label.setText(self.tr("Chosen: {name}").format(name=row.name))
        for b in (self.print_button, self.json_button, self.erase_button):
            b.setEnabled(True)

    def ask_erasure(self) -> ErasureDialog | None:
        """The erasure request of the chosen resident, in its own window-modal dialog."""
        if self.resident_id is None:
            return None
        self.erasure = deleted_when_closed(ErasureDialog(self.ctx, self.resident_id, self.resident_name, self))
        self.erasure.erased.connect(self._erased)
        self.erasure.open()
        return self.erasure

    def _erased(self, _resident_id: int) -> None:
        name, self.resident_id, self.resident_name = self.resident_name, None, ""
        for b in (self.print_button, self.json_button, self.erase_button):
            b.setEnabled(False)
        self.picker.clear()
        self.chosen_label.setText(self.tr("The personal data of {name} was erased. Find another resident, or close.").format(name=name))
        self.last_box = show_info(self, self.tr("The personal data of {name} was erased everywhere; the audit log records "
                                                "that it was, without any of it.").format(name=name))

    def print_copy(self) -> PrintPreview | None:
        rid = self.resident_id
        if rid is None:
            return None
        engine, actor, station = self.ctx.engine, self.ctx.actor, self.ctx.station_name
        self.preview = open_preview(self, self.ctx, PaperKind.PERSONAL_DATA, lambda _progress, _skip: export_paper(
            engine, actor=actor, resident_id=rid, station_name=station), key=rid,
            save_name=paths.file_name(self.tr("Personal data"), str(rid), suffix=".pdf"))
        return self.preview

    def save_json(self) -> None:
        rid = self.resident_id
        if rid is None:
            return
        path = AskJsonPath.ask(self, self.tr("Save as JSON"), f"resident-{rid}-personal-data.json", self.tr("JSON (*.json)"))
        if not path:
            return
        engine, actor = self.ctx.engine, self.ctx.actor

        def failed(exc: BaseException) -> None:
            self.last_box = show_error(self, exc)

        ops.run_op(self, lambda _progress: export_json_of(engine, actor=actor, resident_id=rid, path=path),
                   lambda saved: setattr(self, "last_box", show_info(self, self.tr("Saved {path}").format(path=saved))),
                   failed, title=self.tr("Saving the personal data"))
