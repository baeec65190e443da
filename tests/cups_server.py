"""A private CUPS server for the printing tests — nothing system-wide is used or changed.

``CupsServer.start()`` writes its own cupsd.conf / cups-files.conf under a temporary folder (config, spool,
cache, logs, its own ServerBin), listens only on a Unix socket there (parallel test runs never meet), and
adds PDF-writing queues:

* ``queue`` (the default printer): CUPS' "Generic PDF Printer" driver on a small backend of ours that keeps
  each job's PDF as ``job_<id>.pdf``. The job goes through CUPS' own filter (pdftopdf: copies, page ranges,
  paper size, rotation) and stays a PDF, so its text can be compared with the document's exactly.
* ``cups_pdf_queue`` (as root, where printer-driver-cups-pdf is installed): the Debian virtual PDF printer,
  cups-pdf. Its backend must run as root (cupsd runs the filters as ``lp``); it reads its settings from
  /etc/cups/cups-pdf-<queue>.conf (the path is compiled in), written for the run and removed after. It turns
  the job into PostScript and back with Ghostscript, and on the way text in some font subsets loses its
  Unicode mapping (certificate numbers came out as control characters): its PDFs are compared by page count
  and by their Chinese text.

Tests point libcups at it with ``CUPS_SERVER`` (the ``cups_printer`` fixture) and wait for a job's PDF with
``printed(job)``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

PPD_CUPS_PDF = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
PPD_GENERIC_PDF = "/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd"
CUPSD = "/usr/sbin/cupsd"
SERVER_BIN = Path("/usr/lib/cups")
BACKEND = """#!/bin/sh
# SmileDesk tests: a PDF-writing backend. Each job's PDF (after CUPS' pdftopdf) becomes OUT/job_<id>.pdf.
if [ $# -eq 0 ]; then echo 'direct smiledesk-pdf "Unknown" "SmileDesk test PDF writer"'; exit 0; fi
out="{out}"
if [ -n "$6" ]; then cp "$6" "$out/job_$1.part"; else cat > "$out/job_$1.part"; fi
mv "$out/job_$1.part" "$out/job_$1.pdf"
"""


def missing() -> str:
    """Why a private CUPS server cannot run here ("" when it can)."""
    from desktop_app.ui.printing import cups

    if not cups.available():
        return "libcups, CUPS' client library, is not installed (Debian: libcups2; .ci/run installs it)"
    if not Path(CUPSD).exists() or shutil.which("lpadmin") is None:
        return "CUPS is not installed (Debian: cups-daemon, cups-client; .ci/run installs them)"
    if not (SERVER_BIN / "filter" / "pdftopdf").exists() or not Path(PPD_GENERIC_PDF).exists():
        return "cups-filters (pdftopdf, the Generic PDF printer) is not installed (Debian: cups-filters; .ci/run installs it)"
    return ""


def cups_pdf_missing() -> str:
    """Why the cups-pdf queue cannot run here ("" when it can)."""
    if os.geteuid() != 0:
        return "cups-pdf's backend refuses to run without root, so a private CUPS server of a user cannot drive it"
    if not Path(PPD_CUPS_PDF).exists():
        return "printer-driver-cups-pdf is not installed (Debian: printer-driver-cups-pdf; .ci/run installs it)"
    return ""


class CupsServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="smiledesk-cups-"))
        self.root.chmod(0o755)  # filters run as lp and read the PPD and spool under it
        self.socket = str(self.root / "cups.sock")
        self.out = self.root / "out"
        self.queue = f"smiledesk_test_{os.getpid()}"
        self.as_root = os.geteuid() == 0
        self.cups_pdf_queue = "" if cups_pdf_missing() else f"smiledesk_cups_pdf_{os.getpid()}"
        self.pdf_conf = Path(f"/etc/cups/cups-pdf-{self.cups_pdf_queue}.conf")
        self.process: subprocess.Popen | None = None

    # --- life ---------------------------------------------------------------------------------------------
    def _server_bin(self) -> Path:
        """/usr/lib/cups with our backend added (cupsd runs filters and backends from ServerBin only)."""
        bin_ = self.root / "bin"
        bin_.mkdir()
        for d in SERVER_BIN.iterdir():
            if d.name != "backend":
                (bin_ / d.name).symlink_to(d)
        backends = bin_ / "backend"
        backends.mkdir()
        for b in (SERVER_BIN / "backend").iterdir():
            (backends / b.name).symlink_to(b)
        ours = backends / "smiledesk-pdf"
        ours.write_text(BACKEND.format(out=self.out))
        ours.chmod(0o755)  # run as lp, like any backend that needs no root
        for d in (bin_, backends):
            d.chmod(0o755)
        return bin_

    def start(self) -> CupsServer:
        for d in ("conf", "spool", "cache", "state", "tmp", "log", "out", "cups-pdf-spool"):
            (self.root / d).mkdir()
            (self.root / d).chmod(0o755)
        for d in ("tmp", "out"):
            (self.root / d).chmod(0o1777)
        conf = self.root / "conf"
        (conf / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel info\nWebInterface No\nBrowsing No\nDefaultAuthType None\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
            "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n")
        files = [f"ServerRoot {conf}", f"ServerBin {self._server_bin()}", f"RequestRoot {self.root / 'spool'}",
                 f"CacheDir {self.root / 'cache'}", f"StateDir {self.root / 'state'}", f"TempDir {self.root / 'tmp'}",
                 f"ErrorLog {self.root / 'log' / 'error_log'}", f"AccessLog {self.root / 'log' / 'access_log'}",
                 f"PageLog {self.root / 'log' / 'page_log'}"]
        if self.as_root:  # cupsd refuses to run filters as root: lp does
            files += ["User lp", "Group lp", "SystemGroup root"]
        (conf / "cups-files.conf").write_text("\n".join(files) + "\n")
        self.process = subprocess.Popen([CUPSD, "-f", "-c", str(conf / "cupsd.conf"), "-s", str(conf / "cups-files.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not start: {self.log()[-2000:]}")
            time.sleep(0.1)
        self.lpadmin("-p", self.queue, "-v", "smiledesk-pdf:/", "-P", PPD_GENERIC_PDF, "-E")
        self.lpadmin("-d", self.queue)
        if self.cups_pdf_queue:
            self.pdf_conf.write_text(f"Out {self.out}\nAnonDirName {self.out}\nSpool {self.root / 'cups-pdf-spool'}\n"
                                     f"Log {self.root / 'log'}\nUserUMask 0000\nGrp root\n")
            # pdftocairo keeps the Unicode of CJK text on the way to PostScript (poppler's pdftops and
            # Ghostscript do not)
            self.lpadmin("-p", self.cups_pdf_queue, "-v", f"cups-pdf:/{self.cups_pdf_queue}", "-P", PPD_CUPS_PDF, "-E",
                         "-o", "pdftops-renderer-default=pdftocairo")
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.cups_pdf_queue:
            self.pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def _env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.socket}

    def _answers(self) -> bool:
        if not Path(self.socket).exists():
            return False
        return subprocess.run(["lpstat", "-r"], env=self._env(), capture_output=True, text=True).stdout.startswith("scheduler is running")

    def lpadmin(self, *args: str) -> None:
        subprocess.run(["lpadmin", *args], env=self._env(), check=True, capture_output=True)

    def run(self, command: str, queue: str = "") -> None:
        """cupsdisable / cupsenable / cupsreject / cupsaccept on a queue (the default one)."""
        subprocess.run([command, queue or self.queue], env=self._env(), check=True, capture_output=True)

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- jobs ---------------------------------------------------------------------------------------------
    def completed(self, which: str = "completed", queue: str = "") -> set[int]:
        """Ids of a queue's completed jobs (``which="all"``: every job, also pending ones)."""
        out = subprocess.run(["lpstat", "-W", which, "-o", queue or self.queue], env=self._env(), capture_output=True,
                             text=True).stdout
        return {int(line.split()[0].rsplit("-", 1)[1]) for line in out.splitlines() if line.strip()}

    def printed(self, job: str | int, timeout: float = 90, queue: str = "") -> Path:
        """The PDF a queue wrote for ``job`` ("queue-12" or 12), once the job has completed."""
        number = int(str(job).rsplit("-", 1)[-1])
        deadline = time.monotonic() + timeout
        while number not in self.completed(queue=queue):
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job} did not complete: {self.log()[-3000:]}")
            time.sleep(0.1)
        found = [p for p in self.out.glob("*.pdf") if re.search(rf"job_{number}(?!\d)", p.name)]
        if not found:
            raise FileNotFoundError(f"no PDF for job {job} in {sorted(p.name for p in self.out.iterdir())}: {self.log()[-3000:]}")
        data = found[0].read_bytes()
        if not data.startswith(b"%PDF"):  # the Generic PDF driver wraps jobs in PJL, as PDF printers take them
            start, end = data.find(b"%PDF"), data.rfind(b"%%EOF")
            found[0].with_suffix(".pjl").write_bytes(data[:start])
            found[0].write_bytes(data[start:end + 5] + b"\n")
        return found[0]

    def printer_settings(self, job: str | int) -> dict[str, str]:
        """What the printer was told besides the pages (the PJL header: DUPLEX, BINDING, PAPER, RENDERMODE …)."""
        pjl = self.printed(job).with_suffix(".pjl")
        text = pjl.read_text(errors="replace") if pjl.exists() else ""
        return dict(m.groups() for m in re.finditer(r"@PJL SET (\w+)\s*=\s*(\S+)", text))

    def clear(self) -> None:
        for p in [*self.out.glob("*.pdf"), *self.out.glob("*.pjl")]:
            p.unlink()
