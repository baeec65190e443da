"""Issue 19 item 14: certificates anyone can verify offline.

The QR code carries the content (number, name, masked ID, organisation, period, hours, issue date) and an
Ed25519 signature over it; the station's public keys (with rotation and revocation) are published in a key
file; the app, ``smiledesk cert-verify`` and a standalone verifier that needs only that key file check it.
A paper whose hours were changed no longer verifies; a typed number is "found in this register", never
plain "valid"."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from desktop_app import cli
from desktop_app.certificates import issue_certificate, signing
from desktop_app.certificates.models import CertificateKey, Verdict
from desktop_app.certificates.register import revoke_certificate
from desktop_app.certificates.verification import verify_payload
from desktop_app.core import keystore
from desktop_app.core.db import session_scope
from tests.certificates.helpers import service_record

VERIFIER = Path(__file__).resolve().parents[2] / "packaging" / "verify_certificate.py"


def issue(engine, admin, **over):
    with session_scope(engine) as s:
        cert = issue_certificate(s, actor=admin, content=service_record(**over))
    return cert, json.loads(cert.content_json)["qr"]


def verify(engine, payload):
    with session_scope(engine, write=False) as s:
        return verify_payload(s, payload)


def test_a_genuine_code_verifies_and_shows_what_it_signs(engine, admin):
    cert, qr = issue(engine, admin)
    assert qr.startswith("SDC2:") and qr.isascii() and qr == qr.upper()  # a scanner types it as keystrokes
    code = signing.parse(qr)
    assert code.fields["hours"] == "126.5" and code.fields["name"] == "张桂芳" and code.fields["id_masked"] == "1101**********002X"
    res = verify(engine, qr)
    assert res.status == Verdict.VALID and res.signed and res.details["hours"] == "126.5"
    assert res.details["organisation"] == "逍遥津社区小红帽党员志愿巡逻队" and res.number == cert.number


def altered(qr: str, **changes: str) -> str:
    """The code of a paper someone changed: the content re-encoded, the station's signature kept."""
    code = signing.parse(qr)
    forged = signing.signed_text(code.key_id, {**code.fields, **changes})
    return f"{forged}:{qr.rsplit(':', 1)[1]}"


@pytest.mark.parametrize("change", [{"hours": "226.5"}, {"name": "张桂英"}, {"period_end": "2026-12-31"}])
def test_an_altered_paper_does_not_verify(engine, admin, change):
    _cert, qr = issue(engine, admin)
    assert verify(engine, altered(qr, **change)).status == Verdict.TAMPERED


def test_a_scanner_with_caps_lock_on_still_verifies(engine, admin):
    _cert, qr = issue(engine, admin)
    assert verify(engine, qr.lower()).status == Verdict.VALID


def test_a_typed_number_is_found_in_the_register_never_valid(engine, admin):
    cert, _qr = issue(engine, admin)
    res = verify(engine, cert.number)
    assert res.status == Verdict.REGISTERED and not res.ok and res.recipient == "张*芳"
    assert res.details["hours"] == "126.5"  # to compare with the paper


def test_a_code_signed_with_another_key_is_not_trusted(engine, admin):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    _cert, qr = issue(engine, admin)
    code = signing.parse(qr)
    forger = Ed25519PrivateKey.generate()
    kid = signing.key_id_of(signing._raw_public(forger))
    forged, _sig = signing.sign(forger, kid, {**code.fields, "hours": "500"})
    assert verify(engine, forged).status == Verdict.UNTRUSTED_KEY
    # the station's key id with the forger's signature
    forged_same_id, _ = signing.sign(forger, code.key_id, {**code.fields, "hours": "500"})
    assert verify(engine, forged_same_id).status == Verdict.TAMPERED


def test_revoked_certificates_and_keys(engine, admin):
    cert, qr = issue(engine, admin)
    with session_scope(engine) as s:
        revoke_certificate(s, actor=admin, certificate_id=cert.id, reason="时长登记有误", expected_version=cert.version)
    assert verify(engine, qr).status == Verdict.REVOKED
    _cert2, qr2 = issue(engine, admin)
    with session_scope(engine) as s:
        signing.revoke_key(s, actor=admin, key_id=signing.parse(qr2).key_id, reason="电脑丢失")
    assert verify(engine, qr2).status == Verdict.UNTRUSTED_KEY


def test_rotation_keeps_old_certificates_verifying(engine, admin):
    _old, old_qr = issue(engine, admin)
    with session_scope(engine) as s:
        new = signing.rotate_key(s, actor=admin)
    _cert, new_qr = issue(engine, admin)
    assert signing.parse(new_qr).key_id == new.id != signing.parse(old_qr).key_id
    assert verify(engine, old_qr).status == verify(engine, new_qr).status == Verdict.VALID


def test_the_private_key_is_kept_outside_the_database(engine, admin, db_arg):
    _cert, qr = issue(engine, admin)
    kid = signing.parse(qr).key_id
    with session_scope(engine, write=False) as s:
        row = s.get(CertificateKey, kid)
    assert len(row.public_key) == 64 and (keystore.key_dir() / f"cert-{kid}.ed25519").exists()
    assert (keystore.key_dir() / f"cert-{kid}.ed25519").stat().st_mode & 0o077 == 0
    if engine.dialect.name == "sqlite":
        private = keystore.read(f"cert-{kid}.ed25519")
        assert private not in Path(db_arg).read_bytes()


def test_cert_verify_command(engine, admin, db_arg, capsys):
    cert, qr = issue(engine, admin)
    assert cli.main(["cert-verify", "--db", db_arg, qr]) == 0
    assert cli.main(["cert-verify", "--db", db_arg, cert.number]) == 1
    assert cli.main(["cert-verify", "--db", db_arg, altered(qr, hours="226.5")]) == 1
    out = capsys.readouterr().out
    valid, registered, tampered = out.split("\n", 1)[0], out.split("Found in this register")[1], out.split("Not genuine")[1]
    assert valid.startswith("Valid:") and "hours:         126.5" in registered and "hours:         226.5" in tampered


def run_verifier(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """The standalone verifier as someone outside runs it: a copy of the one file, no SmileDesk importable."""
    return subprocess.run([sys.executable, "-I", str(folder / "verify_certificate.py"), *args], cwd=folder,
                          capture_output=True, text=True, timeout=60)


def test_the_standalone_verifier_needs_only_the_key_file(engine, admin, db_arg, tmp_path):
    tree = ast.parse(VERIFIER.read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(m.startswith("desktop_app") for m in imported)
    shutil.copy(VERIFIER, tmp_path / "verify_certificate.py")
    cert, qr = issue(engine, admin)
    revoked, revoked_qr = issue(engine, admin)
    with session_scope(engine) as s:
        revoke_certificate(s, actor=admin, certificate_id=revoked.id, reason="重复出具", expected_version=revoked.version)
    assert cli.main(["cert-keys", "export", "--db", db_arg, "--out", str(tmp_path / "keys.json")]) == 0
    ok = run_verifier(tmp_path, "--keys", "keys.json", qr)
    assert ok.returncode == 0 and "真实有效" in ok.stdout and "126.5" in ok.stdout, ok.stderr
    assert run_verifier(tmp_path, "--keys", "keys.json", altered(qr, hours="226.5")).returncode == 1
    gone = run_verifier(tmp_path, "--keys", "keys.json", revoked_qr)
    assert gone.returncode == 1 and "撤销" in gone.stdout
    public = json.loads((tmp_path / "keys.json").read_text(encoding="utf-8"))["keys"][0]["public_key"]
    assert run_verifier(tmp_path, "--public-key", public, qr).returncode == 0
    body = json.loads((tmp_path / "keys.json").read_text(encoding="utf-8"))
    body["revoked_certificates"] = []  # someone hides a revocation
    (tmp_path / "altered.json").write_text(json.dumps(body), encoding="utf-8")
    assert run_verifier(tmp_path, "--keys", "altered.json", revoked_qr).returncode != 0


def test_the_template_dialog_exports_the_key_file_and_the_verifier(qtbot, app_fonts, ctx, engine, admin, tmp_path,
                                                                    monkeypatch, wait_ops):
    """At the station, without a command line: 证书模板 → 导出核验文件… writes what a verifier outside needs."""
    from desktop_app.certificates.ui import dialogs
    from desktop_app.certificates.ui.settings_dialog import SettingsDialog

    _cert, qr = issue(engine, admin)
    folder = tmp_path / "U盘"
    monkeypatch.setattr(dialogs.AskFile, "folder", classmethod(lambda cls, parent, caption: str(folder)))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    wait_ops()
    qtbot.mouseClick(dialog.publish_button, Qt.MouseButton.LeftButton)
    wait_ops()
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["verify_certificate.py", "证书核验公钥-SQK.json"]
    assert "证书核验公钥-SQK.json" in dialog.info_box.text()
    ok = run_verifier(folder, "--keys", "证书核验公钥-SQK.json", qr)
    assert ok.returncode == 0 and "真实有效" in ok.stdout, ok.stderr
    dialog.close()


def test_publishing_by_command_and_to_a_folder_that_cannot_be_written(engine, admin, db_arg, tmp_path, capsys):
    from desktop_app.core.errors import StorageError

    assert cli.main(["cert-keys", "publish", str(tmp_path / "site"), "--db", db_arg]) == 0
    assert "verify_certificate.py --keys 证书核验公钥-SQK.json" in capsys.readouterr().out
    assert (tmp_path / "site" / "verify_certificate.py").read_bytes() == VERIFIER.read_bytes()

    (tmp_path / "file").write_text("x", encoding="utf-8")
    with session_scope(engine) as s, pytest.raises(StorageError) as err:
        signing.export_for_verifiers(s, actor=admin, folder=tmp_path / "file" / "sub")
    assert "choose another folder" in err.value.text()


def test_legacy_codes_prove_the_number_only(engine, admin):
    from desktop_app.certificates.numbering import hmac_key, qr_payload
    from desktop_app.certificates.numbering import sign as hmac_sign

    cert, _qr = issue(engine, admin)
    with session_scope(engine) as s:
        legacy = qr_payload(cert.number, hmac_sign(hmac_key(s, admin.station_id), cert.number))
    assert verify(engine, legacy).status == Verdict.REGISTERED


def test_an_erased_holders_entry_keeps_what_the_register_needs(engine, admin):
    from desktop_app import residents as rs
    from desktop_app.residents.models import ResidentCreate
    from desktop_app.safety import personal_data

    with session_scope(engine) as s:
        person = rs.create_resident(s, actor=admin, data=ResidentCreate(name="张桂芳", id_number="11010519491231002X"))
    cert, qr = issue(engine, admin, resident_id=person.id, id_number="")
    with session_scope(engine) as s:
        personal_data.erase_resident(s, actor=admin, resident_id=person.id, reason="本人申请")
    with session_scope(engine, write=False) as s:
        from desktop_app.certificates.models import Certificate

        stored = s.exec(select(Certificate).where(Certificate.id == cert.id)).one()
    assert stored.recipient_name == "张*芳" and stored.id_number == "" and "张桂芳" not in stored.content_json
    assert "002X" not in stored.content_json and json.loads(stored.content_json)["hours"] == 126.5
    assert verify(engine, qr).status == Verdict.VALID  # the paper the person holds still verifies
    assert verify(engine, cert.number).status == Verdict.REGISTERED
