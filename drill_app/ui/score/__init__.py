"""The score screen and the documents printed from it."""
