"""drill-app: run and score emergency drills against a district gas emergency plan."""

# The one place the version is written: pyproject.toml reads it (dynamic version), and
# --version, the About dialog, the PyInstaller bundle and the packages all come from it.
__version__ = "0.1.0"
