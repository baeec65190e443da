"""Smile passports (微笑护照): passports, activities, the stamp ledger, honours, rewards, smile wall, kiosk.

The public API — what the rest of the app uses (app.py builds ``interfaces.PassportCodes`` from
``resolve_code`` and starts the kiosk with the other two). The use cases live in their modules:
cards, activities, stamps, honours, rewards, patrols, kiosk, wall, settings.
"""

from desktop_app.passports.cards import resolve_code
from desktop_app.passports.settings import PinAnswer, kiosk_locks, unlock_kiosk

__all__ = ["PinAnswer", "kiosk_locks", "resolve_code", "unlock_kiosk"]
