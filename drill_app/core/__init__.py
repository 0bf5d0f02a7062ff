"""The pure core: plan and scenario models, rules, clock, events, scoring.

Nothing here imports Qt, SQLAlchemy or any outer layer of drill_app.
"""
