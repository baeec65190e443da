"""A private CUPS server for the printing tests — nothing system-wide is used or changed.

``CupsServer.start()`` writes its own cupsd.conf / cups-files.conf under a temporary folder (config, spool,
cache, logs), listens only on a Unix socket there (parallel test runs never meet), and adds one
PDF-writing queue:

* as root: a **cups-pdf** queue (printer-driver-cups-pdf). Its backend must run as root; cupsd runs the
  filters as the unprivileged ``lp`` user (it refuses ``User root``). cups-pdf reads its settings from
  /etc/cups/cups-pdf-<queue>.conf (the path is compiled in), so that one file is written for the run and
  removed at the end. The queue converts PDF → PostScript with pdftocairo (its default renderer, set on
  the queue, keeps the text's Unicode mapping) and cups-pdf writes the PDF with Ghostscript.
* as another user: CUPS' own "Generic PDF Printer" on a ``file:`` device (cupsd run as that user).

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


def missing() -> str:
    """Why a private CUPS server cannot run here ("" when it can)."""
    if not Path(CUPSD).exists() or shutil.which("lpadmin") is None:
        return "CUPS is not installed (Debian: cups, cups-client; .ci/run installs them)"
    if os.geteuid() == 0 and not Path(PPD_CUPS_PDF).exists():
        return "printer-driver-cups-pdf is not installed (.ci/run installs it)"
    if os.geteuid() != 0 and not Path(PPD_GENERIC_PDF).exists():
        return "cups-filters' Generic PDF printer is not installed (Debian: cups-filters)"
    return ""


class CupsServer:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="smiledesk-cups-"))
        self.root.chmod(0o755)  # filters run as lp and read the PPD and spool under it
        self.socket = str(self.root / "cups.sock")
        self.out = self.root / "out"
        self.queue = f"smiledesk_test_{os.getpid()}"
        self.as_root = os.geteuid() == 0
        self.pdf_conf = Path(f"/etc/cups/cups-pdf-{self.queue}.conf")
        self.process: subprocess.Popen | None = None

    # --- life ---------------------------------------------------------------------------------------------
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
        files = [f"ServerRoot {conf}", f"RequestRoot {self.root / 'spool'}", f"CacheDir {self.root / 'cache'}",
                 f"StateDir {self.root / 'state'}", f"TempDir {self.root / 'tmp'}",
                 f"ErrorLog {self.root / 'log' / 'error_log'}", f"AccessLog {self.root / 'log' / 'access_log'}",
                 f"PageLog {self.root / 'log' / 'page_log'}", "FileDevice Yes"]
        if self.as_root:
            files += ["User lp", "Group lp", "SystemGroup root"]
        (conf / "cups-files.conf").write_text("\n".join(files) + "\n")
        self.process = subprocess.Popen([CUPSD, "-f", "-c", str(conf / "cupsd.conf"), "-s", str(conf / "cups-files.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"cupsd did not start: {self.log()[-2000:]}")
            time.sleep(0.1)
        if self.as_root:
            self.pdf_conf.write_text(f"Out {self.out}\nAnonDirName {self.out}\nSpool {self.root / 'cups-pdf-spool'}\n"
                                     f"Log {self.root / 'log'}\nUserUMask 0000\nGrp root\n")
            self.lpadmin("-p", self.queue, "-v", f"cups-pdf:/{self.queue}", "-P", PPD_CUPS_PDF, "-E",
                         "-o", "pdftops-renderer-default=pdftocairo")
        else:
            self.lpadmin("-p", self.queue, "-v", f"file://{self.out / 'printed.pdf'}", "-P", PPD_GENERIC_PDF, "-E")
        self.lpadmin("-d", self.queue)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
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

    def run(self, *command: str) -> None:
        """cupsdisable / cupsenable / cupsreject / cupsaccept on the queue."""
        subprocess.run([*command, self.queue], env=self._env(), check=True, capture_output=True)

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- jobs ---------------------------------------------------------------------------------------------
    def completed(self, which: str = "completed") -> set[int]:
        """Ids of the queue's completed jobs (``which="all"``: every job, also pending ones)."""
        out = subprocess.run(["lpstat", "-W", which, "-o", self.queue], env=self._env(), capture_output=True,
                             text=True).stdout
        return {int(line.split()[0].rsplit("-", 1)[1]) for line in out.splitlines() if line.strip()}

    def printed(self, job: str | int, timeout: float = 90) -> Path:
        """The PDF the queue wrote for ``job`` ("queue-12" or 12), once the job has completed."""
        number = int(str(job).rsplit("-", 1)[-1])
        deadline = time.monotonic() + timeout
        while number not in self.completed():
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job} did not complete: {self.log()[-3000:]}")
            time.sleep(0.2)
        if not self.as_root:
            keep = self.out / f"job_{number}.pdf"
            shutil.copy(self.out / "printed.pdf", keep)
            return keep
        found = [p for p in self.out.glob("*.pdf") if re.search(rf"job_{number}(?!\d)", p.name)]
        if not found:
            raise FileNotFoundError(f"no PDF for job {job} in {sorted(p.name for p in self.out.iterdir())}: {self.log()[-3000:]}")
        return found[0]

    def clear(self) -> None:
        for p in self.out.glob("*.pdf"):
            p.unlink()
