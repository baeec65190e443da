"""Demo certificates: service records, honours and thank-you letters issued over the past months, a few
printed, reprinted and revoked, and a queue of requests (some overdue) — after the demo residents exist.

small = 40 certificates and 12 requests; large = 1,000 certificates and 150 requests. Fixed seed.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from desktop_app.certificates.export import mark_entered
from desktop_app.certificates.issuing import issue_certificate
from desktop_app.certificates.models import CertificateContent, CertificateKind
from desktop_app.certificates.register import record_output, revoke_certificate
from desktop_app.certificates.requests import request_certificate
from desktop_app.core import pdf as core_pdf
from desktop_app.core.auth import Actor, Role
from desktop_app.core.db import session_scope
from desktop_app.core.models import StaffUser
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk
from desktop_app.residents import Resident

TEAMS = [
    ("逍遥津社区小红帽党员志愿巡逻队", "小红帽巡逻：早、午、晚三班巡查楼道、车棚和路面"),
    ("逍遥津社区垃圾分类督导队", "垃圾分类定时定点督导、入户宣传"),
    ("庐阳大妈邻里互助队", "独居老人探访、代购代办、陪同就医"),
    ("老年助餐送餐志愿队", "为行动不便的老人送餐上门"),
    ("文明养犬劝导队", "文明养犬宣传和劝导"),
]
HONOURS = ["优秀志愿者", "微笑之星", "最美志愿者", "社区热心人"]
SIZES = {"small": (40, 12), "large": (1000, 150)}


def _working_hours(rng: random.Random, day: date, now: datetime) -> datetime:
    """A moment of the station's working day (09:00–16:59 on the computer's clock), never after ``now`` nor
    before the day began (made just after midnight, today's certificates were not issued yesterday)."""
    at = datetime.combine(day, time(rng.randint(9, 16), rng.randint(0, 59))).astimezone().astimezone(UTC)
    midnight = datetime.combine(day, time(0)).astimezone().astimezone(UTC)
    return at if at <= now else max(midnight, now - timedelta(minutes=rng.randint(5, 60)))


def _actor(s) -> Actor | None:
    user = s.exec(select(StaffUser).where(StaffUser.role == Role.ADMIN.value).order_by(col(StaffUser.id))).first()
    return Actor.from_user(user) if user else None


def generate(engine: Engine, *, scale: str, seed: int, progress: Progress = NO_PROGRESS) -> None:
    n_certs, n_requests = SIZES.get(scale, SIZES["small"])
    rng = random.Random(seed + 7)
    today = date.today()
    with session_scope(engine, write=False) as s:
        actor = _actor(s)
        registered = s.exec(select(Resident.id, Resident.name, Resident.id_number).where(Resident.erased == False)  # noqa: E712
                        .order_by(col(Resident.id)).limit(5000)).all()
    if actor is None or not registered:
        return
    people = [p for p in registered if not core_pdf.missing_glyphs(p[1])]
    total = n_certs + n_requests
    now = datetime.now(UTC)
    with session_scope(engine) as s:
        issued: list[int] = []
        for i in range(n_certs):
            if i % 20 == 0:
                progress(i, total, "certificates")
            rid, name, _id_number = rng.choice(people)
            roll = rng.random()
            when = _working_hours(rng, today - timedelta(days=int(300 * (1 - i / n_certs))), now)
            if roll < 0.6:
                team, content = rng.choice(TEAMS)
                end = min(today, (when - timedelta(days=rng.randint(1, 20))).date())
                start = end - timedelta(days=rng.randint(60, 330))
                c = CertificateContent(kind=CertificateKind.SERVICE_RECORD_CERTIFICATE, recipient_name=name, resident_id=rid,
                                           organisation=team, period_start=start, period_end=end,
                                           hours=rng.choice([20, 24.5, 36, 48, 60.5, 88, 126, 152.5]),
                                           service_content=content, source="demo")
            elif roll < 0.85:
                c = CertificateContent(kind=CertificateKind.HONOUR_CERTIFICATE, recipient_name=name, resident_id=rid, title=rng.choice(HONOURS),
                                           organisation="逍遥津街道", source="demo")
            else:
                c = CertificateContent(kind=CertificateKind.THANK_YOU_LETTER, recipient_name=name, resident_id=rid,
                                           organisation=rng.choice(TEAMS)[0], source="demo")
            cert = issue_certificate(s, actor=actor, content=c, with_seal=rng.random() < 0.3,
                                         language="en" if rng.random() < 0.05 else None, now=when)
            cert_id = pk(cert.id)
            issued.append(cert_id)
            if rng.random() < 0.7:
                record_output(s, actor=actor, certificate_id=cert_id, copies=1)
                if rng.random() < 0.08:
                    record_output(s, actor=actor, certificate_id=cert_id, reason="原件遗失，本人申请补打")
            if c.kind == CertificateKind.SERVICE_RECORD_CERTIFICATE and rng.random() < 0.6:
                mark_entered(s, actor=actor, certificate_ids=[cert_id], when=when)
        for cid in rng.sample(issued, max(1, n_certs // 40)):
            revoke_certificate(s, actor=actor, certificate_id=cid, reason="姓名录入有误，已重新出具")
        for j in range(n_requests):
            rid, name, _id_number = rng.choice(people)
            team, content = rng.choice(TEAMS)
            end = today - timedelta(days=rng.randint(1, 30))
            request_certificate(s, actor=actor, content=CertificateContent(
                kind=CertificateKind.SERVICE_RECORD_CERTIFICATE, recipient_name=name, resident_id=rid, organisation=team,
                period_start=date(end.year, 1, 1) if end.month > 1 else end - timedelta(days=60), period_end=end,
                hours=rng.choice([20, 32, 45.5, 60]), service_content=content, source="demo", source_ref=f"demo-{seed}-{j}"))
    progress(total, total, "certificates")
