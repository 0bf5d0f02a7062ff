"""The evaluators' screens: marking expected actions and recording findings."""
