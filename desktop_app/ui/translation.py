"""Install Qt translators for every built .qm file of the chosen language (one per feature)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.core import i18n, paths

SUPPORTED = ("zh_CN", "en")
_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()
    return "zh_CN" if name.startswith("zh") else "en"


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load translations for ``language`` ("zh_CN" or "en"; None: follow the system locale)."""
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    lang = language if language in SUPPORTED else system_language()
    if lang != "en":
        for qm in sorted(paths.i18n_dir().glob(f"*_{lang}.qm")):
            tr = QTranslator(app)
            if tr.load(str(qm)):
                app.installTranslator(tr)
                _installed.append(tr)
        qt_tr = QTranslator(app)
        if qt_tr.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_tr)
            _installed.append(qt_tr)
    i18n.set_translator(QCoreApplication.translate)
    return lang


def install_for_command_line(language: str) -> None:
    """Translations for what a subcommand prints or writes (report headings, reasons): Qt-free code
    translates through core.i18n, which needs a (core) application with the translators installed."""
    if language == "en":
        return
    import sys

    install(QCoreApplication.instance() or QCoreApplication([sys.argv[0]]), language)
