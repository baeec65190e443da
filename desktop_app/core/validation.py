"""Input checks shared by every feature: ID numbers, phones, names, free text, dates, money.

Each check returns the cleaned value or raises ValidationError naming the field, what is wrong and
how to fix it. Full-width digits and letters (１３８…, Ｘ) are folded to ASCII first.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Literal, overload

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

F_ID = QT_TRANSLATE_NOOP("Fields", "ID number")
F_PHONE = QT_TRANSLATE_NOOP("Fields", "Phone")
F_NAME = QT_TRANSLATE_NOOP("Fields", "Name")

_NAME_EXTRA = set("·・•．.-' ")
# First two digits of a resident ID: provinces, autonomous regions and municipalities (GB/T 2260).
PROVINCE_CODES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)


def fold(text: str | None) -> str:
    """NFKC-normalise (full-width → ASCII digits/letters), every script's decimal digits as ASCII digits (Thai
    ๑๓๙, Arabic-Indic ١٣٩: a number is stored as 139, never in another script's digits), and strip."""
    folded = unicodedata.normalize("NFKC", text or "").strip()
    if folded.isascii():
        return folded
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") and c not in "\n\t" for c in text)


def clean_name(value: str | None, field: str = F_NAME, *, max_len: int = 50, required: bool = True) -> str:
    """A person's name: letters of any script (rare CJK too: 堃 喆 燊 䶮 𠀾), middle dot, hyphen, space."""
    name = unicodedata.normalize("NFC", value or "").strip()
    name = re.sub(r"\s+", " ", name)
    if not name:
        if required:
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "is required; type the name as on the ID card."))
        return ""
    if len(name) > max_len:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "is too long ({length} characters); at most {max} are allowed."),
            length=len(name), max=max_len,
        )
    for ch in name:
        cat = unicodedata.category(ch)
        if not (cat.startswith("L") or cat.startswith("M") or ch in _NAME_EXTRA):
            raise ValidationError(
                field,
                QT_TRANSLATE_NOOP("Errors", "contains “{char}”, which cannot be part of a name; use letters only (· and - are allowed)."),
                char=ch,
            )
    return name


def clean_text(
    value: str | None, field: str, *, max_len: int = 2000, required: bool = False, multiline: bool = True
) -> str:
    text = unicodedata.normalize("NFC", value or "").strip()
    if not multiline:
        text = re.sub(r"\s+", " ", text)
    if required and not text:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "is required; it cannot be left blank."))
    if len(text) > max_len:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "is too long ({length} characters); at most {max} are allowed."),
            length=len(text), max=max_len,
        )
    if _has_control(text):
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "contains invisible control characters; retype it."))
    return text


def clean_id_number(value: str | None, field: str = F_ID, *, required: bool = False) -> str:
    """An 18-character resident ID with a valid GB 11643 check digit (X upper-case)."""
    raw = fold(value).replace(" ", "").upper()
    if not raw:
        if required:
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "is required."))
        return ""
    if len(raw) == 15 and raw.isdigit():
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "is an old 15-digit number; enter the 18-character number from the current ID card."),
        )
    if len(raw) != 18:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "must have 18 characters, not {length}; check for missing or extra digits."),
            length=len(raw),
        )
    if not (raw.isascii() and raw[:17].isdigit() and (raw[17].isdigit() or raw[17] == "X")):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "must be 17 digits followed by a digit or X."),
        )
    try:
        id_birth_date(raw)
    except ValueError:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "contains an impossible birth date or region; check the digits."),
        ) from None
    if raw[:2] not in PROVINCE_CODES:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "contains an impossible birth date or region; check the digits."),
        )
    # GB 11643 check character via python-stdnum. Not ric.validate(): it also requires the county code
    # to have existed in the birth year, which refuses real IDs (people born in 1948 were given IDs
    # decades later under the codes of that time, e.g. Hefei 340102).
    from stdnum.cn import ric

    if ric.calc_check_digit(raw) != raw[17]:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "has a wrong check character (the last one); check every digit against the card."),
        )
    born = id_birth_date(raw)
    if born > date.today():
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "contains a birth date in the future; check the digits."))
    return raw


def id_birth_date(id_number: str) -> date:
    return date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def id_gender(id_number: str) -> str:
    """'M' or 'F' from the 17th digit (odd: male)."""
    return "M" if int(id_number[16]) % 2 == 1 else "F"


# 11 ASCII digits 13…–19… (not 11…, 12…, 179…, which China's metadata reads as carrier or international
# prefixes): phonenumbers.parse(number, "CN") finds no international prefix, country code, national prefix or
# extension in them and returns PhoneNumber(86, int(number)) — so clean_phone builds that directly and lets
# is_valid_number decide as before. parse is ~3/4 of the check (~20 µs), which an Excel import of 50,000
# residents does 50,000 times. Used only while the metadata is what this rests on; tests compare with parse().
_PLAIN_MOBILE = re.compile(r"1(?:[3-689][0-9]|7[0-8])[0-9]{8}")
_PLAIN_MOBILE_METADATA: list[bool] = []


def _plain_mobile_parses_as_is() -> bool:
    if not _PLAIN_MOBILE_METADATA:
        from phonenumbers.phonemetadata import PhoneMetadata

        m = PhoneMetadata.metadata_for_region("CN")
        _PLAIN_MOBILE_METADATA.append(
            m is not None and m.country_code == 86 and m.international_prefix == "00|1(?:[12]\\d|79)\\d\\d00"
            and m.national_prefix_for_parsing == "(1(?:[12]\\d|79)\\d\\d)|0" and m.national_prefix_transform_rule is None)
    return _PLAIN_MOBILE_METADATA[0]


def clean_phone(value: str | None, field: str = F_PHONE, *, required: bool = False) -> str:
    """A mainland mobile (11 digits) or landline (area code + number), stored as digits, e.g. 055162345678."""
    raw = fold(value)
    digits = re.sub(r"[\s\-()（）+]", "", raw)
    if not digits:
        if required:
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "is required."))
        return ""
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not (digits.isascii() and digits.isdigit()):
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "may contain only digits (and spaces or dashes); “{value}” has other characters."),
            value=raw[:30],
        )
    import phonenumbers

    candidate = digits if digits.startswith("0") or len(digits) == 11 else None
    ok = False
    if candidate and _PLAIN_MOBILE.fullmatch(candidate) and _plain_mobile_parses_as_is():
        ok = phonenumbers.is_valid_number(phonenumbers.PhoneNumber(country_code=86, national_number=int(candidate)))
    elif candidate:
        try:
            parsed = phonenumbers.parse(candidate, "CN")
            ok = phonenumbers.is_valid_number(parsed)
        except phonenumbers.NumberParseException:
            ok = False
    if not ok:
        raise ValidationError(
            field,
            QT_TRANSLATE_NOOP("Errors", "“{value}” is not a valid mainland number; enter 11 digits for a mobile or the area code and number for a landline (e.g. 0551-62345678)."),
            value=raw[:30],
        )
    return digits


@overload
def clean_date(value: date | str | None, field: str, *, required: Literal[True], not_future: bool = False,
               earliest: date | None = None, today: date | None = None) -> date: ...
@overload
def clean_date(value: date | str | None, field: str, *, required: bool = False, not_future: bool = False,
               earliest: date | None = None, today: date | None = None) -> date | None: ...
def clean_date(
    value: date | str | None,
    field: str,
    *,
    required: bool = False,
    not_future: bool = False,
    earliest: date | None = None,
    today: date | None = None,
) -> date | None:
    if value is None or value == "":
        if required:
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "is required; pick a date."))
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, str):
        text = fold(value).replace("年", "-").replace("月", "-").replace("日", "").replace(".", "-").replace("/", "-")
        try:
            parts = [int(p) for p in text.split("-")]
            value = date(*parts)
        except (ValueError, TypeError, OverflowError):  # OverflowError: an ID number typed into a date field
            raise ValidationError(
                field, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; write it as 2026-03-05."), value=str(value)[:30]
            ) from None
    today = today or date.today()
    if not_future and value > today:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "cannot be in the future ({value})."), value=value.isoformat())
    if earliest and value < earliest:
        raise ValidationError(
            field, QT_TRANSLATE_NOOP("Errors", "cannot be before {earliest}."), earliest=earliest.isoformat()
        )
    return value


MAX_FEN = 100_000_000  # one million yuan: more than any amount a station handles, and it fits every integer column


def clean_fen(value: int | str | None, field: str, *, allow_negative: bool = False, allow_zero: bool = True,
              max_fen: int = MAX_FEN) -> int:
    """Money in integer fen; accepts yuan text like "12.50" or "¥3" (two decimals at most), up to ``max_fen``."""
    if isinstance(value, int) and not isinstance(value, bool):
        fen = value
    else:
        text = fold(str(value or "")).replace("¥", "").replace("元", "").replace(",", "")
        if not re.fullmatch(r"-?\d+(\.\d{1,2})?", text):
            raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "“{value}” is not an amount; write yuan like 12.50."), value=text[:20])
        sign = -1 if text.startswith("-") else 1
        whole, _, frac = text.lstrip("-").partition(".")
        fen = sign * (int(whole) * 100 + int((frac + "00")[:2]))
    if fen < 0 and not allow_negative:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "cannot be negative."))
    if fen == 0 and not allow_zero:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "must be more than zero."))
    if abs(fen) > max_fen:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "is too large; at most {max} yuan."), max=yuan(max_fen))
    return fen


F_YEAR = QT_TRANSLATE_NOOP("Fields", "Year")
F_MONTH = QT_TRANSLATE_NOOP("Fields", "Month")


def _plain_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def clean_year_month(year, month) -> tuple[int, int]:
    """A report month: year 1900–2200 and month 1–12 (anything else is refused, never a crash)."""
    if not _plain_int(year) or not 1900 <= year <= 2200:
        raise ValidationError(F_YEAR, QT_TRANSLATE_NOOP("Errors", "choose a year between 1900 and 2200."))
    if not _plain_int(month) or not 1 <= month <= 12:
        raise ValidationError(F_MONTH, QT_TRANSLATE_NOOP("Errors", "choose a month from 1 to 12."))
    return year, month


def clean_month_text(text) -> str:
    """"2026-11" style month text, normalised; refused with a message when it is not a real month."""
    parts = fold(str(text or "")).replace("年", "-").replace("月", "").split("-")
    try:
        year, month = int(parts[0]), int(parts[1])
    except (ValueError, IndexError):
        raise ValidationError(F_MONTH, QT_TRANSLATE_NOOP("Errors", "write the month as 2026-11.")) from None
    year, month = clean_year_month(year, month)
    return f"{year:04d}-{month:02d}"


def clean_count(value, field: str, low: int, high: int) -> int:
    """A whole number in [low, high], e.g. how many months a chart shows."""
    if not _plain_int(value) or not low <= value <= high:
        raise ValidationError(field, QT_TRANSLATE_NOOP("Errors", "choose a whole number from {low} to {high}."),
                              low=low, high=high)
    return value


def yuan(fen: int) -> str:
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


# --- masking (PIPL: show only what a role needs) ------------------------------------------------


def mask_id_number(id_number: str | None) -> str:
    if not id_number:
        return ""
    if len(id_number) <= 8:
        return "*" * len(id_number)
    return id_number[:4] + "*" * (len(id_number) - 8) + id_number[-4:]


def mask_phone(phone: str | None) -> str:
    if not phone:
        return ""
    if len(phone) <= 4:
        return "*" * len(phone)
    if len(phone) == 11 and phone.startswith("1"):
        return phone[:3] + "****" + phone[-4:]
    head = 4 if len(phone) >= 10 else 0
    return phone[:head] + "*" * (len(phone) - head - 4) + phone[-4:]


def mask_name(name: str | None) -> str:
    """张*明 style masking for public screens (kiosk, smile wall)."""
    if not name:
        return ""
    if len(name) == 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
