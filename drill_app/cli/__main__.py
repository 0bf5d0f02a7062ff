"""`python -m drill_app.cli`."""

from drill_app.cli.main import main

raise SystemExit(main())
