"""The administration page's permissions. They live in ``core.auth`` because sign-in and accounts need them
before any feature is loaded; listed here so the feature has the same shape as every other."""

from desktop_app.core.auth import MANAGE_SETTINGS, MANAGE_STAFF, VIEW_AUDIT

__all__ = ["MANAGE_SETTINGS", "MANAGE_STAFF", "VIEW_AUDIT"]
