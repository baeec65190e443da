"""The accounts tab: a recipient's account (balance, ledger), top-ups and corrections at the desk, the
month's statements and subsidy claim, low balances, and the administrator's prices and settings."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.clock import fmt_local
from desktop_app.core.papers import PaperKind
from desktop_app.core.validation import yuan
from desktop_app.meals import papers
from desktop_app.meals import pdf as meals_pdf
from desktop_app.meals.accounts import (
    AccountView,
    account,
    correct_account,
    low_balances,
    resident_account,
    top_up,
)
from desktop_app.meals.labels import LEDGER_LABELS, METHOD_LABELS
from desktop_app.meals.permissions import CORRECT_ACCOUNTS, MANAGE_RATES, PRINT_MONTH, TAKE_PAYMENTS
from desktop_app.meals.ui.common import combo, make_table, open_file, output_dir, set_tone, tm, tone_brushes
from desktop_app.meals.ui.rates_dialog import RatesDialog
from desktop_app.residents.ui import ResidentPicker
from desktop_app.ui import ops
from desktop_app.ui.context import AppContext
from desktop_app.ui.day_watch import follow_today
from desktop_app.ui.messages import show_info
from desktop_app.ui.printing import PrintPreview, open_preview
from desktop_app.ui.widgets import fit_columns, open_single, qdate, read_only_item


class AccountsTab(QWidget):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.recipient_id: int | None = None
        self.recipient_name = ""
        self.last_files: list[Path] = []
        self.last_op = None
        lay = QHBoxLayout(self)
        left = QVBoxLayout()
        lay.addLayout(left, 3)
        self.picker = ResidentPicker(ctx, self)
        self.picker.chosen.connect(lambda row: self.show_resident(row.id))
        left.addWidget(self.picker)
        self.heading = QLabel(self.tr("Find a recipient to see the account."), self)
        self.heading.setObjectName("accountHeading")
        left.addWidget(self.heading)
        self.ledger = make_table(self, [self.tr("Date"), self.tr("Item"), self.tr("Amount"), self.tr("Receipt / note"),
                                        self.tr("Recorded")], "ledger")
        left.addWidget(self.ledger, 1)
        left.addWidget(self._build_top_up())
        left.addWidget(self._build_correction())

        right = QVBoxLayout()
        lay.addLayout(right, 2)
        right.addWidget(self._build_month())
        right.addWidget(QLabel(self.tr("Low balances (active recipients)")))
        self.low = QListWidget(self)
        self.low.setObjectName("lowBalances")
        self.low.itemActivated.connect(lambda item: self.show_recipient(item.data(Qt.ItemDataRole.UserRole)))
        self.low.itemClicked.connect(lambda item: self.show_recipient(item.data(Qt.ItemDataRole.UserRole)))
        right.addWidget(self.low, 1)
        self.refresh_low()

    def _build_top_up(self) -> QGroupBox:
        pay = QGroupBox(self.tr("Top-up"), self)
        pl = QHBoxLayout(pay)
        self.amount = QLineEdit(pay)
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("yuan, e.g. 200"))
        self.method = combo(METHOD_LABELS, pay)
        self.method.setObjectName("method")
        self.receipt = QLineEdit(pay)
        self.receipt.setObjectName("receipt")
        self.receipt.setPlaceholderText(self.tr("receipt number"))
        self.top_up_button = QPushButton(self.tr("Take top-up"), pay)
        self.top_up_button.setObjectName("topUp")
        self.top_up_button.clicked.connect(self.top_up)
        for w in (self.amount, self.method, self.receipt, self.top_up_button):
            pl.addWidget(w)
        pay.setEnabled(self.ctx.can(TAKE_PAYMENTS))
        return pay

    def _build_correction(self) -> QGroupBox:
        fix = QGroupBox(self.tr("Correction (a new entry; nothing is ever changed)"), self)
        fl = QHBoxLayout(fix)
        self.fix_amount = QLineEdit(fix)
        self.fix_amount.setObjectName("fixAmount")
        self.fix_amount.setPlaceholderText(self.tr("± yuan"))
        self.fix_note = QLineEdit(fix)
        self.fix_note.setObjectName("fixNote")
        self.fix_note.setPlaceholderText(self.tr("reason"))
        self.fix_button = QPushButton(self.tr("Add correction"), fix)
        self.fix_button.setObjectName("correct")
        self.fix_button.clicked.connect(self.correct)
        for w in (self.fix_amount, self.fix_note, self.fix_button):
            fl.addWidget(w)
        fix.setEnabled(self.ctx.can(CORRECT_ACCOUNTS))
        return fix

    def _build_month(self) -> QGroupBox:
        month_box = QGroupBox(self.tr("Month"), self)
        ml = QFormLayout(month_box)
        self.month = follow_today(QDateEdit(qdate(date.today().replace(day=1)), month_box), month=True)
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        ml.addRow(self.tr("Month"), self.month)
        self.statement_button = QPushButton(self.tr("Print this recipient's statement…"), month_box)
        self.statement_button.setObjectName("statement")
        self.all_button = QPushButton(self.tr("Print everyone's statements…"), month_box)
        self.all_button.setObjectName("allStatements")
        self.claim_button = QPushButton(self.tr("Print the subsidy claim…"), month_box)
        self.claim_button.setObjectName("claim")
        self.claim_excel_button = QPushButton(self.tr("Claim details (Excel)"), month_box)
        self.claim_excel_button.setObjectName("claimExcel")
        for b in (self.statement_button, self.all_button, self.claim_button, self.claim_excel_button):
            ml.addRow(b)
            b.setEnabled(self.ctx.can(PRINT_MONTH))
        self.rates_button = QPushButton(self.tr("Prices, subsidy tiers and settings…"), month_box)
        self.rates_button.setObjectName("rates")
        self.rates_button.setEnabled(self.ctx.can(MANAGE_RATES))
        self.rates_button.clicked.connect(self.open_rates)
        ml.addRow(self.rates_button)
        self.rates_dialog = None
        self.statement_button.clicked.connect(self.print_statement)
        self.all_button.clicked.connect(self.print_all)
        self.claim_button.clicked.connect(self.print_claim)
        self.claim_excel_button.clicked.connect(self.claim_workbook)
        return month_box

    def open_rates(self) -> None:
        def make() -> RatesDialog:
            dialog = RatesDialog(self.ctx, self)
            dialog.finished.connect(lambda _r: self.refresh_low())
            dialog.open()
            return dialog

        self.rates_dialog = open_single(self, "rates", make)

    def refresh_low(self) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: low_balances(s, actor=actor), self._show_low, latest="low")

    def _show_low(self, rows: list[tuple[int, str, int]]) -> None:
        self.low.clear()
        warn = tone_brushes("warn")[0]
        for rid, name, fen in rows:
            item = QListWidgetItem(f"{name}   {yuan(fen)}")
            item.setData(Qt.ItemDataRole.UserRole, rid)
            if warn is not None:
                item.setForeground(warn)
            self.low.addItem(item)

    def show_resident(self, resident_id: int) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: resident_account(s, actor=actor, resident_id=resident_id),
                  self._show_account, latest="account")

    def show_recipient(self, recipient_id: int) -> None:
        actor = self.ctx.actor
        ops.query(self, self.ctx.engine, lambda s: account(s, actor=actor, recipient_id=recipient_id),
                  self._show_account, latest="account")

    def _show_account(self, view: AccountView | None) -> None:
        if view is None:
            self.recipient_id = None
            set_tone(self.heading, "")
            self.heading.setText(self.tr("Not a meal recipient."))
            self.ledger.setRowCount(0)
            return
        self.recipient_id, self.recipient_name = view.recipient_id, view.name
        set_tone(self.heading, "alert" if view.low else "")
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # the balance in bold; the name escaped (ui.plain_text)
        self.heading.setText(self.tr("{name}: balance <b>{balance}</b> yuan (credit limit {credit})").format(
            name=html.escape(view.name), balance=yuan(view.balance_fen), credit=yuan(view.credit_limit_fen)))
        t = self.ledger
        t.setRowCount(len(view.entries))
        for i, e in enumerate(view.entries):
            extra = " ".join(x for x in (tm(METHOD_LABELS[e.method]) if e.method else "", e.receipt_no, e.note) if x)
            cells = [e.day.isoformat(), tm(LEDGER_LABELS[e.kind]), yuan(e.amount_fen), extra, fmt_local(e.at)]
            for c, text in enumerate(cells):
                t.setItem(i, c, read_only_item(text, align_right=(c == 2)))
        fit_columns(t)

    def _after_entry(self, clear: tuple[QLineEdit, ...]) -> None:
        for box in clear:
            box.clear()
        if self.recipient_id is not None:
            self.show_recipient(self.recipient_id)
        self.refresh_low()

    def top_up(self) -> None:
        rid = self.recipient_id
        if rid is None:
            return
        actor, amount, method, receipt = self.ctx.actor, self.amount.text(), self.method.currentData(), self.receipt.text()
        ops.write(self, self.ctx.engine,
                  lambda s: top_up(s, actor=actor, recipient_id=rid, amount=amount, method=method, receipt_no=receipt),
                  on_done=lambda _e: self._after_entry((self.amount, self.receipt)))

    def correct(self) -> None:
        rid = self.recipient_id
        if rid is None:
            return
        actor, amount, note = self.ctx.actor, self.fix_amount.text(), self.fix_note.text()
        ops.write(self, self.ctx.engine,
                  lambda s: correct_account(s, actor=actor, recipient_id=rid, amount=amount, note=note),
                  on_done=lambda _e: self._after_entry((self.fix_amount, self.fix_note)))

    def _ym(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def print_statement(self) -> PrintPreview | None:
        if self.recipient_id is None:
            return None
        year, month = self._ym()
        rid, engine, actor = self.recipient_id, self.ctx.engine, self.ctx.actor
        name = self.recipient_name or str(rid)
        return open_preview(self, self.ctx, PaperKind.STATEMENT, lambda progress, _skip: papers.one_statement(
            engine, actor=actor, recipient_id=rid, year=year, month=month, progress=progress),
            key=(rid, year, month), save_name=meals_pdf.file_name("statement", f"{year}-{month:02d}", name))

    def print_all(self) -> PrintPreview:
        year, month = self._ym()
        engine, actor = self.ctx.engine, self.ctx.actor
        return open_preview(self, self.ctx, PaperKind.STATEMENT, lambda progress, _skip: papers.all_statements(
            engine, actor=actor, year=year, month=month, progress=progress),
            key=("all", year, month), save_name=meals_pdf.file_name("statements", f"{year}-{month:02d}"))

    def print_claim(self) -> PrintPreview:
        year, month = self._ym()
        engine, actor = self.ctx.engine, self.ctx.actor
        return open_preview(self, self.ctx, PaperKind.CLAIM, lambda progress, _skip: papers.claim(
            engine, actor=actor, year=year, month=month, progress=progress),
            key=(year, month), save_name=meals_pdf.file_name("claim", f"{year}-{month:02d}"))

    def claim_workbook(self) -> None:
        """The claim's per-recipient check list as an Excel workbook in the papers folder."""
        year, month = self._ym()
        engine, actor, folder = self.ctx.engine, self.ctx.actor, output_dir(self.ctx)

        def done(path) -> None:
            self.last_files = [path]
            self.info_box = show_info(self, self.tr("Saved {path}").format(path=path))
            open_file(path)

        self.last_op = ops.run_op(self, lambda progress: papers.claim_workbook(
            engine, actor=actor, year=year, month=month, folder=folder, progress=progress), done,
            title=self.tr("Preparing the subsidy claim"))
