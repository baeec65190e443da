"""First-run wizard: language and style, the station, its administrator, demo data or empty, backups.

Replaces the single set-up dialog on a new station's first start. Every choice can be changed later
in Settings (desktop_app/settings.py declares them). The station and its administrator are created
in one transaction when the last page is accepted; nothing is written before that.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app import settings as opts
from desktop_app.core import auth, paths
from desktop_app.core.errors import SmileDeskError, ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui import ops, translation
from desktop_app.ui.help import current_language
from desktop_app.ui.messages import report_text
from desktop_app.ui.settings_dialog import apply_style, tr_setting


def _row(form: QFormLayout, widget: QWidget, name: str) -> QLabel:
    label = QLabel()
    label.setBuddy(widget)
    label.setObjectName(f"{name}Label")
    form.addRow(label, widget)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, exc: SmileDeskError) -> None:
    label.setText(exc.text())
    label.show()


class _Page(QWizardPage):
    """A page whose texts are set in retranslate(), so choosing a language updates the wizard at once."""

    def changeEvent(self, event) -> None:  # noqa: N802
        # Only a page that is built and alive: a LanguageChange still pending from an earlier translator
        # change can arrive while the page's __init__ builds its widgets (its __init__ ends with
        # retranslate()), or at a page of an earlier wizard whose Python side the garbage collector is
        # tearing down (its attributes already cleared while the Qt object waits for deletion).
        if event.type() == QEvent.Type.LanguageChange and self.wizard() is not None and self.__dict__.get("_built"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Set the page's texts in the current language (pages with texts override this)."""


class LanguagePage(_Page):
    def __init__(self, settings) -> None:
        super().__init__()
        self.setObjectName("languagePage")
        self.settings = settings
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, _ in opts.LANGUAGE.choices:
            self.language.addItem("", code)
        current = opts.get(settings, opts.LANGUAGE) or current_language()  # as installed at start
        self.language.setCurrentIndex(max(0, self.language.findData(current)))
        self.style = QComboBox()
        self.style.setObjectName("style")
        for code, _ in opts.STYLE.choices:
            self.style.addItem("", code)
        self.style.setCurrentIndex(max(0, self.style.findData(opts.get(settings, opts.STYLE))))
        self.intro = QLabel()
        self.intro.setObjectName("wizardIntro")
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.language_label = _row(form, self.language, "language")
        self.style_label = _row(form, self.style, "style")
        lay = QVBoxLayout(self)
        lay.addWidget(self.intro)
        lay.addLayout(form)
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.style.currentIndexChanged.connect(self._style_chosen)
        self._built = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to SmileDesk 微笑驿站"))
        self.setSubTitle(self.tr("A few short steps set up this station. You can change every choice later in Settings."))
        self.intro.setText(self.tr("Choose the language of the program and how large the text should be."))
        for i, (_, label) in enumerate(opts.LANGUAGE.choices):
            self.language.setItemText(i, tr_setting(label))
        for i, (_, label) in enumerate(opts.STYLE.choices):
            self.style.setItemText(i, tr_setting(label))
        self.language_label.setText(self.tr("&Language"))
        self.style_label.setText(self.tr("&Display style"))
        self.language.setAccessibleName(self.tr("Language"))
        self.style.setAccessibleName(self.tr("Display style"))

    def _language_chosen(self) -> None:
        app = QApplication.instance()
        if app is not None:
            translation.install(app, self.language.currentData() or None)

    def _style_chosen(self) -> None:
        app = QApplication.instance()
        if app is not None:
            apply_style(app, self.style.currentData())


class StationPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("stationPage")
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for name, (_, max_len) in opts.STATION_FIELDS.items():
            edit = QLineEdit("SQK" if name == "code" else "")
            edit.setObjectName(f"station_{name}")
            edit.setMaxLength(max_len)
            self.edits[name] = edit
            self.labels[name] = _row(form, edit, f"station_{name}")
        self.registerField("stationName*", self.edits["name"])
        self.error = _error_label()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        self._built = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your station"))
        self.setSubTitle(self.tr("The name is printed on certificates, rosters and reports. Only the name is required."))
        for name, (label, _) in opts.STATION_FIELDS.items():
            text = QApplication.translate("Fields", label)
            self.labels[name].setText(text)
            self.edits[name].setAccessibleName(text)
        self.edits["name"].setPlaceholderText(self.tr("e.g. 逍遥津社区党群服务中心"))
        self.edits["code"].setToolTip(self.tr("Letters or digits used in certificate numbers, e.g. SQK"))
        self.edits["sub_district"].setPlaceholderText(self.tr("e.g. 逍遥津街道"))

    def details(self) -> opts.StationDetails:
        return opts.StationDetails(**{name: edit.text() for name, edit in self.edits.items()})

    def validatePage(self) -> bool:  # noqa: N802
        code = self.edits["code"].text().strip()
        if not (code and len(code) <= 10 and code.isascii() and code.isalnum()):
            _show_error(self.error, ValidationError(
                QT_TRANSLATE_NOOP("Fields", "Station code"), QT_TRANSLATE_NOOP("Errors", "use 1–10 letters or digits, e.g. SQK."),
            ))
            return False
        self.error.hide()
        return True


class AdminPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("adminPage")
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display = QLineEdit()
        self.display.setObjectName("displayName")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("password2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        self.labels = [
            _row(form, self.username, "username"), _row(form, self.display, "displayName"),
            _row(form, self.password, "password"), _row(form, self.password2, "password2"),
        ]
        self.registerField("password*", self.password)
        self.hint = QLabel()
        self.hint.setObjectName("wizardIntro")
        self.hint.setWordWrap(True)
        self.error = _error_label()
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(self.error)
        self._built = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Administrator account"))
        self.setSubTitle(self.tr("The administrator adds staff accounts and changes station settings."))
        texts = [
            self.tr("Administrator &user name"), self.tr("Administrator's &name"),
            self.tr("&Password (8+ characters)"), self.tr("Password &again"),
        ]
        for label, widget, text in zip(self.labels, (self.username, self.display, self.password, self.password2), texts, strict=True):
            label.setText(text)
            widget.setAccessibleName(text.replace("&", ""))
        self.display.setPlaceholderText(self.tr("e.g. 王芳"))
        self.hint.setText(self.tr("Write the password down and keep it somewhere safe: nobody can read it back."))

    def validatePage(self) -> bool:  # noqa: N802
        try:
            auth.check_username(self.username.text())
            auth.check_password_rules(self.password.text())
            if self.password.text() != self.password2.text():
                raise ValidationError(
                    QT_TRANSLATE_NOOP("Fields", "Password again"),
                    QT_TRANSLATE_NOOP("Errors", "does not match the password; type the same password twice."),
                )
        except SmileDeskError as exc:
            _show_error(self.error, exc)
            return False
        self.error.hide()
        return True


class DataPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dataPage")
        self.empty = QRadioButton()
        self.empty.setObjectName("startEmpty")
        self.empty.setChecked(True)
        self.demo = QRadioButton()
        self.demo.setObjectName("demoData")
        group = QButtonGroup(self)
        group.addButton(self.empty)
        group.addButton(self.demo)
        self.note = QLabel()
        self.note.setObjectName("wizardIntro")
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.demo)
        lay.addWidget(self.note)
        self.error = _error_label()
        lay.addWidget(self.error)
        lay.addStretch(1)
        self._built = True
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Start empty or try it out"))
        self.setSubTitle(self.tr("A real station starts empty. Demo data helps staff practise before the first resident comes in."))
        self.empty.setText(self.tr("Start &empty (for real work)"))
        self.demo.setText(self.tr("Load &demo data: fictional residents, visits, rosters and meals"))
        self.note.setText(self.tr(
            "Demo data is made up and goes into this station's database. Use it on a practice computer, "
            "or start a new, empty database before real work."
        ))


class BackupPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("backupPage")
        self.folder = QLineEdit(str(paths.backups_dir()))
        self.folder.setObjectName("backupFolder")
        self.choose = QPushButton()
        self.choose.setObjectName("chooseBackupFolder")
        self.choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.choose)
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        self.note = QLabel()
        self.note.setObjectName("wizardIntro")
        self.note.setWordWrap(True)
        self.error = _error_label()
        lay = QVBoxLayout(self)
        lay.addWidget(self.folder_label)
        lay.addLayout(row)
        lay.addWidget(self.note)
        lay.addWidget(self.error)
        lay.addStretch(1)
        self.on_server = False
        self._built = True
        self.retranslate()

    def set_on_server(self, on_server: bool) -> None:
        """A database on the sub-district's server is backed up on the server, not by this PC: say so."""
        self.on_server = on_server
        for w in (self.folder, self.choose, self.folder_label):
            w.setVisible(not on_server)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backups"))
        if getattr(self, "on_server", False):
            self.setSubTitle(self.tr("This station's data is on the sub-district's database server."))
            self.note.setText(self.tr(
                "The server is backed up on the server: a copy every night and the changes in between (WAL archiving), "
                "set up by the sub-district's IT staff (docs/postgres.md). This computer makes no copies of its own. "
                "If the server cannot be reached, SmileDesk says so at the top of the window and keeps retrying; the "
                "kiosk keeps check-ins until it is back."))
            return
        self.setSubTitle(self.tr("SmileDesk copies the database into this folder every day and when it closes."))
        self.folder_label.setText(self.tr("Backup &folder"))
        self.folder.setAccessibleName(self.tr("Backup folder"))
        self.choose.setText(self.tr("&Choose…"))
        self.choose.setAccessibleName(self.tr("Choose the backup folder"))
        self.note.setText(self.tr("Best on a USB drive or a network folder, not only on this computer's disk. "
                                  "If the drive is missing, backups go to this computer until it is back."))

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the backup folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)


class SetupWizard(QWizard):
    """The first start. After ``exec()`` is accepted, ``actor`` is the administrator, ``demo`` the choice."""

    def __init__(self, engine, settings, parent=None, *, services=None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.engine, self.settings = engine, settings
        # The backup folder belongs to the safety feature; its page is shown when the build has it.
        backups = services.backups if services is not None else None
        self.set_backup_folder = backups.set_backup_folder if backups is not None else None
        self.actor: auth.Actor | None = None
        self.station_name = ""
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QIcon(str(paths.resources_dir() / "icons" / "smiledesk.svg")).pixmap(56, 56))
        self.language_page = LanguagePage(settings)
        self.station_page = StationPage()
        self.admin_page = AdminPage()
        self.data_page = DataPage()
        self.backup_page = BackupPage()
        self.backup_page.set_on_server(engine is not None and engine.dialect.name != "sqlite")
        pages = [self.language_page, self.station_page, self.admin_page, self.data_page]
        if self.set_backup_folder is not None:
            pages.append(self.backup_page)
        for page in pages:
            self.addPage(page)
        self.last_page = pages[-1]
        self.setMinimumSize(640, 480)
        self._built = True
        self.retranslate()

    @property
    def demo(self) -> bool:
        return self.data_page.demo.isChecked()

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and self.__dict__.get("_built"):  # see _Page.changeEvent
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up SmileDesk"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create &station"))
        for which, name in (
            (QWizard.WizardButton.NextButton, self.tr("Next")), (QWizard.WizardButton.BackButton, self.tr("Back")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")), (QWizard.WizardButton.FinishButton, self.tr("Create station")),
        ):
            button = self.button(which)
            if button is not None:
                button.setAccessibleName(name)

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if not super().validateCurrentPage():
            return False
        if self.currentPage() is self.last_page and self.actor is None:
            self.create_station()  # Finish again (accept) when the station is written
            return False
        return True

    def create_station(self):
        """Write the station, its administrator and the backup folder in one transaction (off the GUI thread);
        then this computer's choices, and the wizard is accepted. Returns the op (tests wait on it)."""
        admin, details = self.admin_page, self.station_page.details()
        username, display, password = admin.username.text(), admin.display.text(), admin.password.text()
        folder = self.backup_page.folder.text().strip()
        set_folder = self.set_backup_folder if folder != str(paths.backups_dir()) and not self.backup_page.on_server else None

        def write(s):
            actor = auth.create_first_admin(s, station_name=details.name, username=username, display_name=display,
                                            password=password, station_code=details.code)
            opts.update_station_details(s, actor=actor, details=details)
            if set_folder is not None:
                set_folder(s, actor=actor, folder=folder)
            return actor

        self._set_busy(True)
        return ops.write(self, self.engine, write, on_done=lambda actor: self._created(actor, details.name),
                         on_error=self._not_created)

    def _created(self, actor: auth.Actor, station_name: str) -> None:
        self.actor = actor
        self.station_name = station_name
        opts.put(self.settings, opts.LANGUAGE, self.language_page.language.currentData() or "")
        opts.put(self.settings, opts.STYLE, self.language_page.style.currentData())
        self.settings.sync()
        self._set_busy(False)
        self.accept()

    def _not_created(self, exc: BaseException) -> None:
        self._set_busy(False)
        error = self.backup_page.error if self.last_page is self.backup_page else self.data_page.error
        error.setText(report_text(exc))
        error.show()

    def _set_busy(self, busy: bool) -> None:
        for which in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            button = self.button(which)
            if button is not None:
                button.setEnabled(not busy)
