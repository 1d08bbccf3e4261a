"""Shared test set-up: Hypothesis profiles and the path to the shared example pages."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# "dev" keeps the edit-test loop quick; "ci" digs deeper and never fails on slow machines.
settings.register_profile("dev", max_examples=100)
settings.register_profile(
    "ci",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: The hand-checked example pages; CI always has them beside the checkout.
#: PODNOTES_EXAMPLES overrides the place (the wheel check runs the tests from elsewhere).
EXAMPLES = Path(
    os.environ.get("PODNOTES_EXAMPLES")
    or Path(__file__).resolve().parents[2] / "shared" / "examples"
)
