"""Passport numbers: ten digits, the last a Damm check digit, so a scanner or a typist's slip is caught.

Digits only, because a keyboard-wedge scanner "types" the QR payload followed by Enter, and elderly
residents may type the number from the card on a numeric keypad. The Damm check digit catches every
single wrong digit and every swap of two neighbouring digits (Luhn misses 09↔90).

``parse_code`` turns what was typed or scanned into a clean number or raises ValidationError saying
exactly what is wrong (junk characters, wrong length, wrong check digit).
"""

from __future__ import annotations

import random
import re
import unicodedata

from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP

F_NUMBER = QT_TRANSLATE_NOOP("Fields", "Passport number")
BODY_LENGTH = 9
LENGTH = BODY_LENGTH + 1
QR_PREFIX = ""  # the QR holds just the digits: a wedge scanner types them, then Enter

# Damm's totally anti-symmetric quasigroup of order 10.
_DAMM = (
    (0, 3, 1, 7, 5, 9, 8, 6, 4, 2),
    (7, 0, 9, 2, 1, 5, 4, 8, 6, 3),
    (4, 2, 0, 6, 8, 7, 1, 3, 5, 9),
    (1, 7, 5, 0, 9, 8, 3, 4, 2, 6),
    (6, 1, 2, 3, 0, 4, 5, 9, 7, 8),
    (3, 6, 7, 4, 2, 0, 9, 5, 8, 1),
    (5, 8, 6, 9, 7, 2, 0, 1, 3, 4),
    (8, 9, 4, 5, 3, 6, 2, 0, 1, 7),
    (9, 4, 3, 8, 6, 1, 7, 2, 0, 5),
    (2, 5, 8, 1, 4, 3, 6, 7, 9, 0),
)


def damm_interim(digits: str) -> int:
    interim = 0
    for ch in digits:
        interim = _DAMM[interim][ord(ch) - 48]
    return interim


def check_digit(body: str) -> str:
    """The Damm check digit of ``body`` (digits only)."""
    if not body.isascii() or not body.isdigit():
        raise ValueError("digits only")
    return str(damm_interim(body))


def is_valid(number: str) -> bool:
    return len(number) == LENGTH and number.isascii() and number.isdigit() and damm_interim(number) == 0


def make_number(body: str) -> str:
    return body + check_digit(body)


def random_number(rng: random.Random | None = None) -> str:
    """A fresh number: nine random digits (first 1–9, so it never loses a leading zero) plus check."""
    rng = rng or random.SystemRandom()
    body = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(BODY_LENGTH - 1))
    return make_number(body)


def display(number: str) -> str:
    """Grouped for reading aloud and printing: 3821 0457 96."""
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


_SEPARATORS = re.compile(r"[\s\-_.·]+")


def parse_code(text: str | None) -> str:
    """A clean 10-digit passport number from scanned or typed text, or ValidationError saying why not.

    Accepts full-width digits, spaces and dashes (as printed on the card). Anything else — letters,
    punctuation, stray keystrokes from a scanner in the wrong keyboard mode — is refused.
    """
    raw = unicodedata.normalize("NFKC", text or "")
    cleaned = _SEPARATORS.sub("", raw)
    if not cleaned:
        raise ValidationError(F_NUMBER, QT_TRANSLATE_NOOP("Errors", "is empty; scan the QR code on the card or type the 10 digits under it."))
    if not (cleaned.isascii() and cleaned.isdigit()):
        raise ValidationError(
            F_NUMBER,
            QT_TRANSLATE_NOOP("Errors", "may contain only digits; the scan was not read cleanly. Scan the card again or type the 10 digits."),
        )
    if len(cleaned) != LENGTH:
        raise ValidationError(
            F_NUMBER,
            QT_TRANSLATE_NOOP("Errors", "has {length} digits but a passport number has 10; check the card and try again."),
            length=len(cleaned),
        )
    if damm_interim(cleaned) != 0:
        raise ValidationError(
            F_NUMBER,
            QT_TRANSLATE_NOOP("Errors", "is not a valid passport number (the check digit does not match); a digit was probably mistyped."),
        )
    return cleaned
