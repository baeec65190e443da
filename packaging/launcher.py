"""Entry script of the frozen app (PyInstaller): the same ``smiledesk`` command as the pip install."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
