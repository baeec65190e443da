"""Add / edit a resident. Personal numbers stay masked until revealed (audited) by an allowed role.

The record is loaded, saved and revealed through ui.ops; a save keeps the version the form was loaded at,
so a save over someone else's newer one is refused (with who and when) and the form offers to reload.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import SmileDeskError, ValidationError
from desktop_app.core.records import StaleEdit
from desktop_app.residents.duplicates import DuplicateResident
from desktop_app.residents.models import TAG_LABELS, TAGS, ResidentCreate
from desktop_app.residents.permissions import REVEAL_PERSONAL
from desktop_app.residents.register import F, ResidentForm, create_resident, resident_form, update_resident
from desktop_app.residents.register import reveal as reveal_number
from desktop_app.residents.ui.stale import offer_reload
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.fit import scroll_body


class DuplicateBox:
    """Asks what to do about a possible duplicate: open the existing record, save anyway, or go back."""

    OPEN, SAVE, BACK = "open", "save", "back"

    @classmethod
    def ask(cls, parent, exc: DuplicateResident) -> str:
        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("DuplicateBox", "Possible duplicate"), exc.text(), parent=parent)
        open_btn = (box.addButton(QCoreApplication.translate("DuplicateBox", "Open existing"),
                                  QMessageBox.ButtonRole.AcceptRole)
                    if exc.existing_id is not None else None)
        save_btn = None if exc.hard else box.addButton(QCoreApplication.translate("DuplicateBox", "Save anyway"),
                                                       QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QCoreApplication.translate("DuplicateBox", "Back"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()  # read: gone (ui.widgets.deleted_when_closed)
        if open_btn is not None and clicked is open_btn:
            return cls.OPEN
        if save_btn is not None and clicked is save_btn:
            return cls.SAVE
        return cls.BACK


class ResidentDialog(QDialog):
    open_existing = Signal(int)

    def __init__(self, ctx: AppContext, resident_id: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.resident_id = resident_id
        self.saved_id: int | None = None
        self.loaded: ResidentForm | None = None
        self.revealed: set[str] = set()
        self.last_error: QMessageBox | None = None
        self.setWindowTitle(self.tr("Edit resident") if resident_id else self.tr("Add resident"))
        self.fields: dict[str, QWidget] = {}

        def line(name: str, placeholder: str = "") -> QLineEdit:
            w = QLineEdit()
            w.setObjectName(name)
            if placeholder:
                w.setPlaceholderText(placeholder)
            self.fields[name] = w
            return w

        self.name = line("name")
        self.gender = QComboBox()
        self.gender.setObjectName("gender")
        self.gender.addItem(self.tr("(from ID number)"), "")
        self.gender.addItem(self.tr("male"), "M")
        self.gender.addItem(self.tr("female"), "F")
        self.fields["gender"] = self.gender
        self.id_number = line("id_number", self.tr("18 characters; birth date and gender are read from it"))
        self.birth_date = line("birth_date", self.tr("e.g. 1948-03-05 (only without ID number)"))
        self.phone = line("phone", self.tr("mobile or landline, e.g. 13812345678"))
        self.reveal_id = QPushButton(self.tr("Show"))
        self.reveal_id.setObjectName("revealId")
        self.reveal_phone = QPushButton(self.tr("Show"))
        self.reveal_phone.setObjectName("revealPhone")
        self.reveal_emergency = QPushButton(self.tr("Show"))
        self.reveal_emergency.setObjectName("revealEmergencyPhone")
        self.community = line("community")
        self.compound = line("compound")
        self.building = line("building")
        self.unit = line("unit")
        self.room = line("room")
        self.grid = line("grid")
        self.emergency_contact = line("emergency_contact")
        self.emergency_phone = line("emergency_phone")
        self.consent_date = line("consent_date", self.tr("date the resident agreed to data use, e.g. 2026-11-22"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setMaximumHeight(80)
        self.fields["notes"] = self.notes
        self.tags: dict[str, QCheckBox] = {}
        tag_box = QGroupBox(self.tr("Tags (60+ and 80+ follow from the birth date)"))
        tag_grid = QGridLayout(tag_box)
        for i, tag in enumerate(TAGS):
            cb = QCheckBox(QCoreApplication.translate("Tags", TAG_LABELS[tag]))
            cb.setObjectName(f"tag_{tag}")
            self.tags[tag] = cb
            tag_grid.addWidget(cb, i // 3, i % 3)

        def with_button(w: QWidget, b: QPushButton) -> QWidget:
            holder = QWidget()
            h = QHBoxLayout(holder)
            h.setContentsMargins(0, 0, 0, 0)
            h.addWidget(w, 1)
            h.addWidget(b)
            return holder

        # Each box has its label (a placeholder disappears once the box holds the record's value).
        self.compound.setPlaceholderText(self.tr("compound"))
        address = QWidget()
        a = QHBoxLayout(address)
        a.setContentsMargins(0, 0, 0, 0)
        for w, caption in ((self.building, self.tr("Building")), (self.unit, self.tr("Unit")), (self.room, self.tr("Room"))):
            label = QLabel(caption)
            label.setBuddy(w)
            w.setAccessibleName(caption)
            a.addWidget(label)
            a.addWidget(w, 1)
        form = QFormLayout()
        form.addRow(self.tr("Name *"), self.name)
        form.addRow(self.tr("ID number"), with_button(self.id_number, self.reveal_id))
        form.addRow(self.tr("Gender"), self.gender)
        form.addRow(self.tr("Birth date"), self.birth_date)
        form.addRow(self.tr("Phone"), with_button(self.phone, self.reveal_phone))
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Compound"), self.compound)
        form.addRow(self.tr("Address"), address)
        form.addRow(self.tr("Grid"), self.grid)
        form.addRow(self.tr("Emergency contact"), self.emergency_contact)
        form.addRow(self.tr("Emergency phone"), with_button(self.emergency_phone, self.reveal_emergency))
        form.addRow(self.tr("Consent date"), self.consent_date)
        form.addRow(self.tr("Notes"), self.notes)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)  # looks: QLabel#errorLabel in resources/styles/*.qss
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(tag_box)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        scroll_body(self)  # the form scrolls on a small screen in large text; Save stays in sight
        self.reveal_id.clicked.connect(lambda: self.reveal("id_number"))
        self.reveal_phone.clicked.connect(lambda: self.reveal("phone"))
        self.reveal_emergency.clicked.connect(lambda: self.reveal("emergency_phone"))
        can_reveal = ctx.can(REVEAL_PERSONAL)
        for button in (self.reveal_id, self.reveal_phone, self.reveal_emergency):
            button.setVisible(resident_id is not None and can_reveal)
        if resident_id is not None:
            self.load()
        self.name.setFocus()

    # --- loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the record (again: Reload after a refused save) and fill the form in when it arrives."""
        actor, rid = self.ctx.actor, self.resident_id
        self.save_button.setEnabled(False)
        ops.query(self, self.ctx.engine, lambda s: resident_form(s, actor=actor, resident_id=rid), self._fill,
                  on_error=self._not_loaded, latest="load")

    def _not_loaded(self, exc: BaseException) -> None:
        self.show_error(exc)

    def _fill(self, form: ResidentForm) -> None:
        self.loaded = form
        self.revealed.clear()
        v = form.values
        self.name.setText(v["name"])
        self.gender.setCurrentIndex({"": 0, "M": 1, "F": 2}.get(v["gender"], 0))
        self.id_number.setText(v["id_number"])
        self.id_number.setReadOnly(form.has_id_number)
        self.phone.setText(v["phone"])
        self.phone.setReadOnly(form.has_phone)
        self.emergency_phone.setReadOnly(form.has_emergency_phone)
        for button in (self.reveal_id, self.reveal_phone, self.reveal_emergency):
            button.setEnabled(True)
        self.birth_date.setText(v["birth_date"].isoformat() if v["birth_date"] else "")
        for key in ("community", "compound", "building", "unit", "room", "grid", "emergency_contact", "emergency_phone"):
            self.fields[key].setText(v[key])
        self.consent_date.setText(v["consent_date"].isoformat() if v["consent_date"] else "")
        self.notes.setPlainText(v["notes"])
        for tag, cb in self.tags.items():
            cb.setChecked(bool(v[tag]))
        self.error.hide()
        self.save_button.setEnabled(True)

    def reveal(self, field: str) -> None:
        actor, rid = self.ctx.actor, self.resident_id
        ops.write(self, self.ctx.engine, lambda s: reveal_number(s, actor=actor, resident_id=rid, field=field),
                  lambda value: self._revealed(field, value), on_error=self.show_error)

    def _revealed(self, field: str, value: str) -> None:
        widget = self.fields[field]
        widget.setText(value)
        widget.setReadOnly(False)
        self.revealed.add(field)
        {"id_number": self.reveal_id, "phone": self.reveal_phone, "emergency_phone": self.reveal_emergency}[field].setEnabled(False)

    # --- saving -------------------------------------------------------------------------------------
    def data(self) -> ResidentCreate:
        """The form as typed (dates as text: the use case reads and checks them). A number still masked
        is sent as None: keep what is stored."""

        def text(name: str) -> str:
            return self.fields[name].text()

        id_number: str | None = text("id_number")
        phone: str | None = text("phone")
        emergency_phone: str | None = text("emergency_phone")
        birth: str | None = text("birth_date")
        if self.loaded is not None:
            if "id_number" not in self.revealed and self.loaded.has_id_number:
                id_number, birth = None, None  # birth date and gender come from the stored number again
            if "phone" not in self.revealed and self.loaded.has_phone:
                phone = None
            if "emergency_phone" not in self.revealed and self.loaded.has_emergency_phone:
                emergency_phone = None
        return ResidentCreate(
            name=text("name"), gender=self.gender.currentData() or "", birth_date=birth or None, id_number=id_number,
            phone=phone, community=text("community"), compound=text("compound"), building=text("building"),
            unit=text("unit"), room=text("room"), grid=text("grid"), emergency_contact=text("emergency_contact"),
            emergency_phone=emergency_phone, notes=self.notes.toPlainText(),
            consent_date=text("consent_date") or None,
            **{tag: cb.isChecked() for tag, cb in self.tags.items()},
        )

    def show_error(self, exc: BaseException) -> None:
        """A refused save or read: the message above the buttons, the cursor in the field it names."""
        if not isinstance(exc, SmileDeskError):
            ops.report_error(self, exc)  # a bug: logged with its traceback, the user told where
            return
        self.error.setText(exc.text())
        self.error.show()
        if isinstance(exc, ValidationError):
            labels = {label: key for key, label in F.items()}
            key = labels.get(exc.field)
            widget = self.fields.get(key) if key else None
            if widget is not None:
                widget.setFocus()

    def save(self, allow_similar: bool = False) -> None:
        data, actor, rid = self.data(), self.ctx.actor, self.resident_id
        version = self.loaded.version if self.loaded is not None else None

        def work(s) -> int:
            if rid is None:
                return create_resident(s, actor=actor, data=data, allow_similar=allow_similar).id
            return update_resident(s, actor=actor, resident_id=rid, data=data, expected_version=version).id

        self.save_button.setEnabled(False)
        ops.write(self, self.ctx.engine, work, self._saved, on_error=self._not_saved)

    def _saved(self, resident_id: int) -> None:
        self.saved_id = resident_id
        self.accept()

    def _not_saved(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, DuplicateResident):
            choice = DuplicateBox.ask(self, exc)
            if choice == DuplicateBox.OPEN:
                self.open_existing.emit(exc.existing_id)
                self.reject()
            elif choice == DuplicateBox.SAVE:
                self.save(allow_similar=True)
        elif isinstance(exc, StaleEdit):
            self.show_error(exc)
            self.last_error = offer_reload(self, exc, self.load)
        else:
            self.show_error(exc)
