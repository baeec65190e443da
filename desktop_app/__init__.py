"""SmileDesk (微笑驿站): the desk software of a community service station."""

__version__ = "0.1.0"
APP_NAME = "SmileDesk"
