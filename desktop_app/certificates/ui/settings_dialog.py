"""The station's certificate template (admin): issuer, signatory, logo, seal image, colours, paper."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.certificates.signing import KeyExport, export_for_verifiers
from desktop_app.certificates.template_settings import save_template_settings, store_image, template_settings
from desktop_app.certificates.templates import TemplateSettings
from desktop_app.certificates.ui.dialogs import AskFile, show_error_or_reload
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.messages import show_error, show_info
from desktop_app.ui.widgets import select_data


class SettingsDialog(QDialog):
    """The station's certificate template: issuer, signatory, logo, seal image, colours, paper.

    Loaded through ops (the form fills in when the settings arrive); saved with the version it loaded, so
    a template another administrator saved meanwhile is not overwritten: the message offers to reload."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("certificateSettings")
        self.setWindowTitle(self.tr("Certificate template"))
        self.current: TemplateSettings | None = None
        self.issuer = QLineEdit(self)
        self.issuer.setObjectName("issuer")
        self.issuer.setPlaceholderText(ctx.station_name)
        self.signatory = QLineEdit(self)
        self.signatory.setObjectName("signatory")
        self.signatory.setPlaceholderText(self.tr("e.g. 负责人：王芳 (optional)"))
        self.logo = ""
        self.seal = ""
        self.logo_label = QLabel(self)
        self.seal_label = QLabel(self)
        logo_button = QPushButton(self.tr("Choose…"), self)
        logo_button.setObjectName("logoButton")
        logo_button.clicked.connect(lambda: self._choose("logo"))
        seal_button = QPushButton(self.tr("Choose…"), self)
        seal_button.setObjectName("sealButton")
        seal_button.clicked.connect(lambda: self._choose("seal"))
        self.colour = QLineEdit(self)
        self.colour.setObjectName("colour")
        self.accent = QLineEdit(self)
        self.accent.setObjectName("accent")
        self.page_size = QComboBox(self)
        self.page_size.setObjectName("pageSize")
        for v in ("A4", "A5"):
            self.page_size.addItem(v, v)
        self.orientation = QComboBox(self)
        self.orientation.setObjectName("orientation")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.language = QComboBox(self)
        self.language.setObjectName("defaultLanguage")
        self.language.addItem(self.tr("Chinese"), "zh")
        self.language.addItem(self.tr("English"), "en")
        form = QFormLayout()
        form.addRow(self.tr("Issuing organisation"), self.issuer)
        form.addRow(self.tr("Signatory"), self.signatory)
        row = QHBoxLayout()
        row.addWidget(self.logo_label, 1)
        row.addWidget(logo_button)
        form.addRow(self.tr("Logo"), row)
        row = QHBoxLayout()
        row.addWidget(self.seal_label, 1)
        row.addWidget(seal_button)
        form.addRow(self.tr("Seal image"), row)
        form.addRow(self.tr("Main colour"), self.colour)
        form.addRow(self.tr("Accent colour"), self.accent)
        form.addRow(self.tr("Paper size"), self.page_size)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Default language"), self.language)
        note = QLabel(self.tr("Changes apply to certificates issued from now on; issued certificates keep their look."), self)
        note.setWordWrap(True)
        keys_note = QLabel(self.tr("Each certificate's QR code is signed by this station. Publish the station's public key "
                                   "file with the small verifier program, and anyone can check a certificate offline."), self)
        keys_note.setWordWrap(True)
        self.publish_button = QPushButton(self.tr("Export for verifiers…"), self)
        self.publish_button.setObjectName("publishKeys")
        self.publish_button.clicked.connect(self.publish)
        # The wrapped note is a row of its own: a word-wrapped label inside a row's layout is not given the
        # height its wrapped lines need (Qt does not pass height-for-width through a nested box in a form).
        form.addRow(self.tr("Verification"), self.publish_button)
        form.addRow(keys_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setEnabled(False)  # until the settings are loaded
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(note)
        lay.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """(Re)load the station's template into the form."""
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: template_settings(s, actor=actor), self._fill, latest="load")

    def _fill(self, c: TemplateSettings) -> None:
        self.current = c
        self.issuer.setText(c.issuer)
        self.signatory.setText(c.signatory)
        self.logo, self.seal = c.logo, c.seal
        self.logo_label.setText(self._image_text(c.logo))
        self.seal_label.setText(self._image_text(c.seal))
        self.colour.setText(c.colour)
        self.accent.setText(c.accent)
        select_data(self.page_size, c.page_size)
        select_data(self.orientation, c.orientation)
        select_data(self.language, c.language)
        self.save_button.setEnabled(True)

    def _image_text(self, sha: str) -> str:
        return self.tr("stored ({sha})").format(sha=sha[:8]) if sha else self.tr("none")

    def _choose(self, which: str) -> None:
        path = AskFile.open(self, self.tr("Choose a picture"), self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if not path:
            return
        data, actor = Path(path).read_bytes(), self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: store_image(s, actor=actor, data=data),
                  lambda sha: self._image_stored(which, sha), on_error=self._failed)

    def _image_stored(self, which: str, sha: str) -> None:
        setattr(self, which, sha)
        (self.logo_label if which == "logo" else self.seal_label).setText(self._image_text(sha))

    def values(self) -> TemplateSettings:
        return TemplateSettings(
            issuer=self.issuer.text(), signatory=self.signatory.text(), logo=self.logo, seal=self.seal,
            colour=self.colour.text(), accent=self.accent.text(), page_size=self.page_size.currentData(),
            orientation=self.orientation.currentData(), language=self.language.currentData(),
        )

    def save(self) -> None:
        if self.current is None:
            return
        settings, version, actor = self.values(), self.current.version, self.ctx.actor
        self.save_button.setEnabled(False)
        ops.write(self, self.ctx.engine,
                  lambda s: save_template_settings(s, actor=actor, settings=settings, expected_version=version),
                  lambda _saved: self.accept(), on_error=self._not_saved)

    def _not_saved(self, exc: BaseException) -> None:
        """Keep the dialog open with what was typed; a stale template can be reloaded from the message."""
        self.save_button.setEnabled(True)
        self.error_box = show_error_or_reload(self, exc, self.reload, self.tr("Reload"))

    def publish(self) -> None:
        folder = AskFile.folder(self, self.tr("Folder for the public key file and the verifier"))
        if not folder:
            return
        actor = self.ctx.actor
        ops.write(self, self.ctx.engine, lambda s: export_for_verifiers(s, actor=actor, folder=Path(folder)),
                  self._published, on_error=self._failed)

    def _published(self, made: KeyExport) -> None:
        self.info_box = show_info(self, self.tr(
            "Written to {folder}: the public key file {keys} and the verifier {verifier}. Publish both (the sub-district "
            "website, a USB stick); with Python and the cryptography package, anyone checks a certificate with:\n"
            "python {verifier} --keys {keys} \"the scanned code\"").format(
                folder=str(made.key_file.parent), keys=made.key_file.name, verifier=made.verifier.name))

    def _failed(self, exc: BaseException) -> None:
        self.error_box = show_error(self, exc)
