"""The plan browser: the emergency plan shown section by section."""
