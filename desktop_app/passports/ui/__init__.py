"""The passports feature's Qt widgets: the desk page and its tabs, the kiosk, the smile wall."""
