"""Errors a user can act on (translated, specific) versus bugs.

ValidationError: the input is wrong — names the field, what is wrong and how to fix it.
PermissionDenied: the signed-in role may not do this. ConflictError: the data says no (duplicate,
illegal state change). NotFound: the record is gone. StorageError: the disk or database refuses
(full, read-only, locked) — tell the user, it is not a bug.
"""

from __future__ import annotations

from desktop_app.core.i18n import QT_TRANSLATE_NOOP, colon, translate


class SmileDeskError(Exception):
    """Base of errors whose message is meant for the user."""

    context = "Errors"

    def __init__(self, message: str, **params: object) -> None:
        self.message = message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        try:
            return self.message.format(**{k: ", ".join(v) if isinstance(v, list | tuple) else v
                                          for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError):
            return self.message

    def text(self) -> str:
        """The message in the user's language."""
        return translate(self.context, self.message, **self.params)


class ValidationError(SmileDeskError):
    """Bad input. ``field`` is a QT_TRANSLATE_NOOP("Fields", ...) label, ``message`` a NOOP("Errors", ...)."""

    def __init__(self, field: str, message: str, **params: object) -> None:
        self.field = field
        super().__init__(message, **params)

    def english(self) -> str:
        return f"{self.field}: {super().english()}"

    def text(self) -> str:
        return translate("Fields", self.field) + colon() + translate(
            self.context, self.message, **self.params
        )


class PermissionDenied(SmileDeskError):
    def __init__(self, action: str, role: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Errors", "Your role ({role}) may not {action}. Ask an administrator."),
            role=role,
            action=action,
        )

    def text(self) -> str:
        return translate(
            self.context,
            self.message,
            role=translate("Roles", str(self.params["role"])),
            action=translate("Permissions", str(self.params["action"])),
        )


class ConflictError(SmileDeskError):
    """The request contradicts stored data: a duplicate, an illegal transition, a spent balance."""

    def __init__(self, message: str, existing_id: int | None = None, **params: object) -> None:
        self.existing_id = existing_id
        super().__init__(message, **params)


class NotFound(SmileDeskError):
    pass


class StorageError(SmileDeskError):
    """The database or disk refused: full, read-only, locked, damaged."""


class Cancelled(Exception):
    """Long work stopped because the user pressed Cancel."""
