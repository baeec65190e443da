"""The residents feature's Qt widgets other features' pages reuse."""

from desktop_app.residents.ui.picker import ResidentPicker
from desktop_app.residents.ui.stale import offer_reload

__all__ = ["ResidentPicker", "offer_reload"]
