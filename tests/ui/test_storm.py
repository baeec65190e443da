"""The walks' guard against endless event loops (tests/ui/storm.py) catches one and names its widget."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from tests.ui.storm import Storm


class Restless(QLabel):
    """Each show of the label asks, on the next turn, for the label to hide, and each hide for a show."""

    def __init__(self) -> None:
        super().__init__("不停")
        self.setObjectName("restless")

    def showEvent(self, event) -> None:  # noqa: N802
        QTimer.singleShot(0, self, self.hide)

    def hideEvent(self, event) -> None:  # noqa: N802
        QTimer.singleShot(0, self, self.show)


def test_an_endless_loop_fails_with_the_widget_named_and_ends(qtbot):
    label = Restless()
    qtbot.addWidget(label)
    with Storm(limit=2_000) as storm:  # a real loop passes the default limit within a second or two
        label.show()
        qtbot.wait(200)  # returns: the loop's events are swallowed once found
    assert storm.found and "restless" in storm.found[0], storm.count
    try:
        storm.check("a restless label")
    except AssertionError as e:
        assert "never rested" in str(e)
    else:
        raise AssertionError("check() passed a loop")


def test_a_quiet_settle_passes(qtbot):
    label = QLabel("安静")
    qtbot.addWidget(label)
    with Storm(limit=2_000) as storm:
        label.show()
        qtbot.wait(50)
    storm.check("a quiet label")
    assert storm.count > 0
