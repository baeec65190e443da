"""Residents (居民档案): the people a station serves; every other feature refers to them."""
