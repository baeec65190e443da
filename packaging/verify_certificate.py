#!/usr/bin/env python3
"""Verify a SmileDesk certificate (微笑驿站证书) without SmileDesk: only the station's public key is needed.

    python verify_certificate.py --keys 站点证书公钥.json "SDC2:…"        (the station's published key file)
    python verify_certificate.py --public-key 3f0c…(64 hex digits) "SDC2:…"
    python verify_certificate.py --keys keys.json --qr-file scanned.txt

Needs Python 3.9+ and the ``cryptography`` package (pip install cryptography). One file, no other part of
SmileDesk. The QR code on a certificate carries what the paper prints and an Ed25519 signature over it:

    SDC2:<KEY ID>:<CONTENT>:<SIGNATURE>

CONTENT is base32 (no padding) of the UTF-8 fields number, kind, name, masked ID, organisation, title, from,
until, hours, issued on, separated by U+001F; SIGNATURE is base32 of the Ed25519 signature over the ASCII text
"SDC2:<KEY ID>:<CONTENT>".

Exit status 0: genuine (and not revoked in the key file given); 1: not genuine, revoked or unknown key;
2: not a SmileDesk code. Compare the details printed here with the paper: a genuine code on a paper whose
hours or name were changed shows the original ones.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys

PREFIX = "SDC2"
FIELDS = ("number", "kind", "name", "id_masked", "organisation", "title", "period_start", "period_end", "hours",
          "issued_on")
LABELS = {"number": "证书编号 number", "kind": "类别 kind", "name": "姓名 name", "id_masked": "证件号码 ID",
          "organisation": "服务组织 organisation", "title": "荣誉称号 title", "period_start": "服务开始 from",
          "period_end": "服务结束 until", "hours": "服务时长 hours", "issued_on": "出具日期 issued"}
KINDS = {"service_record": "志愿服务记录证明", "honour": "荣誉证书", "thank_you": "感谢信"}


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def key_id_of(public: bytes) -> str:
    return hashlib.sha256(b"smiledesk-certificate-key|" + public).hexdigest()[:16]


def unb32(text: str) -> bytes:
    return base64.b32decode(text.upper() + "=" * (-len(text) % 8))


def parse(payload: str):
    parts = payload.strip().upper().split(":")
    if len(parts) != 4 or parts[0] != PREFIX:
        return None
    try:
        values = unb32(parts[2]).decode("utf-8").split("\x1f")
        signature = unb32(parts[3])
    except (ValueError, UnicodeDecodeError):
        return None
    if len(values) != len(FIELDS):
        return None
    return parts[1].lower(), dict(zip(FIELDS, values)), signature, ":".join(parts[:3]).encode("ascii")  # noqa: B905 - runs on Python 3.9 (no strict=); lengths checked above


def verified(public_hex: str, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def load_key_file(path: str) -> dict:
    """The station's key file (smiledesk cert-keys export): checked against its own signature."""
    with open(path, encoding="utf-8") as fh:
        body = json.load(fh)
    if body.get("format") != "smiledesk-certificate-keys/1":
        raise SystemExit(f"{path}: 不是微笑驿站的证书公钥文件 / not a SmileDesk key file")
    keys = {k["id"]: k for k in body.get("keys", [])}
    signer = keys.get(body.get("signed_by", ""))
    canonical = json.dumps({k: v for k, v in body.items() if k not in ("signed_by", "signature")}, ensure_ascii=False,
                           sort_keys=True, separators=(",", ":")).encode("utf-8")
    if signer is None or not verified(signer["public_key"], unb64(body.get("signature", "")), canonical):
        raise SystemExit(f"{path}: 公钥文件的签名不符，文件被改动过 / the key file's signature does not match: it was altered")
    for k in keys.values():
        if key_id_of(bytes.fromhex(k["public_key"])) != k["id"]:
            raise SystemExit(f"{path}: 公钥编号不符 / a key's id does not match its key")
    return body


def verify(payload: str, body: dict) -> tuple[int, str, dict]:
    """(exit status, verdict line, fields)."""
    parsed = parse(payload)
    if parsed is None:
        return 2, "不是微笑驿站证书的二维码 / not a SmileDesk certificate code", {}
    key_id, fields, signature, message = parsed
    key = {k["id"]: k for k in body.get("keys", [])}.get(key_id)
    if key is None:
        return 1, f"未知的签名密钥 {key_id}：请向出具单位索取最新的公钥文件 / unknown key {key_id}: get the station's current key file", fields
    if not verified(key["public_key"], signature, message):
        return 1, "不是真实证书：签名与内容不符 / NOT GENUINE: the signature does not match the content", fields
    if key.get("revoked") and fields["issued_on"] >= key["revoked"][:10]:
        return 1, "签名密钥已被撤销 / signed with a key the station has revoked", fields
    revoked = {c["number"]: c for c in body.get("revoked_certificates", [])}
    if fields["number"] in revoked:
        return 1, f"证书已被撤销（{revoked[fields['number']].get('revoked', '')[:10]}）/ REVOKED", fields
    station = body.get("station", {})
    return 0, f"真实有效：由 {station.get('name', '')} 签发，未被撤销 / GENUINE: signed by the station, not revoked", fields


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Verify a SmileDesk certificate's QR code with the station's public key.")
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--keys", help="the station's key file (smiledesk cert-keys export)")
    source.add_argument("--public-key", help="one public key, 64 hex digits (no revocation list then)")
    p.add_argument("--qr-file", help="read the scanned code from this file instead of the command line")
    p.add_argument("payload", nargs="?", help="the scanned code, SDC2:…")
    args = p.parse_args(argv)
    if args.qr_file:
        with open(args.qr_file, encoding="utf-8") as fh:
            payload = fh.read().strip()
    elif args.payload:
        payload = args.payload
    else:
        p.error("give the scanned code, or --qr-file")
    if args.keys:
        body = load_key_file(args.keys)
    else:
        public = args.public_key.strip().lower()
        body = {"keys": [{"id": key_id_of(bytes.fromhex(public)), "public_key": public}], "station": {}}
    status, verdict, fields = verify(payload, body)
    print(verdict)
    for name in FIELDS:
        value = fields.get(name, "")
        if value:
            print(f"  {LABELS[name]}: {KINDS.get(value, value) if name == 'kind' else value}")
    return status


if __name__ == "__main__":
    sys.exit(main())
