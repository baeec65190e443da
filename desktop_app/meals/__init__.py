"""Elderly meal assistance (老年助餐): recipients, orders, deliveries, welfare checks, accounts."""
