"""Shared fixtures: one Kiwi per test session (building one takes about two seconds)."""

from __future__ import annotations

import pytest

from kg.pipeline import Resources, load_resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The gazetteer, analyser and cue lexicon, loaded once for all tests."""
    return load_resources()
