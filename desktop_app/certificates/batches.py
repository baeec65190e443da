"""Batches: many certificates issued in one transaction (all or none), and register entries rendered to
one PDF or one PDF each, with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import Session

from desktop_app.certificates.content import check_printable
from desktop_app.certificates.issuing import issue_certificate
from desktop_app.certificates.models import (
    Certificate,
    CertificateContent,
    CertificatePrint,
    CertificateRequest,
    CertificateStatus,
    PrintKind,
)
from desktop_app.certificates.permissions import ISSUE_CERTIFICATES, PRINT_CERTIFICATES
from desktop_app.certificates.register import get_certificate, snapshot_of
from desktop_app.certificates.template_settings import images_for
from desktop_app.core import audit
from desktop_app.core.auth import Actor, require
from desktop_app.core.db import session_scope
from desktop_app.core.errors import ValidationError
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.core.progress import NO_PROGRESS, Progress
from desktop_app.core.records import pk


def issue_batch(
    s: Session,
    *,
    actor: Actor,
    contents: Sequence[CertificateContent] = (),
    request_ids: Sequence[int] = (),
    with_seal: bool = False,
    language: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> list[Certificate]:
    """Issue many in one transaction: either all are issued or (a bad row, cancel) none is."""
    require(actor, ISSUE_CERTIFICATES)
    total = len(contents) + len(request_ids)
    out: list[Certificate] = []
    for i, content in enumerate(contents):
        progress(i, total, content.recipient_name)
        try:
            out.append(issue_certificate(s, actor=actor, content=content, with_seal=with_seal, language=language))
        except ValidationError as exc:
            raise BatchRowError(content.recipient_name, exc) from exc
    for j, rid in enumerate(request_ids):
        progress(len(contents) + j, total, "")
        try:
            out.append(issue_certificate(s, actor=actor, request_id=rid, with_seal=with_seal, language=language))
        except ValidationError as exc:
            req = s.get(CertificateRequest, rid)
            raise BatchRowError(req.recipient_name if req else str(rid), exc) from exc
    progress(total, total, "")
    return out


class BatchRowError(ValidationError):
    """A row of a batch was refused: says whose row and why; nothing of the batch was issued."""

    def __init__(self, name: str, error: ValidationError) -> None:
        self.inner = error
        super().__init__(error.field, QT_TRANSLATE_NOOP("Errors", "{name}: {problem}"), name=name, problem=error.english())

    def text(self) -> str:
        return f"{self.params['name']} — {self.inner.text()}"


@dataclass
class BatchResult:
    files: list[Path] = field(default_factory=list)
    pages: int = 0


def render_batch(
    s: Session,
    *,
    actor: Actor,
    certificate_ids: Sequence[int],
    target: Path,
    one_file_each: bool = False,
    progress: Progress = NO_PROGRESS,
) -> BatchResult:
    """Render register entries to one PDF (``target`` is a file) or one PDF each (``target`` is a folder)."""
    from desktop_app.certificates import pdf

    require(actor, PRINT_CERTIFICATES)
    certs = [get_certificate(s, actor=actor, certificate_id=i) for i in certificate_ids]
    snaps = [snapshot_of(c) for c in certs]
    for snap in snaps:
        check_printable(snap)
    images = images_for(s, snaps)
    revoked = {i for i, c in enumerate(certs) if c.status == CertificateStatus.REVOKED}
    result = BatchResult()
    total = len(snaps)
    target = Path(target)
    if one_file_each:
        target.mkdir(parents=True, exist_ok=True)
        for i, (cert, snap) in enumerate(zip(certs, snaps, strict=True)):
            progress(i, total, cert.number)
            out = target / f"{cert.number}.pdf"
            out.write_bytes(pdf.render([snap], images=images, revoked={0} if i in revoked else set()))
            result.files.append(out)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf.render(snaps, images=images, revoked=revoked, progress=progress))
        result.files.append(target)
    result.pages = total
    progress(total, total, "")
    for cert in certs:
        if cert.status != CertificateStatus.REVOKED:
            s.add(CertificatePrint(certificate_id=pk(cert.id), actor_id=actor.id, actor_name=actor.username, how=PrintKind.PDF, copies=1))
    audit.record(s, actor=actor, action="render_batch", entity="certificate", entity_id="",
                 after={"numbers": [c.number for c in certs], "files": len(result.files)})
    return result


# --- long work for the page (ui.ops.run_op): each opens its own transaction --------------------------------


def issue_and_save(
    engine: Engine,
    *,
    actor: Actor,
    contents: Sequence[CertificateContent],
    target: Path,
    one_file_each: bool = False,
    with_seal: bool = False,
    progress: Progress = NO_PROGRESS,
) -> BatchResult:
    """Issue certificates for the chosen volunteers and save their PDFs, in one transaction: a bad row or
    Cancel (in either half) rolls every number back. Issuing is the first half of the bar, drawing the second."""
    n = len(contents)
    issue_progress = Progress(lambda d, t, label: progress(d, 2 * n, label))
    render_progress = Progress(lambda d, t, label: progress(n + d, 2 * n, label))
    with session_scope(engine) as s:
        certs = issue_batch(s, actor=actor, contents=contents, with_seal=with_seal, progress=issue_progress)
        return render_batch(s, actor=actor, certificate_ids=[pk(c.id) for c in certs], target=Path(target),
                            one_file_each=one_file_each, progress=render_progress)


def save_as_pdf(engine: Engine, *, actor: Actor, certificate_ids: Sequence[int], target: Path,
                progress: Progress = NO_PROGRESS) -> BatchResult:
    """Register entries into one PDF file (logged as saved), in one transaction."""
    with session_scope(engine) as s:
        return render_batch(s, actor=actor, certificate_ids=certificate_ids, target=Path(target), progress=progress)
