"""Data safety: backups and restore, integrity checks, privacy requests (PIPL), station scoping helpers."""
