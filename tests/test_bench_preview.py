"""The benchmark's preview latency (bench/preview.py) on the demo: `cchc serve`, an open page in
Chromium, a saved file, and the time until the page, reloaded by the preview itself, shows it.

A figure for each kind of change, each saved twice (the bench reports the median of its saves),
proves the measurement ends on the change itself; the latency is only checked to be a real
duration (speed is the bench's business, not a test's).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.edits import article_change, data_change, procedure_change
from bench.preview import measure_preview

from .conftest import copy_project
from .test_preview import ARTICLE, REBUILD

PROCEDURE = Path("data/thu-tuc/cap-giay-phep-xe-tap-lai.yml")


@pytest.mark.browser
def test_preview_latency_is_measured_for_an_article_a_procedure_and_a_data_file(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    changes = [article_change(project, Path(ARTICLE)), procedure_change(project, PROCEDURE),
               data_change()]
    latencies = measure_preview(project, changes, timeout=REBUILD, startup=300, rounds=2)
    assert set(latencies) == {"article", "procedure", "data"}
    for kind, seconds in latencies.items():
        assert seconds is not None, f"{kind}: the open page never showed the change"
        assert 0 < seconds < REBUILD, kind
