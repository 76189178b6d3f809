"""README.md documents every command, and its first screen has the two promised commands."""

from __future__ import annotations

from pathlib import Path

from kg.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in main.commands if f"kg {name}" not in README]
    assert not missing, f"README.md does not show: {missing}"


def test_first_screen_has_the_install_and_test_commands():
    first_screen = "\n".join(README.splitlines()[:20])
    assert "pip install . && kg build examples/articles -o out" in first_screen
    assert "pip install -e '.[test]' && pytest" in first_screen
