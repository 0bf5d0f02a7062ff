"""The `drill-app` command line: `drill_app.cli:main` is the console-script entry."""

from drill_app.cli.main import main

__all__ = ["main"]
