"""Where an inject comes from: the simulated sources a scenario may name.

Its own module so that both the scenario format and the event payloads use it without
importing each other.
"""

from __future__ import annotations

from typing import Literal

Source = Literal[
    "hotline_12345",
    "police_110",
    "fire_119",
    "scada",
    "gas_company",
    "district_government",
    "city_hq",
    "upstream_supplier",
    "media",
    "public",
    "controller",
]
