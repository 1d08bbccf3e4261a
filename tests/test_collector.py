"""The collector pause that the whole-text parsers run under (podnotes._collector)."""

from __future__ import annotations

import gc

import pytest

import podnotes
from podnotes._collector import collector_paused


def _many_containers() -> list[list[int]]:
    """More new tracked objects than the collector's first threshold."""
    return [[index] for index in range(gc.get_threshold()[0] * 2)]


def test_the_young_collection_that_is_due_runs_before_the_collector_restarts() -> None:
    gc.collect()
    with collector_paused():
        assert not gc.isenabled()
        kept = _many_containers()
        assert gc.get_count()[0] > gc.get_threshold()[0]
    assert gc.isenabled()
    assert gc.get_count()[0] < gc.get_threshold()[0]  # collected here, not by the next caller
    assert len(kept) == gc.get_threshold()[0] * 2


def test_a_block_that_raises_still_restarts_the_collector() -> None:
    gc.collect()
    kept: list[list[int]] = []

    def fail_while_paused() -> None:
        with collector_paused():
            kept.extend(_many_containers())
            raise RuntimeError("boom")  # noqa: EM101

    with pytest.raises(RuntimeError, match="boom"):
        fail_while_paused()
    assert gc.isenabled()
    assert kept


def test_a_collector_turned_off_by_someone_else_stays_off_and_collects_nothing() -> None:
    gc.collect()
    gc.disable()
    try:
        with collector_paused():
            kept = _many_containers()
        assert not gc.isenabled()
        assert gc.get_count()[0] > gc.get_threshold()[0]
        assert podnotes.parse("Ann: Hi.\nBob: Hello.").ok
        assert not gc.isenabled()
        assert kept
    finally:
        gc.enable()


def test_a_long_page_leaves_no_collection_due_behind() -> None:
    page = "Transcript\n\n" + "\n".join(f"Ann: Line {n}.\nBob: Reply {n}." for n in range(2_000))
    gc.collect()
    episode = podnotes.parse(page).value
    assert len(episode.transcript) == 4_000
    assert gc.isenabled()
    assert gc.get_count()[0] < gc.get_threshold()[0]
