"""Certificates: volunteer service records, honour certificates and thank-you letters — numbered, registered, verifiable."""

__all__ = ["CertificateContent", "request_certificate"]


def __getattr__(name: str):
    """What passports' honours use, imported when first used (the service is not needed at start-up)."""
    if name in __all__:
        from desktop_app.certificates import service

        return getattr(service, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
