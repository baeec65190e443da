"""The certificates page in the main window (证书)."""

from desktop_app.certificates.permissions import VIEW_CERTIFICATES
from desktop_app.core.i18n import QT_TRANSLATE_NOOP
from desktop_app.ui.feature import Feature


def _page(ctx):
    from desktop_app.certificates.ui.page import CertificatesPage

    return CertificatesPage(ctx)


FEATURE = Feature("certificates", QT_TRANSLATE_NOOP("Navigation", "Certificates"), _page, VIEW_CERTIFICATES, "Ctrl+6")
