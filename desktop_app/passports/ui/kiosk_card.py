"""The kiosk's card screen: the resident's masked name, stamps, level and next milestone, what the scan
did (stamped, already stamped, refused), and buttons for today's activities and patrols."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.i18n import join
from desktop_app.passports import codes
from desktop_app.passports.kiosk import CardView, KioskScan
from desktop_app.passports.ui.kiosk_widgets import message_label, set_tone

MAX_CHOICES = 6  # more activities than this in one day: the desk stamps them


class KioskCard(QWidget):
    """One scanned card. The kiosk window reacts to the taps: ``activity_chosen(activity id)`` and
    ``patrol_chosen(shift id, check out)``; its Done button returns to the welcome screen."""

    activity_chosen = Signal(int)
    patrol_chosen = Signal(int, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        page = self
        self.avatar = QLabel("", page)
        self.avatar.setObjectName("avatar")
        self.avatar.setFixedSize(120, 120)
        self.avatar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel("", page)
        self.name_label.setObjectName("name")
        self.number_label = QLabel("", page)
        self.number_label.setObjectName("number")
        who = QVBoxLayout()
        who.addWidget(self.name_label)
        who.addWidget(self.number_label)
        head = QHBoxLayout()
        head.addWidget(self.avatar)
        head.addSpacing(24)
        head.addLayout(who, 1)

        self.message = message_label(page)
        figures = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, text in (("balance", self.tr("Stamps to spend")), ("month", self.tr("This month")),
                          ("level", self.tr("Level"))):
            box = QVBoxLayout()
            value = QLabel("", page)
            value.setObjectName("figure")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(text, page)
            caption.setObjectName("figureLabel")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(value)
            box.addWidget(caption)
            figures.addLayout(box, 1)
            self.figures[key] = value
        self.milestone = QLabel("", page)
        self.milestone.setObjectName("milestone")
        self.milestone.setWordWrap(True)
        self.milestone.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.choices = QGridLayout()
        self.choices.setSpacing(14)
        self.choice_buttons: list[QPushButton] = []
        self.done_button = QPushButton(self.tr("Done"), page)
        self.done_button.setObjectName("primary")
        self.done_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.done_button.setMinimumSize(240, 84)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.done_button)

        lay = QVBoxLayout(page)
        lay.addLayout(head)
        lay.addSpacing(10)
        lay.addWidget(self.message)
        lay.addSpacing(10)
        lay.addLayout(figures)
        lay.addWidget(self.milestone)
        lay.addSpacing(10)
        lay.addLayout(self.choices)
        lay.addStretch(1)
        lay.addLayout(bottom)

    def show_scan(self, scan: KioskScan) -> None:
        card = scan.card
        self.avatar.setText(card.initial or "?")
        self.name_label.setText(card.masked_name)
        self.number_label.setText(self.tr("Passport {number}").format(number=codes.display(card.number)))
        self.figures["balance"].setText(str(card.balance))
        self.figures["month"].setText(str(card.month_stamps))
        self.figures["level"].setText(card.level or self.tr("—"))
        if card.next_level:
            self.milestone.setText(
                self.tr("{n} more stamps to become {level}.").format(n=card.to_next, level=card.next_level)
            )
        else:
            self.milestone.setText(self.tr("You have reached the top level. Thank you!"))
        if scan.refusal is not None:
            set_tone(self.message, scan.refusal.text(), "error")
        elif scan.result is not None and scan.result.already:
            set_tone(self.message, self.tr("Already stamped today for {activity}; a stamp is given once a day.")
                      .format(activity=scan.result.activity_name), "info")
        elif scan.result is not None:
            text = (self.tr("Stamped! 1 stamp for {activity}.") if scan.result.awarded == 1
                    else self.tr("Stamped! {n} stamps for {activity}.")).format(n=scan.result.awarded,
                                                                              activity=scan.result.activity_name)
            if scan.result.new_honours:
                text += " " + self.tr("Congratulations, you are now {level}!").format(level=join(scan.result.new_honours))
            set_tone(self.message, text, "ok")
        elif not card.today:
            set_tone(self.message, self.tr("No activity to check in to today."), "info")
        else:
            set_tone(self.message, self.tr("Which activity are you here for? Tap it."), "info")
        self._set_choices(card if scan.result is None and scan.refusal is None else None, scan.patrols)

    def show_offline(self, number: str, todays: list[tuple[int, str, int]], message: str, tone: str) -> None:
        """The card while the server is unreachable: the number, no figures (they are on the server), and
        today's activities to tap when there are several (``todays``: id, name, stamps)."""
        self.avatar.setText("?")
        self.name_label.setText("")
        self.number_label.setText(self.tr("Passport {number}").format(number=codes.display(number)))
        for value in self.figures.values():
            value.setText(self.tr("—"))
        self.milestone.setText("")
        set_tone(self.message, message, tone)
        card = CardView(0, "", "", "", number, 0, 0, 0, "", "", 0, tuple((a, n, k, False) for a, n, k in todays))
        self._set_choices(card if todays else None)

    def _set_choices(self, card: CardView | None, patrols=()) -> None:
        for btn in self.choice_buttons:
            self.choices.removeWidget(btn)
            btn.hide()  # gone from the screen now, deleted when the event loop gets to it
            btn.deleteLater()
        self.choice_buttons = []
        slot_no = 0
        for p in patrols:
            if p.checked_out:
                continue
            label = self.tr("Patrol check-out: {team}, {start}–{end}") if p.checked_in else self.tr(
                "Patrol check-in: {team}, {start}–{end}")
            btn = QPushButton(label.format(team=p.team, start=p.starts_at.strftime("%H:%M"), end=p.ends_at.strftime("%H:%M")),
                              self)
            btn.setObjectName("patrol")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumSize(160, 84)
            btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            btn.clicked.connect(lambda _=False, sid=p.shift_id, out=p.checked_in: self.patrol_chosen.emit(sid, out))
            self.choices.addWidget(btn, slot_no // 2, slot_no % 2)
            self.choice_buttons.append(btn)
            slot_no += 1
        if card is None:
            return
        for i, (activity_id, name, stamps, done) in enumerate(card.today[:MAX_CHOICES], start=slot_no):
            btn = QPushButton((self.tr("{name} (1 stamp)") if stamps == 1 else self.tr("{name} ({n} stamps)"))
                              .format(name=name, n=stamps), self)
            btn.setObjectName("choice")
            btn.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            btn.setMinimumSize(160, 84)
            btn.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            btn.setEnabled(not done)
            btn.clicked.connect(lambda _=False, a=activity_id: self.activity_chosen.emit(a))
            self.choices.addWidget(btn, i // 2, i % 2)
            self.choice_buttons.append(btn)
