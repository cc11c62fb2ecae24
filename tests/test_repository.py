"""The repository holds sources only: working files (screenshots, logs, PDFs) never belong in it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Pictures and documents may live only where a build or a test reads them.
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf", ".docx", ".xlsx", ".log"}
BINARY_HOMES = ("content/", "templates/", "tests/fixtures/")


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git working copy")
    result = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def test_pictures_and_documents_are_tracked_only_where_the_build_reads_them() -> None:
    misplaced = [
        path for path in tracked_files()
        if Path(path).suffix.lower() in BINARY_SUFFIXES and not path.startswith(BINARY_HOMES)
    ]
    assert misplaced == [], f"working files in the repository: {misplaced}"
