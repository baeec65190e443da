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
    ``translate`` translates it in its own context when the message is shown (a plain str stays as it is); a list
    of them is written as the language writes a list."""

    context: str

    def __new__(cls, context: str, text: str) -> Text:
        obj = super().__new__(cls, text)
        obj.context = context
        return obj

    def __getnewargs__(self) -> tuple[str, str]:  # type: ignore[override]  # copies and pickles keep the context
        return self.context, str(self)


class Message(str):
    """A message made in Qt-free code and shown later, with its parameters: it reads as its English (logs,
    comparisons, ``str``) and ``text()`` gives it in the user's language where it is printed or shown.
    A subclass names the context: ``Finding(QT_TRANSLATE_NOOP("Checks", "entry {id} was changed"), id=7)``.
    A parameter may be a Text or another Message (translated in turn)."""

    context = ""
    source: str
    params: dict[str, object]

    def __new__(cls, text: str, **params: object) -> Message:
        english = {k: ", ".join(map(str, v)) if isinstance(v, list | tuple) else v for k, v in params.items()}
        try:
            shown = text.format(**english) if params else text
        except (KeyError, IndexError, ValueError):
            shown = text
        obj = super().__new__(cls, shown)
        obj.source, obj.params = text, params
        return obj

    def __reduce__(self):  # copies and pickles keep the source and parameters
        return _message, (type(self), self.source, self.params)

    def text(self) -> str:
        return translate(self.context, self.source, **self.params)


def _message(cls: type[Message], text: str, params: dict[str, object]) -> Message:
    return cls(text, **params)


class Finding(Message):
    """A problem a check found (``smiledesk check``, the audit log's verify button)."""

    context = "Checks"


def shown(value: object) -> str:
    """What the user reads for ``value``: a Message or Text in their language, anything else as it is."""
    return str(_param(value))


def translate(context: str, text: str, **params: object) -> str:
    out = _translate(context, text)
    if params:
        params = {k: _param(v) for k, v in params.items()}
        try:
            return out.format(**params)
        except (KeyError, IndexError, ValueError):
            return text.format(**params)
    return out


def _param(value: object) -> object:
    """A Text in its own context; a list or tuple of texts as the language writes a list ("a, b" / "a、b")."""
    if isinstance(value, Message):
        return value.text()
    if isinstance(value, Text):
        return _translate(value.context, str(value))
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return join(str(_param(v)) for v in value)
    return value


def join(items: Iterable[str]) -> str:
    """A list as the user's language writes it: "a, b, c" in English, "a、b、c" in Chinese."""
    return translate("Lists", ", ").join(items)


def colon() -> str:
    """Between a label and what follows: ": " in English, "：" in Chinese."""
    return translate("Lists", ": ")


# Dates on paper and in messages, as the user's language writes them (Qt-free code has no QLocale).
WEEKDAYS = (
    QT_TRANSLATE_NOOP("Dates", "Monday"), QT_TRANSLATE_NOOP("Dates", "Tuesday"),
    QT_TRANSLATE_NOOP("Dates", "Wednesday"), QT_TRANSLATE_NOOP("Dates", "Thursday"),
    QT_TRANSLATE_NOOP("Dates", "Friday"), QT_TRANSLATE_NOOP("Dates", "Saturday"), QT_TRANSLATE_NOOP("Dates", "Sunday"),
)
SHORT_WEEKDAYS = (
    QT_TRANSLATE_NOOP("Dates", "Mon"), QT_TRANSLATE_NOOP("Dates", "Tue"), QT_TRANSLATE_NOOP("Dates", "Wed"),
    QT_TRANSLATE_NOOP("Dates", "Thu"), QT_TRANSLATE_NOOP("Dates", "Fri"), QT_TRANSLATE_NOOP("Dates", "Sat"),
    QT_TRANSLATE_NOOP("Dates", "Sun"),
)
SHORT_MONTHS = (
    QT_TRANSLATE_NOOP("Dates", "Jan"), QT_TRANSLATE_NOOP("Dates", "Feb"), QT_TRANSLATE_NOOP("Dates", "Mar"),
    QT_TRANSLATE_NOOP("Dates", "Apr"), QT_TRANSLATE_NOOP("Dates", "May"), QT_TRANSLATE_NOOP("Dates", "Jun"),
    QT_TRANSLATE_NOOP("Dates", "Jul"), QT_TRANSLATE_NOOP("Dates", "Aug"), QT_TRANSLATE_NOOP("Dates", "Sep"),
    QT_TRANSLATE_NOOP("Dates", "Oct"), QT_TRANSLATE_NOOP("Dates", "Nov"), QT_TRANSLATE_NOOP("Dates", "Dec"),
)


def weekday_name(day, *, short: bool = False) -> str:
    """"Monday" / "星期一" ("Mon" / "周一" when ``short``)."""
    return translate("Dates", (SHORT_WEEKDAYS if short else WEEKDAYS)[day.weekday()])


def month_title(year: int, month: int) -> str:
    """"2026-12" / "2026年12月"."""
    return translate("Dates", "{year}-{month:02d}").format(year=year, month=month)


def year_title(year: int) -> str:
    """"2026" / "2026年"."""
    return translate("Dates", "{year}").format(year=year)


def long_date(day) -> str:
    """"2026-12-05" / "2026年12月5日"."""
    return translate("Dates", "{year}-{month:02d}-{day:02d}").format(year=day.year, month=day.month, day=day.day)


def short_month(month: int, year: int | None = None) -> str:
    """An axis label: "Dec" / "12月"; with ``year``: "Dec 26" / "26年12月"."""
    name = translate("Dates", SHORT_MONTHS[month - 1])
    if year is None:
        return name
    return translate("Dates", "{month} {yy:02d}").format(month=name, yy=year % 100)
