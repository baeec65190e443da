"""No lost edits (#14): the template saved over a newer one, or a certificate revoked after it changed, is
refused with who changed it and when — with two dialogs in one app, and with two engines (two PCs) on one
database. Nothing is overwritten; the dialog offers to reload."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy.engine import Engine

from desktop_app.certificates import export, issuing, register, template_settings
from desktop_app.certificates.models import CertificateStatus
from desktop_app.certificates.templates import TemplateSettings
from desktop_app.certificates.ui import dialogs
from desktop_app.certificates.ui.page import CertificatesPage
from desktop_app.certificates.ui.settings_dialog import SettingsDialog
from desktop_app.core import auth
from desktop_app.core.db import make_engine, session_scope
from desktop_app.core.records import StaleEdit

from .helpers import service_record

WHEN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


@pytest.fixture
def second_admin(engine, admin) -> auth.Actor:
    with session_scope(engine) as s:
        user = auth.create_staff(s, actor=admin, username="zhaoli", display_name="赵丽", role="admin", password="pass-word-1")
        return auth.Actor.from_user(user)


@pytest.fixture
def other_pc(engine) -> Engine:
    """A second engine on the same database: another computer of the station."""
    url = engine.url.render_as_string(hide_password=False)
    other = make_engine(url)
    yield other
    other.dispose()


def stored_signatory(engine, actor) -> str:
    with session_scope(engine, write=False) as s:
        return template_settings.template_settings(s, actor=actor).signatory


def test_two_template_dialogs_the_second_save_is_refused_then_reloaded(qtbot, ctx, app_fonts, wait_ops):
    first, second = SettingsDialog(ctx), SettingsDialog(ctx)
    for d in (first, second):
        qtbot.addWidget(d)
        d.show()
    wait_ops()
    first.signatory.setText("负责人：王芳")
    first.save()
    wait_ops()
    assert not first.isVisible()

    second.signatory.setText("负责人：李强")
    second.save()
    wait_ops()
    assert second.isVisible()  # kept open with what was typed
    text = second.error_box.text()
    assert "admin" in text and WHEN.search(text), text
    assert stored_signatory(ctx.engine, ctx.actor) == "负责人：王芳"  # nothing overwritten

    reload_button = second.error_box.findChild(QPushButton, "reloadButton")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert second.signatory.text() == "负责人：王芳" and second.current.version == 1
    second.signatory.setText("负责人：李强")
    second.save()
    wait_ops()
    assert not second.isVisible()
    assert stored_signatory(ctx.engine, ctx.actor) == "负责人：李强"


def test_the_page_opens_one_template_dialog(qtbot, ctx, app_fonts, wait_ops):
    page = CertificatesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_ops()
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    first = page.settings_dialog
    qtbot.mouseClick(page.settings_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.settings_dialog is first and first.isVisible()


def test_two_engines_on_one_database_template(engine, admin, second_admin, other_pc):
    with session_scope(engine, write=False) as s:
        mine = template_settings.template_settings(s, actor=admin)
    with session_scope(other_pc, write=False) as s:
        theirs = template_settings.template_settings(s, actor=second_admin)
    assert mine.version == theirs.version == 0
    with session_scope(other_pc) as s:
        saved = template_settings.save_template_settings(s, actor=second_admin, settings=TemplateSettings(signatory="负责人：赵丽"),
                                                         expected_version=theirs.version)
    assert saved.version == 1
    with pytest.raises(StaleEdit) as refused, session_scope(engine) as s:
        template_settings.save_template_settings(s, actor=admin, settings=TemplateSettings(signatory="负责人：王芳"),
                                                 expected_version=mine.version)
    assert "zhaoli" in refused.value.text() and WHEN.search(refused.value.text())
    assert stored_signatory(engine, admin) == "负责人：赵丽"


def test_two_engines_on_one_database_revoke(engine, admin, second_admin, other_pc):
    with session_scope(engine) as s:
        cid = issuing.issue_certificate(s, actor=admin, content=service_record()).id
    with session_scope(engine, write=False) as s:
        [shown] = register.list_certificates(s, actor=admin)  # what the register showed on this PC
    with session_scope(other_pc) as s:  # meanwhile, on the other PC
        assert export.mark_entered(s, actor=second_admin, certificate_ids=[cid]) == 1
    with pytest.raises(StaleEdit) as refused, session_scope(engine) as s:
        register.revoke_certificate(s, actor=admin, certificate_id=cid, reason="姓名写错", expected_version=shown.version)
    assert "zhaoli" in refused.value.text()
    with session_scope(engine, write=False) as s:
        [now] = register.list_certificates(s, actor=admin)
    assert now.status == CertificateStatus.VALID and now.entered and now.version == shown.version + 1
    with session_scope(engine) as s:  # seen the change, revoked on purpose
        register.revoke_certificate(s, actor=admin, certificate_id=cid, reason="姓名写错", expected_version=now.version)
    with session_scope(other_pc, write=False) as s:
        assert register.get_certificate(s, actor=second_admin, certificate_id=cid).status == CertificateStatus.REVOKED


def test_a_stale_revoke_on_the_page_offers_to_reload(qtbot, ctx, app_fonts, wait_ops, second_admin, other_pc, monkeypatch):
    with session_scope(ctx.engine) as s:
        cid = issuing.issue_certificate(s, actor=ctx.actor, content=service_record()).id
    page = CertificatesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    wait_ops()
    assert page.register.selected_ids() == [cid]  # the newest, shown straight away
    with session_scope(other_pc) as s:
        export.mark_entered(s, actor=second_admin, certificate_ids=[cid])
    monkeypatch.setattr(dialogs.AskReason, "ask", classmethod(lambda cls, parent, title, label: "姓名写错"))
    qtbot.mouseClick(page.register.revoke_button, Qt.MouseButton.LeftButton)
    wait_ops()
    box = page.register.last_box
    assert box.isVisible() and "zhaoli" in box.text()
    with session_scope(ctx.engine, write=False) as s:
        assert register.get_certificate(s, actor=ctx.actor, certificate_id=cid).status == CertificateStatus.VALID
    qtbot.mouseClick(box.findChild(QPushButton, "reloadButton"), Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.register.model.row(0).entered and page.register.selected_ids() == [cid]
    qtbot.mouseClick(page.register.revoke_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert page.register.model.row(0).status == CertificateStatus.REVOKED
