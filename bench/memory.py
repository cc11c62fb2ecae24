"""Peak memory of a build and of the worker processes it starts, sampled from /proc (Linux).

`ru_maxrss` of a build is the largest single process: a build that spreads its work over worker
processes would look lighter than it is. So while a build runs, a thread sums the proportional
set size (Pss: shared pages divided among the processes sharing them, so forked workers are not
counted twice) of the build and its descendants a few times a second; the figure reported is
the larger of that peak and `ru_maxrss`.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

INTERVAL = 0.25  # seconds between two samples


def descendants(root: int) -> list[int]:
    """`root` and every process below it, from the parent ids in /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        parent = int(stat.rsplit(")", 1)[1].split()[1])  # the name may hold spaces or ")"
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])  # kB
                        break
        except (OSError, ValueError):
            continue
    return total / 1024


class PeakSampler(threading.Thread):
    """Samples the memory of `pid` and its descendants until `stop()`; `peak_mb` the largest."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_mb = 0.0
        self._stopped = threading.Event()
        self.available = Path("/proc/self/smaps_rollup").exists()

    def run(self) -> None:
        while self.available and not self._stopped.wait(INTERVAL):
            self.peak_mb = max(self.peak_mb, pss_mb(descendants(self.pid)))

    def stop(self) -> float:
        self._stopped.set()
        self.join()
        return self.peak_mb
