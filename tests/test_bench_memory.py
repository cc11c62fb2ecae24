"""The benchmark's peak memory (bench/memory.py) counts the worker processes a build starts."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.memory import descendants, pss_mb
from bench.run import run_measured

# A build stand-in: two forked workers, each touching 100 MB of its own, alive together.
WORKERS = """
import multiprocessing, time
def work(n):
    block = bytearray(100 * 1024 * 1024)
    for i in range(0, len(block), 4096):
        block[i] = 1
    time.sleep(1.5)
if __name__ == "__main__":
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(work, [1, 2])
"""

pytestmark = pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(),
                                reason="needs Linux /proc")


def test_the_descendants_of_a_process_include_its_grandchildren() -> None:
    parent = subprocess.Popen([sys.executable, "-c",
                               "import subprocess; subprocess.run(['sleep', '5'])"])
    try:
        deadline = time.monotonic() + 10
        while len(found := descendants(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert found[0] == parent.pid and len(found) == 2
        assert pss_mb(found) > 0
    finally:
        parent.kill()
        parent.wait()


def test_peak_memory_is_the_sum_over_the_workers_not_the_largest_one(tmp_path: Path) -> None:
    (tmp_path / "workers.py").write_text(WORKERS, encoding="utf-8")
    _, peak = run_measured([sys.executable, "workers.py"], tmp_path)
    assert peak > 200  # each worker alone is about 110 MB
