"""Smile passports (微笑护照): passports, activities, the stamp ledger, honours, rewards, smile wall, kiosk."""
