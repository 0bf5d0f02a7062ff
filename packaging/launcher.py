"""Entry point of the frozen application: the same `drill-app` command as the install."""

from __future__ import annotations

import sys

from drill_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
