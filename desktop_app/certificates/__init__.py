"""Certificates: volunteer service records, honour certificates and thank-you letters — numbered, registered, verifiable."""
