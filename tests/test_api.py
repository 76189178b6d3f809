"""The public API: everything in kg.__all__ exists, and nothing private leaks into it."""

from __future__ import annotations

import kg


def test_all_names_exist():
    for name in kg.__all__:
        assert hasattr(kg, name), name


def test_all_is_sorted_and_public():
    assert list(kg.__all__) == sorted(kg.__all__)
    assert not [name for name in kg.__all__ if name.startswith("_")]
