"""Hypothesis entry point: registers podnotes' strategies for ``st.from_type``.

Hypothesis imports this module and calls :func:`_hypothesis_setup_hook` when it is
itself imported, if podnotes is installed (see ``[project.entry-points.hypothesis]``).
Nothing here imports Hypothesis at module level, and each strategy is built only when
``st.from_type`` first asks for it.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register a strategy for each podnotes model type.

    Example:
        >>> from hypothesis import strategies as st
        >>> from podnotes import Chapter
        >>> _hypothesis_setup_hook()  # Hypothesis has called it already; again is harmless
        >>> isinstance(st.from_type(Chapter).example(), Chapter)  # doctest: +SKIP
        True
    """
    from hypothesis import strategies as st  # noqa: PLC0415 - only when Hypothesis asks

    from podnotes import model, timestamps  # noqa: PLC0415 - keep import of podnotes light
    from podnotes import strategies as pst  # noqa: PLC0415

    st.register_type_strategy(timestamps.Timestamp, lambda _t: pst.timestamps())
    st.register_type_strategy(model.Chapter, lambda _t: pst.chapters())
    st.register_type_strategy(
        model.Highlight,
        lambda _t: pst.highlight_lists(min_size=1, max_size=1).map(lambda found: found[0]),
    )
    st.register_type_strategy(
        model.SpeakerTurn,
        lambda _t: pst.speaker_turn_lists(min_size=1, max_size=1, cues=True).map(
            lambda found: found[0]
        ),
    )
    st.register_type_strategy(model.Episode, lambda _t: pst.episodes())
