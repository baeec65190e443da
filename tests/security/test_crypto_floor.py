"""The ``cryptography`` package: every call SmileDesk makes to it, and the lower bound pyproject.toml states.

These calls were run against cryptography 42.0.4 (the bound) as well as the version installed here:
``pip install --target DIR cryptography==42.0.4`` and the security tests with DIR first on PYTHONPATH.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def floor() -> tuple[int, ...]:
    text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'"cryptography>=([0-9.]+)"', text)
    assert found, "pyproject.toml states a lower bound for cryptography"
    return tuple(int(x) for x in found.group(1).split("."))


def test_the_installed_version_meets_the_bound():
    import cryptography

    installed = tuple(int(x) for x in re.findall(r"\d+", cryptography.__version__)[:3])
    assert installed >= floor()


def test_aes_gcm_as_the_audit_snapshots_use_it():
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    key = AESGCM.generate_key(bit_length=256)
    sealed = AESGCM(key).encrypt(b"\0" * 12, "张晓明".encode(), b"resident:1")
    assert AESGCM(key).decrypt(b"\0" * 12, sealed, b"resident:1").decode() == "张晓明"
    with pytest.raises(InvalidTag):
        AESGCM(key).decrypt(b"\0" * 12, sealed, b"resident:2")


def test_ed25519_as_certificates_use_it():
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
        PublicFormat,
    )

    private = Ed25519PrivateKey.generate()
    raw = private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    again = Ed25519PrivateKey.from_private_bytes(raw)
    public = Ed25519PublicKey.from_public_bytes(again.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    signature = again.sign(b"SDC2:KEY:CONTENT")
    public.verify(signature, b"SDC2:KEY:CONTENT")
    with pytest.raises(InvalidSignature):
        public.verify(signature, b"SDC2:KEY:CONTENT2")
