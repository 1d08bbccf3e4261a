"""Hypothesis entry point: registers podnotes' strategies for ``st.from_type``.

Hypothesis imports this module and calls :func:`_hypothesis_setup_hook` when it is
itself imported, if podnotes is installed (see ``[project.entry-points.hypothesis]``).
"""


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each podnotes model type (filled in with the strategies)."""
