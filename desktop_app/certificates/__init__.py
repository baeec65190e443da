"""Certificates: volunteer service records, honour certificates and thank-you letters — numbered, registered, verifiable.

The public API (the only names other features use): passports queue honour certificates with
``request_certificate``; anyone may check a scanned code or a typed number with ``verify_payload``.
"""

from desktop_app.certificates.issuing import issue_certificate
from desktop_app.certificates.models import CertificateContent, CertificateKind
from desktop_app.certificates.requests import request_certificate, request_honour_certificate
from desktop_app.certificates.verification import VerificationResult, verify_payload

__all__ = [
    "CertificateContent",
    "CertificateKind",
    "VerificationResult",
    "issue_certificate",
    "request_certificate",
    "request_honour_certificate",
    "verify_payload",
]
