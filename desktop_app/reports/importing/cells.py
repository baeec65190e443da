"""One cell's value as a field value: text, ID number, date, phone, yes/no, an address split into parts.

Values come from the reader as Python values (str, int, float, bool, date, datetime, time; "" or None
for an empty cell). A value that cannot be read raises a ValidationError naming what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.validation import fold
from desktop_app.reports.importing.fields import F_ID, TAG_WORDS


def cell_text(v: Any) -> str:
    if type(v) is str:  # the usual cell: the same as the last line, without the checks in between
        if "\r" in v:  # a line end Excel wrote as _x000D_ (the reader unescapes it) or a Mac line end
            v = v.replace("\r\n", "\n").replace("\r", "\n")
        return unicodedata.normalize("NFC", v).strip()
    if v is None:
        return ""
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, float) and abs(v) >= 1e15:
        return f"{v:.14E}"  # as Excel shows it: a long number stored as a float has lost its last digits
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == datetime.min.time() else v.isoformat(sep=" ")
    if isinstance(v, date):
        return v.isoformat()
    return unicodedata.normalize("NFC", str(v)).strip()


_SCI_RE = re.compile(r"^\d(\.\d+)?e\+?\d+$", re.I)


def parse_id_number(v: Any) -> str:
    """The ID as text; a number that lost digits in Excel is refused (Excel keeps 15 significant digits)."""
    if v is None or v == "":
        return ""
    lost = QT_TRANSLATE_NOOP(
        "Errors",
        "was stored in Excel as a number ({value}), which keeps only 15 digits, so the last digits are lost. "
        "Format the column as text in Excel and type the number again (or copy it from another register).")
    if isinstance(v, float):
        if v >= 1e15 or not v.is_integer():
            raise ValidationError(F_ID, lost, value=f"{v:.14E}" if v >= 1e15 else str(v))
        v = int(v)
    if isinstance(v, int) and not isinstance(v, bool):
        digits = str(v)
        if len(digits) > 15 and digits.rstrip("0") and len(digits.rstrip("0")) <= 15:
            # Excel wrote 3.40102194803051E+17 and the reader gave back an integer ending in zeros.
            from desktop_app.core.validation import clean_id_number

            try:
                return clean_id_number(digits, F_ID)
            except ValidationError:
                raise ValidationError(F_ID, lost, value=digits) from None
        return digits
    text = fold(str(v)).replace(" ", "").lstrip("'").upper()
    if _SCI_RE.match(text):
        raise ValidationError(F_ID, lost, value=text)
    return text


def parse_date(v: Any, field_label: str) -> date | None:
    """Excel dates, serial numbers, and text like 1948-03-05, 1948.3.5, 1948/3/5, 1948年3月5日, 19480305."""
    if v is None or v == "":
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    bad = QT_TRANSLATE_NOOP("Errors", "“{value}” is not a date; write it as 1948-03-05 (1948.3.5 and 1948年3月5日 work too).")
    if isinstance(v, int | float) and not isinstance(v, bool):
        n = float(v)
        if 19000101 <= n <= 21001231 and n.is_integer():
            return parse_date(str(int(n)), field_label)
        if 1 <= n < 80000:
            base = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year bug accounted for after day 60)
            return base + timedelta(days=int(n))
        raise ValidationError(field_label, bad, value=str(v))
    text = fold(str(v))
    m = re.fullmatch(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?", text) or re.fullmatch(
        r"(\d{4})(\d{2})(\d{2})", text)
    if not m:
        raise ValidationError(field_label, bad, value=text[:30])
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ValidationError(field_label, bad, value=text[:30]) from None


def parse_phone(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return cell_text(v)


_YES = {"是", "√", "✓", "✔", "y", "yes", "true", "1", "有", "●", "☑"}


_NO = {"否", "", "×", "x", "n", "no", "false", "0", "无", "-", "—", "/"}


def parse_flag(v: Any, key: str, field_label: str) -> bool:
    text = fold(cell_text(v)).lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    if key == "party_member":  # 政治面貌: 中共党员 / 预备党员 / 群众
        return "党员" in text
    word = next((w for w, k in TAG_WORDS.items() if k == key), "")
    if word and word in text:
        return True
    raise ValidationError(field_label, QT_TRANSLATE_NOOP("Errors", "“{value}” is not yes or no; write 是 or 否."),
                          value=text[:20])


# How stations write an address: 逍遥津小区3栋2单元301室, 杏花村12幢303, 3号楼2单元301, 5#楼; within a
# compound named in its own column only 1单元502 or 2-301 / 3-2-301 (building-unit-room); or a bare room 502.
_ADDRESS_RES = (
    re.compile(r"^(?P<compound>.*?)(?P<building>[0-9A-Za-z]+)\s*(?:栋|幢|号楼|座|#楼?)\s*(?:(?P<unit>[0-9A-Za-z]+)\s*单元)?\s*"
               r"(?:(?P<room>[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)\s*(?:室|号|户)?)?$"),
    re.compile(r"^(?P<compound>.*?)(?P<unit>[0-9A-Za-z]+)\s*单元\s*(?P<room>[0-9A-Za-z]+)\s*(?:室|号|户)?$"),
    re.compile(r"^(?:(?P<compound>.*?[^0-9A-Za-z\s-])\s*)?(?P<building>\d+)\s*-\s*(?:(?P<unit>\d+)\s*-\s*)?(?P<room>\d+)\s*(?:室|号|户)?$"),
    re.compile(r"^(?P<room>\d{3,4})\s*(?:室|户)?$|^(?P<room2>\d+)\s*(?:室|户)$"),
)


def split_address(text: str) -> dict[str, str]:
    """The parts of an address that were recognised: "逍遥津小区3栋2单元301室" → compound 逍遥津小区, building 3,
    unit 2, room 301; "1单元502" → unit 1, room 502; "2-301" → building 2, room 301. Empty when the text is not
    written in one of these ways (the caller keeps it whole: as the compound, or in the notes)."""
    text = fold(text)
    if not text:
        return {}
    for pattern in _ADDRESS_RES:
        m = pattern.match(text)
        if m:
            found = {k: (v or "").strip() for k, v in m.groupdict().items() if v and v.strip()}
            if "room2" in found:
                found["room"] = found.pop("room2")
            return found
    return {}
