"""Install Qt translators for every built .qm file of the chosen language (one per feature).

The language also sets Qt's default locale (dates, weekday and month names in date edits and calendars), so
a Chinese interface on an English Windows shows Chinese weekdays and an English one shows English weekdays.

``install(app, PSEUDO)`` installs the pseudo-locale used by tests/ui/test_pseudo_locale.py: every text that
has a zh_CN translation shows as its English source marked ``⟦…⟧`` with accented letters, so any text on the
screen without the marks did not pass through translation (or has no translation under the context the code
asks for).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.core import i18n, paths

SUPPORTED = ("zh_CN", "en")
PSEUDO = "pseudo"
_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def _locale(lang: str) -> QLocale:
    """The locale dates and numbers are shown in: the system's when it speaks the language, else the language's."""
    system = QLocale.system()
    if lang == "zh_CN":
        return system if system.name() == "zh_CN" else QLocale("zh_CN")
    return system if system.language() in (QLocale.Language.English, QLocale.Language.C) else QLocale("en_US")


def _load(app: QCoreApplication, lang: str) -> list[QTranslator]:
    out = []
    for qm in sorted(paths.i18n_dir().glob(f"*_{lang}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            out.append(tr)
    qt_tr = QTranslator(app)
    if qt_tr.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        out.append(qt_tr)
    return out


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load translations for ``language`` ("zh_CN" or "en"; None: follow the system locale)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if language == PSEUDO:
        chosen = [PseudoTranslator(app, _load(app, "zh_CN"))]
        QLocale.setDefault(QLocale("zh_CN"))  # the pseudo-locale stands for Chinese: dates as a Chinese UI shows them
    else:
        lang = language if language in SUPPORTED else system_language()
        chosen = _load(app, lang) if lang != "en" else []
        QLocale.setDefault(_locale(lang))
        language = lang
    for tr in chosen:
        app.installTranslator(tr)
        _installed.append(tr)
    i18n.set_translator(QCoreApplication.translate)
    return language


def chosen_language(argument: str | None = None) -> str:
    """The language of a command and its papers: ``--lang``, else the one saved on this computer (the
    settings dialog's), else the system's. The GUI resolves the same way (app.run_gui)."""
    if argument in SUPPORTED:
        return argument
    from PySide6.QtCore import QSettings

    from desktop_app import settings as opts

    saved = opts.get(QSettings(str(paths.settings_file()), QSettings.Format.IniFormat), opts.LANGUAGE)
    return saved if saved in SUPPORTED else system_language()


def before_parsing(argument: str | None) -> Callable[[str, str], str]:
    """The translate function (for core.i18n.set_translator) while the command line is parsed: argparse's
    messages and the commands' help in the language ``chosen_language(argument)`` gives. It needs no
    application (the GUI makes its own afterwards) and loads the translations at its first use: a command
    line that parses prints nothing and reads no file here."""
    loaded: list[QTranslator] | None = None

    def translate(context: str, text: str) -> str:
        nonlocal loaded
        if loaded is None:
            language = chosen_language(argument)
            loaded = []
            if language != "en":
                for qm in sorted(paths.i18n_dir().glob(f"*_{language}.qm")):
                    tr = QTranslator()
                    if tr.load(str(qm)):
                        loaded.append(tr)
        for tr in loaded:
            out = tr.translate(context, text)
            if out:
                return out
        return text

    return translate


def install_for_command_line(language: str) -> None:
    """Translations for what a subcommand prints or writes (report headings, reasons): Qt-free code
    translates through core.i18n, which needs a (core) application with the translators installed."""
    import sys

    if language == "en" and QCoreApplication.instance() is None:
        return  # the source texts are English: nothing to install

    install(QCoreApplication.instance() or QCoreApplication([sys.argv[0]]), language)


# --- the pseudo-locale -----------------------------------------------------------------------------------

_ACCENTS = str.maketrans("aceinosuyzACEINOSUYZ", "åçéîñóšüýžÅÇÉÎÑÓŠÜÝŽ")
# What must stay as it is: str.format fields, Qt's %1 / %n / %L1, HTML tags and entities, & mnemonics.
_KEEP = re.compile(r"\{[^{}]*\}|%L?\d+|%n|<[^>]*>|&[A-Za-z#0-9]+;|&.")
OPEN, CLOSE = "⟦", "⟧"


def pseudo(text: str) -> str:
    """``text`` marked ⟦…⟧ with accented letters; placeholders, tags and mnemonics kept."""
    out, last = [], 0
    for m in _KEEP.finditer(text):
        out.append(text[last:m.start()].translate(_ACCENTS))
        out.append(m.group())
        last = m.end()
    out.append(text[last:].translate(_ACCENTS))
    return OPEN + "".join(out) + CLOSE


class PseudoTranslator(QTranslator):
    """Answers, for every text one of ``real`` translates, ``pseudo(text)``; nothing for the rest."""

    def __init__(self, parent: QCoreApplication, real: list[QTranslator]) -> None:
        super().__init__(parent)
        self._real = real

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802 - Qt's virtual
        for tr in self._real:
            if tr.translate(context, source_text, disambiguation, n):
                return pseudo(source_text)
        return None

    def isEmpty(self) -> bool:  # noqa: N802
        return False
