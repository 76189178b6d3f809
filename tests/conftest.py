"""Shared fixtures: one analyser per test session (building a Kiwi takes seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import Resources, load_resources

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The gazetteer, analyser and cue lexicon, loaded once."""
    return load_resources()


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout (seeds and evaluation data); skip when absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED
