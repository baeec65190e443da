"""Administration: staff accounts, the holiday calendar, the audit log."""
