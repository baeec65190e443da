"""Translatable text in Qt-free code.

Services mark user-visible text with ``QT_TRANSLATE_NOOP(context, text)`` so that pyside6-lupdate finds
it; the text stays English here and is translated where it is shown (the UI installs Qt's translate
function with :func:`set_translator`). Placeholders use ``str.format`` names, e.g. ``{value}``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_translate: Callable[[str, str], str] = lambda context, text: text  # noqa: E731


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


def set_translator(func: Callable[[str, str], str]) -> None:
    """Install the function that turns (context, source text) into the user's language."""
    global _translate
    _translate = func


class Text(str):
    """A translatable text passed as a parameter of another — a meal's name inside an error message:
    ``ConflictError(QT_TRANSLATE_NOOP("Errors", "… {meal} …"), meal=Text("Meals", MEAL_LABELS[meal]))``.
    ``translate`` translates it in its own context when the message is shown (a plain str stays as it is)."""

    context: str

    def __new__(cls, context: str, text: str) -> Text:
        obj = super().__new__(cls, text)
        obj.context = context
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copies and pickles keep the context
        return self.context, str(self)


def translate(context: str, text: str, **params: object) -> str:
    out = _translate(context, text)
    if params:
        params = {k: _translate(v.context, str(v)) if isinstance(v, Text) else v for k, v in params.items()}
        try:
            return out.format(**params)
        except (KeyError, IndexError, ValueError):
            return text.format(**params)
    return out


def join(items: Iterable[str]) -> str:
    """A list as the user's language writes it: "a, b, c" in English, "a、b、c" in Chinese."""
    return translate("Lists", ", ").join(items)


def colon() -> str:
    """Between a label and what follows: ": " in English, "：" in Chinese."""
    return translate("Lists", ": ")
