"""Certificates: volunteer service records, honour certificates and thank-you letters — numbered, registered, verifiable."""

from desktop_app.certificates.service import CertificateContent, request_certificate

__all__ = ["CertificateContent", "request_certificate"]
