"""Which PySide6 releases SmileDesk runs on, and a check the build and the start-up use.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every Qt call that returns nothing: the app
aborts ("Fatal Python error: none_dealloc") after ~720 page switches. pyproject.toml constrains PySide6 to
the releases below; ``tests/ui/test_none_refcount.py`` measures the fault itself, so an upgrade that
brings it back fails the suite.
"""

from __future__ import annotations

VERIFIED_PYSIDE = ">=6.11.3,<6.12"
LOWEST = (6, 11, 3)
BELOW = (6, 12)


def _version_tuple(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split("."):
        digits = "".join(ch for ch in piece if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts)


def pyside_supported(version: str, python: tuple[int, ...]) -> bool:
    """``version`` of PySide6 is one this project verified on Python ``python`` (a version_info)."""
    v = _version_tuple(version)
    return LOWEST <= v and v[:2] < BELOW and tuple(python[:2]) >= (3, 11)


def check_installed() -> str | None:
    """A warning to log when the installed PySide6 is not a verified release, else None."""
    import sys

    from PySide6 import __version__

    if pyside_supported(__version__, sys.version_info):
        return None
    return (f"PySide6 {__version__} on Python {sys.version_info.major}.{sys.version_info.minor} is not a verified "
            f"release (PySide6 {VERIFIED_PYSIDE}); PySide6 6.12.0 on Python 3.11 aborts after a few hundred page switches")
