"""Residents (居民档案): the people a station serves; every other feature refers to them."""

from desktop_app.residents.models import Resident

__all__ = ["Resident"]
