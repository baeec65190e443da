"""Issuing, the register, reprints, revocation, verification and the PDF text of each kind."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from desktop_app.certificates import (
    batches,
    export,
    issuing,
    numbering,
    register,
    requests,
    template_settings,
    verification,
)
from desktop_app.certificates.models import Certificate, CertificatePrint, CertificateRequest, Verdict
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ConflictError, ValidationError
from desktop_app.core.models import AuditEntry

from .helpers import honour, pdf_text, service_record, thank_you


def issue(engine, actor, content, **kw) -> Certificate:
    with session_scope(engine) as s:
        return issuing.issue_certificate(s, actor=actor, content=content, **kw)


def render(engine, actor, cid) -> bytes:
    with session_scope(engine, write=False) as s:
        return register.render_certificate(s, actor=actor, certificate_id=cid)


def test_service_record_pdf_states_every_required_field(engine, admin):
    cert = issue(engine, admin, service_record(), with_seal=True)
    [page] = pdf_text(render(engine, admin, cert.id))
    assert cert.number in page
    assert numbering.is_well_formed(cert.number)
    assert cert.number.startswith("SQK-")
    for expected in ("志愿服务记录证明", "张桂芳", "1101**********002X", "逍遥津社区小红帽党员志愿巡逻队",
                     "2026年1月1日至2026年6月30日", "126.5小时", "小红帽巡逻、垃圾分类引导",
                     "逍遥津社区党群服务中心", "扫码核验", "（盖章）"):
        assert expected in page, expected
    assert "11010519491231002X" not in page  # the full ID number is never printed
    assert "不代表全国志愿服务信息系统的记录" in page  # never claims national-system status


def test_seal_area_only_on_request(engine, admin):
    cert = issue(engine, admin, service_record(), with_seal=False)
    [page] = pdf_text(render(engine, admin, cert.id))
    assert "盖章" not in page


def test_honour_and_thank_you_texts(engine, admin):
    h = issue(engine, admin, honour())
    t = issue(engine, admin, thank_you(organisation="小红帽巡逻队"))
    [hp] = pdf_text(render(engine, admin, h.id))
    [tp] = pdf_text(render(engine, admin, t.id))
    assert "荣誉证书" in hp and "李建国" in hp and "微笑之星" in hp and h.number in hp
    assert "感谢信" in tp and "尊敬的陈秀英" in tp and "小红帽巡逻队" in tp and "此致" in tp and "敬礼" in tp


def test_english_variant(engine, admin):
    cert = issue(engine, admin, service_record(organisation="Little Red Hat Patrol", service_content="Patrols"), language="en")
    [page] = pdf_text(render(engine, admin, cert.id))
    for expected in ("VolunteerServiceRecord", "张桂芳", "LittleRedHatPatrol", "1January2026to30June2026", "126.5hours",
                     "notarecordofthenationalvolunteer"):
        assert expected in page, expected


def test_qr_payload_is_signed_with_the_station_key(engine, admin):
    from desktop_app.certificates import signing
    from desktop_app.certificates.models import CertificateKey

    cert = issue(engine, admin, service_record())
    snap = json.loads(cert.content_json)
    code = signing.parse(snap["qr"])
    assert code.fields["number"] == cert.number and code.fields["hours"] == "126.5" and code.key_id == cert.key_id
    with session_scope(engine, write=False) as s:
        key = s.get(CertificateKey, code.key_id)
        assert key.station_id == admin.station_id and signing.check_signature(key.public_key, code)
        assert verification.verify_payload(s, snap["qr"]).status == Verdict.VALID


def test_rendered_qr_is_the_signed_payload(engine, admin, monkeypatch):
    """The QR on the page is exactly segno's matrix of the signed payload (no decoder needed: the
    page's content stream must contain the very path draw_qr makes for that payload)."""
    import io

    from pypdf import PdfReader
    from reportlab.pdfgen.canvas import Canvas

    from desktop_app.core import pdf as core_pdf

    cert = issue(engine, admin, honour())
    drawn = []
    original = core_pdf.draw_qr

    def spy(c, data, x, y, size, **kw):
        drawn.append((data, x, y, size))
        return original(c, data, x, y, size, **kw)

    monkeypatch.setattr(core_pdf, "draw_qr", spy)
    pdf_bytes = render(engine, admin, cert.id)
    [(payload, x, y, size)] = drawn
    from desktop_app.certificates import signing

    assert payload == json.loads(cert.content_json)["qr"] and signing.parse(payload).fields["number"] == cert.number
    with session_scope(engine, write=False) as s:
        assert verification.verify_payload(s, payload).status == Verdict.VALID
    blank = Canvas(io.BytesIO())
    original(blank, payload, x, y, size)
    path_ops = max(blank._code, key=lambda op: op.count(" re"))  # the one path of all dark modules
    assert path_ops.count(" re") > 50
    content = PdfReader(io.BytesIO(pdf_bytes)).pages[0].get_contents().get_data().decode("latin-1")
    assert path_ops in content


def test_rerender_is_identical(engine, admin):
    cert = issue(engine, admin, service_record(), with_seal=True)
    a = render(engine, admin, cert.id)
    b = render(engine, admin, cert.id)
    assert a == b
    assert b"D:2000" not in a  # the creation date is the issue date, not ReportLab's invariant default
    stamp = cert.issued_at.astimezone(UTC).strftime("%Y%m%d")
    assert f"D:{stamp}".encode() in a


def test_numbers_are_sequential_per_year_and_never_reused(engine, admin):
    a = issue(engine, admin, honour())
    b = issue(engine, admin, honour())
    with session_scope(engine) as s:
        register.revoke_certificate(s, actor=admin, certificate_id=b.id, reason="姓名写错")
    c = issue(engine, admin, honour())
    assert [x.serial for x in (a, b, c)] == [1, 2, 3]
    # A failed issue (rolled back) does not burn or reuse a number; the next one continues.
    with pytest.raises(ValidationError), session_scope(engine) as s:
        issuing.issue_certificate(s, actor=admin, content=honour(title=""))
    d = issue(engine, admin, honour())
    assert d.serial == 4
    nxt = issue(engine, admin, honour(), now=datetime(2027, 1, 5, 3, 0, tzinfo=UTC))
    assert nxt.year == 2027 and nxt.serial == 1 and "-2027-000001-" in nxt.number
    assert len({x.number for x in (a, b, c, d, nxt)}) == 5


def test_check_character_catches_typing_mistakes():
    n = numbering.format_number("SQK", 2026, 123)
    assert numbering.is_well_formed(n)
    body, check = n[:-1], n[-1]
    assert not any(numbering.is_well_formed(body + x) for x in numbering.ALPHABET if x != check)
    swapped = n.replace("000123", "000213")
    assert not numbering.is_well_formed(swapped)
    assert not numbering.is_well_formed(n.replace("123", "124"))


def test_concurrent_issuing_never_shares_a_number(engine, admin):
    from concurrent.futures import ThreadPoolExecutor

    from desktop_app.core.db import run_transaction

    def one(_):
        return run_transaction(engine, lambda s: issuing.issue_certificate(s, actor=admin, content=honour()).number)

    with ThreadPoolExecutor(max_workers=6) as pool:
        numbers = list(pool.map(one, range(30)))
    assert len(set(numbers)) == 30
    with session_scope(engine, write=False) as s:
        serials = sorted(c.serial for c in s.exec(select(Certificate)))
    assert serials == list(range(1, 31))


def test_request_is_idempotent_on_source_ref_and_issue_consumes_it(engine, admin, make_actor):
    kiosk = make_actor("front_desk")
    with session_scope(engine) as s:
        r1 = requests.request_certificate(s, actor=kiosk, content=honour(source="passports", source_ref="ladder:7:gold"))
    with session_scope(engine) as s:
        r2 = requests.request_certificate(s, actor=kiosk, content=honour(source="passports", source_ref="ladder:7:gold"))
        r3 = requests.request_certificate(s, actor=admin, content=honour(source="passports"))
        r4 = requests.request_certificate(s, actor=admin, content=honour(source="passports"))
    assert r1.id == r2.id and r3.id != r4.id
    with session_scope(engine) as s:
        cert = issuing.issue_certificate(s, actor=admin, request_id=r1.id)
    with session_scope(engine) as s:
        assert s.get(CertificateRequest, r1.id).status == "issued"
        assert s.get(CertificateRequest, r1.id).certificate_id == cert.id
        with pytest.raises(ConflictError):
            issuing.issue_certificate(s, actor=admin, request_id=r1.id)


def test_reprint_needs_a_reason_and_is_logged(engine, admin, make_actor):
    desk = make_actor("front_desk")
    cert = issue(engine, admin, service_record())
    with session_scope(engine) as s:
        register.record_output(s, actor=desk, certificate_id=cert.id, copies=2)
    with pytest.raises(ValidationError, match="Reason"), session_scope(engine) as s:
        register.record_output(s, actor=desk, certificate_id=cert.id)
    with session_scope(engine) as s:
        register.record_output(s, actor=desk, certificate_id=cert.id, reason="first copy was damaged")
    with session_scope(engine, write=False) as s:
        log = register.print_log(s, actor=admin, certificate_id=cert.id)
        assert [(p.how, p.actor_name, p.reason, p.copies) for p in log] == [
            ("print", "front_desk1", "", 2), ("reprint", "front_desk1", "first copy was damaged", 1)]
        assert s.get(Certificate, cert.id).print_count == 2
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "reprint")).first() is not None


def test_revocation_with_reason_and_verification_verdicts(engine, admin):
    cert = issue(engine, admin, honour())
    payload = json.loads(cert.content_json)["qr"]
    with pytest.raises(ValidationError), session_scope(engine) as s:
        register.revoke_certificate(s, actor=admin, certificate_id=cert.id, reason="  ")
    with session_scope(engine) as s:
        register.revoke_certificate(s, actor=admin, certificate_id=cert.id, reason="颁发对象有误")
    with session_scope(engine, write=False) as s:
        res = verification.verify_payload(s, payload)
        assert res.status == Verdict.REVOKED and res.revoke_reason == "颁发对象有误" and res.recipient == "李*国"
        assert verification.verify_payload(s, cert.number).status == Verdict.REVOKED  # typed at the desk
        assert verification.verify_payload(s, cert.number.lower()).status == Verdict.REVOKED
        # unknown: a well-formed number never issued
        ghost = numbering.format_number("SQK", 2026, 999)
        assert verification.verify_payload(s, ghost).status == Verdict.UNKNOWN
        # tampered: the signature altered, or the content changed under the old signature
        from desktop_app.certificates import signing

        head, sig = payload.rsplit(":", 1)
        bad = sig[:-2] + ("AA" if sig[-2:] != "AA" else "BB")
        assert verification.verify_payload(s, f"{head}:{bad}").status == Verdict.TAMPERED
        code = signing.parse(payload)
        other = numbering.format_number("SQK", 2026, cert.serial + 1)
        forged = signing.signed_text(code.key_id, {**code.fields, "number": other})
        assert verification.verify_payload(s, f"{forged}:{sig}").status == Verdict.TAMPERED
        assert verification.verify_payload(s, "hello").status == Verdict.MALFORMED
        assert verification.verify_payload(s, cert.number[:-1] + "Z" if cert.number[-1] != "Z" else cert.number[:-1] + "Y").status == Verdict.MALFORMED
    with pytest.raises(ConflictError), session_scope(engine) as s:
        register.record_output(s, actor=admin, certificate_id=cert.id)
    [page] = pdf_text(render(engine, admin, cert.id))
    assert "已作废" in page


RARE = "\U00030000"  # CJK Extension G: in no bundled font (Hanazono stops at Extension F)


def test_missing_glyph_is_refused_before_printing(engine, admin):
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        issuing.issue_certificate(s, actor=admin, content=honour(recipient_name="王" + RARE))
    assert "U+30000" in str(err.value) and RARE in str(err.value)
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Certificate)).first() is None
    # a request with it is queued, and the queue shows the problem
    with session_scope(engine) as s:
        req = requests.request_certificate(s, actor=admin, content=honour(recipient_name="王" + RARE))
    with session_scope(engine, write=False) as s:
        [row] = requests.list_requests(s, actor=admin)
        assert row.problem == RARE
    with pytest.raises(ValidationError), session_scope(engine) as s:
        issuing.issue_certificate(s, actor=admin, request_id=req.id)


def test_rare_characters_print_with_the_fallback_font(engine, admin):
    from desktop_app.certificates import typesetting
    from desktop_app.core import pdf as core_pdf

    assert core_pdf.font_for("张") == core_pdf.FONT
    fallback = core_pdf.font_for("𠀾")
    assert fallback not in (None, core_pdf.FONT)  # Extension B: not in the main font, in Hanazono
    assert list(typesetting.runs("张𠀾三")) == [(core_pdf.FONT, "张"), (fallback, "𠀾"), (core_pdf.FONT, "三")]
    assert core_pdf.missing_glyphs("张三李四𠀾䶮") == []
    cert = issue(engine, admin, honour(recipient_name="李𠀾"))
    data = render(engine, admin, cert.id)
    [page] = pdf_text(data)
    assert "李𠀾" in page
    assert b"HanaMin" in data  # the fallback font is embedded


def test_warnings_for_late_entry_unissued_and_unprinted(engine, admin):
    with session_scope(engine) as s:
        requests.request_certificate(s, actor=admin, content=service_record(period_end=date(2026, 3, 2)))
    cert = issue(engine, admin, service_record(period_end=date(2026, 3, 2)))
    with session_scope(engine, write=False) as s:
        codes = {w.code: w.count for w in register.warnings(s, actor=admin, today=date(2026, 3, 12))}
        # 2 March (Mon) + 7 working days = 11 March: not yet late on the 11th, late on the 12th
        assert codes == {"not_entered": 2, "not_issued": 1, "not_printed": 1}
        assert "not_entered" not in {w.code for w in register.warnings(s, actor=admin, today=date(2026, 3, 11))}
    with session_scope(engine) as s:
        export.mark_entered(s, actor=admin, certificate_ids=[cert.id])
        register.record_output(s, actor=admin, certificate_id=cert.id)
    with session_scope(engine, write=False) as s:
        codes = {w.code: w.count for w in register.warnings(s, actor=admin, today=date(2026, 3, 12))}
        assert codes == {"not_entered": 1, "not_issued": 1}


def test_export_for_the_national_system(engine, admin, tmp_path):
    from openpyxl import load_workbook

    issue(engine, admin, service_record())
    issue(engine, admin, honour())
    with session_scope(engine) as s:
        requests.request_certificate(s, actor=admin, content=service_record(recipient_name="周玉兰", id_number=""))
    with session_scope(engine) as s:
        n = export.export_volunteer_service_records(s, actor=admin, target=tmp_path / "records.xlsx")
        export.export_volunteer_service_records(s, actor=admin, target=tmp_path / "records.csv")
    assert n == 2
    ws = load_workbook(tmp_path / "records.xlsx").active
    rows = list(ws.values)
    assert list(rows[0]) == export.EXPORT_COLUMNS
    assert rows[1][1] == "张桂芳" and rows[1][3] == "11010519491231002X" and rows[1][8] == 126.5
    assert rows[2][1] == "周玉兰" and rows[2][10] in ("", None)
    csv_text = (tmp_path / "records.csv").read_text(encoding="utf-8-sig")
    assert "张桂芳" in csv_text and "服务时长（小时）" in csv_text


def test_batch_renders_one_file_or_one_each(engine, admin, tmp_path):
    from desktop_app.core.errors import Cancelled
    from desktop_app.core.progress import Progress

    ids = [issue(engine, admin, service_record(recipient_name=n)).id for n in ("赵一", "钱二", "孙三")]
    seen = []
    with session_scope(engine) as s:
        res = batches.render_batch(s, actor=admin, certificate_ids=ids, target=tmp_path / "all.pdf",
                               progress=Progress(lambda d, t, label: seen.append((d, t))))
    pages = pdf_text(res.files[0].read_bytes())
    assert len(pages) == 3 and "赵一" in pages[0] and "孙三" in pages[2]
    assert seen[-1] == (3, 3)
    with session_scope(engine) as s:
        res = batches.render_batch(s, actor=admin, certificate_ids=ids, target=tmp_path / "each", one_file_each=True)
    assert sorted(p.name for p in res.files) == sorted(f"{n}.pdf" for n in _numbers(engine, ids))
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled), session_scope(engine) as s:
        batches.render_batch(s, actor=admin, certificate_ids=ids, target=tmp_path / "x", one_file_each=True, progress=progress)
    with session_scope(engine, write=False) as s:
        assert len(s.exec(select(CertificatePrint)).all()) == 6  # two finished batches, the cancelled one wrote nothing


def _numbers(engine, ids):
    with session_scope(engine, write=False) as s:
        return [s.get(Certificate, i).number for i in ids]


def test_specimen_preview_writes_nothing(engine, admin):
    with session_scope(engine) as s:
        data = issuing.preview_content(s, actor=admin, content=honour())
    [page] = pdf_text(data)
    assert "样本SPECIMEN" in page and "李建国" in page
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Certificate)).first() is None


def test_cli_verify_render_and_export(engine, admin, db_arg, tmp_path, capsys):
    from desktop_app.certificates import cli

    cert = issue(engine, admin, service_record())
    parser = __import__("argparse").ArgumentParser()
    cli.register(parser.add_subparsers())
    args = parser.parse_args(["cert-verify", json.loads(cert.content_json)["qr"]])
    args.db = db_arg
    assert args.func(args) == 0
    assert "Valid" in capsys.readouterr().out
    args = parser.parse_args(["cert-verify", cert.number])  # a typed number: found, not proven
    args.db = db_arg
    assert args.func(args) == 1
    assert "Found in this register" in capsys.readouterr().out
    args = parser.parse_args(["cert-verify", numbering.format_number("SQK", 2026, 77)])
    args.db = db_arg
    assert args.func(args) == 1
    args = parser.parse_args(["cert-render", "--out", str(tmp_path / "all.pdf")])
    args.db = db_arg
    assert args.func(args) == 0
    assert cert.number in pdf_text((tmp_path / "all.pdf").read_bytes())[0]
    args = parser.parse_args(["cert-export", "--out", str(tmp_path / "r.csv")])
    args.db = db_arg
    assert args.func(args) == 0
    assert "张桂芳" in (tmp_path / "r.csv").read_text(encoding="utf-8-sig")


def test_resident_id_number_comes_from_the_record(engine, admin):
    from desktop_app.residents.models import Resident

    with session_scope(engine) as s:
        # stored by the residents feature (here directly, with a number our own check would not accept)
        r = Resident(name="韩明英", id_number="340102195311258113", station_id=admin.station_id)
        s.add(r)
        s.flush()
        rid = r.id
    a = issue(engine, admin, service_record(recipient_name="韩明英", resident_id=rid, id_number=""))
    b = issue(engine, admin, service_record(recipient_name="韩明英", resident_id=rid, id_number="340102195311258113"))
    assert a.id_number == b.id_number == "340102195311258113"
    assert json.loads(a.content_json)["id_masked"] == "3401**********8113"
    with pytest.raises(ValidationError), session_scope(engine) as s:  # a different, invalid number is still checked
        issuing.issue_certificate(s, actor=admin, content=service_record(resident_id=rid, id_number="340102195311258114"))


def test_template_settings_are_checked_and_snapshotted(engine, admin):
    from desktop_app.certificates.templates import TemplateSettings

    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        template_settings.save_template_settings(s, actor=admin, settings=TemplateSettings(colour="red"))
    assert err.value.field == "Main colour"
    with pytest.raises(ValidationError), session_scope(engine) as s:
        template_settings.save_template_settings(s, actor=admin, settings=TemplateSettings(page_size="Letter"))
    with pytest.raises(ValidationError) as err, session_scope(engine) as s:
        template_settings.store_image(s, actor=admin, data=b"GIF89a not a png")
    assert err.value.field == "Image"
    with pytest.raises(ValidationError), session_scope(engine) as s:
        template_settings.save_template_settings(s, actor=admin, settings=TemplateSettings(seal="0" * 64))  # never stored
    with session_scope(engine, write=False) as s:
        assert template_settings.template_settings(s, actor=admin) == TemplateSettings()
    old = issue(engine, admin, honour())
    with session_scope(engine) as s:
        template_settings.save_template_settings(s, actor=admin, settings=TemplateSettings(issuer="逍遥津街道办事处", signatory="主任：李明",
                                                                            page_size="A5", orientation="portrait"))
    new = issue(engine, admin, honour())
    [old_text] = pdf_text(render(engine, admin, old.id))
    [new_text] = pdf_text(render(engine, admin, new.id))
    assert "逍遥津社区党群服务中心" in old_text and "主任" not in old_text  # issued certificates keep their look
    assert "逍遥津街道办事处" in new_text and "主任：李明" in new_text


def test_a_bad_row_stops_the_whole_batch_and_says_whose(engine, admin):
    with session_scope(engine) as s:
        good = requests.request_certificate(s, actor=admin, content=honour(recipient_name="周一"))
        bad = requests.request_certificate(s, actor=admin, content=honour(recipient_name="王" + RARE))
    with pytest.raises(batches.BatchRowError) as err, session_scope(engine) as s:
        batches.issue_batch(s, actor=admin, request_ids=[good.id, bad.id])
    assert err.value.text().startswith("王" + RARE) and "U+30000" in err.value.text()
    with session_scope(engine, write=False) as s:
        assert s.exec(select(Certificate)).first() is None  # 周一 was not issued either
        assert s.get(CertificateRequest, good.id).status == "pending"
