"""drill-app: run and score emergency drills against a district gas emergency plan."""

__version__ = "0.1.0"
