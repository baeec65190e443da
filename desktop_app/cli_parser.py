"""The command line's parser in the user's language: argparse's own words and every command's help.

argparse builds its messages ("usage:", "error:", "invalid choice", "the following arguments are
required", "show this help message and exit", the "options" heading) with gettext's ``_()``, bound when
argparse is imported; :func:`speak_argparse` points those at ``core.i18n.translate("Argparse", …)``, whose
texts are listed below for lupdate. Help texts and descriptions are marked
``QT_TRANSLATE_NOOP("CliHelp", …)`` where the commands are declared and translated when help is printed
(:class:`HelpFormatter`). Translations must be installed before parsing: an error is worded when argparse
finds it (cli.main installs them first).
"""

from __future__ import annotations

import argparse
import re
from typing import Any

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, translate
from desktop_app.core.textwidth import width

HELP = "CliHelp"  # the context of every help text and description

# argparse's messages a person can meet (Python 3.11–3.13); the ones only a programming error shows are left out.
ARGPARSE_TEXTS = (
    QT_TRANSLATE_NOOP("Argparse", "usage: "),
    QT_TRANSLATE_NOOP("Argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("Argparse", "options"),
    QT_TRANSLATE_NOOP("Argparse", "subcommands"),
    QT_TRANSLATE_NOOP("Argparse", "%(heading)s:"),
    QT_TRANSLATE_NOOP("Argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("Argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("Argparse", " (default: %(default)s)"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "%(prog)s: warning: %(message)s\n"),
    QT_TRANSLATE_NOOP("Argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("Argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("Argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("Argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("Argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("Argparse", "ignored explicit argument %r"),
    QT_TRANSLATE_NOOP("Argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s argument"),
    QT_TRANSLATE_NOOP("Argparse", "expected %s arguments"),
    QT_TRANSLATE_NOOP("Argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("Argparse", "unexpected option string: %s"),
    QT_TRANSLATE_NOOP("Argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "unknown parser %(parser_name)r (choices: %(choices)s)"),
    QT_TRANSLATE_NOOP("Argparse", "can't open '%(filename)s': %(error)s"),
    QT_TRANSLATE_NOOP("Argparse", "argument \"-\" with mode %r"),
)


_building = 0  # parsers being made: argparse names their groups then, translated when help is printed instead


def _gettext(text: str) -> str:
    return translate("Argparse", text) if text and not _building else text


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate("Argparse", singular if n == 1 else plural)


def speak_argparse() -> None:
    """argparse's messages through core.i18n (idempotent). English stays English: the source texts are argparse's."""
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def help_text(text: str) -> str:
    """A help text or description in the user's language (argparse's own help texts too)."""
    out = translate(HELP, text)
    return translate("Argparse", text) if out == text else out


# Pieces a line may break between: a run of Latin letters, digits and signs (a word, an option, a path), a
# run of spaces, or one other character (a Chinese one) with the closing punctuation that follows it.
_PIECE = re.compile(r"[!-~]+[，。、；：）》”’！？]*|\s+|.[，。、；：）》”’！？]*")


def wrap(text: str, columns: int) -> list[str]:
    """``text`` in lines of at most ``columns`` terminal columns (a Chinese character takes two), broken
    between words and between Chinese characters, never inside a word or before a closing mark."""
    lines: list[str] = []
    line = ""
    for piece in _PIECE.findall(" ".join(text.split())):
        if piece.isspace():
            if line:
                line += " "
            continue
        if line and width(line) + width(piece) > columns:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """Translates help texts and descriptions as it prints them, and wraps them by terminal columns."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap(text, width - len(indent)))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return help_text(action.help) if action.help else action.help

    def _format_text(self, text: str) -> str:
        return super()._format_text(help_text(text))

    def start_section(self, heading: str | None) -> None:
        heading = help_text(heading) if heading else heading
        self._headings = [*getattr(self, "_headings", []), heading]
        super().start_section(heading)

    def format_help(self) -> str:
        """Python before 3.13 puts an English colon after each heading ("选项:"): the language's instead."""
        out = super().format_help()
        for heading in getattr(self, "_headings", []):
            if heading:
                out = out.replace(f"{heading}:\n", _gettext("%(heading)s:") % {"heading": heading} + "\n")
        return out


class Parser(argparse.ArgumentParser):
    """The command line's parser and its subcommands' (argparse makes them of the same class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        global _building
        speak_argparse()
        kwargs.setdefault("formatter_class", HelpFormatter)
        _building += 1  # a command line that parses translates nothing (the GUI starts without loading translations)
        try:
            super().__init__(*args, **kwargs)
        finally:
            _building -= 1


def lang_argument(argv: list[str]) -> str | None:
    """The value of ``--lang`` wherever it stands (before or after the command), before argparse reads it."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
