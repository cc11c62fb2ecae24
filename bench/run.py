"""`make bench`: build one synthetic corpus with each tool and print the figures.

    python -m bench.run                      # 1,000 and 5,000 articles, every tool
    python -m bench.run --sizes 1000 --only "cchc (ours)"

User CPU time (the fair figure on a shared machine), wall time, pages per second, peak memory
(resident set of the build process), output size and average article page size; then the
ratios the issues set as targets (ours against Pelican, Hugo and Material's blog, on user CPU).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from generators.vietnamese.text import slugify

from .builders import BUILDERS
from .corpus import corpus
from .search import FIRST, SECOND, SearchFigures, measure_search

OURS = "cchc (ours)"
OURS_PLUS = "cchc (ours) + 2,000 thủ tục"
BLOG = "material-blog"
PELICAN = "pelican"
HUGO = "hugo"


@dataclass(frozen=True)
class Result:
    tool: str
    size: int
    seconds: float
    user: float  # user CPU seconds of the build process
    warm: float | None  # ours: user CPU of a second build with one article changed
    peak_mb: float
    pages: int
    output_mb: float
    article_kb: float
    largest_kb: float
    search_mb: float

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds else 0.0


def run_measured(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, user CPU seconds and peak resident memory (MB) of `command`; raises if it
    fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767200000"}
    log = cwd / "build.log"
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output,
                                   stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{command[0]} failed in {cwd}:\n{log.read_text()[-3000:]}")
    return seconds, usage.ru_utime, usage.ru_maxrss / 1024


def measure(tool: str, size: int, workdir: Path) -> Result:
    folder = workdir / f"{slugify(tool)}-{size}"
    folder.mkdir(parents=True)
    command = BUILDERS[tool](folder, corpus(size))
    seconds, user, peak = run_measured(command, folder)
    warm = None
    if tool.startswith(OURS):  # the build cache (.cache/) is warm now: change one article
        first = min((folder / "content" / "tin-tuc").rglob("bai-viet-so-*.md"))
        first.write_text(first.read_text(encoding="utf-8") + "\nMột câu vừa sửa.\n",
                         encoding="utf-8")
        warm = run_measured(command, folder)[1]
    out = folder / "out"
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    articles = [p.stat().st_size for p in pages if "bai-viet-so-" in p.parent.name]
    search = sum(p.stat().st_size for p in files if p.name == "search_index.json")
    return Result(
        tool=tool, size=size, seconds=seconds, user=user, warm=warm, peak_mb=peak, pages=len(pages),
        output_mb=sum(p.stat().st_size for p in files) / 1e6,
        article_kb=(sum(articles) / len(articles) / 1024) if articles else 0.0,
        largest_kb=max((p.stat().st_size for p in pages), default=0) / 1024,
        search_mb=search / 1e6,
    )


def table(results: list[Result]) -> str:
    lines = [
        "| tool | articles | user CPU (s) | warm, 1 changed (s) | wall (s) | pages | pages/s "
        "| peak memory (MB) | output (MB) | article page (KB) | largest page (KB) "
        "| search index (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.tool} | {r.size:,} | {r.user:.1f} | "
            f"{'' if r.warm is None else f'{r.warm:.1f}'} | {r.seconds:.1f} | {r.pages:,} "
            f"| {r.pages_per_second:.0f} "
            f"| {r.peak_mb:.0f} | {r.output_mb:.1f} | {r.article_kb:.1f} | {r.largest_kb:.0f} "
            f"| {r.search_mb:.1f} |"
        )
    return "\n".join(lines)


def ratios(results: list[Result]) -> list[str]:
    by = {(r.tool, r.size): r for r in results}
    notes = []
    sizes = sorted({r.size for r in results})
    for size in sizes:
        ours = by.get((OURS, size))
        for other, target in ((PELICAN, "target ≤ 1.0"), (HUGO, "target ≤ 4"), (BLOG, "")):
            theirs = by.get((other, size))
            if ours and theirs:
                notes.append(f"{size:,} articles, user CPU: ours / {other} = "
                             f"{ours.user / theirs.user:.2f}×" + (f" ({target})" if target else ""))
    if len(sizes) >= 2 and (OURS, sizes[0]) in by and (OURS, sizes[-1]) in by:
        small, large = by[(OURS, sizes[0])], by[(OURS, sizes[-1])]
        notes.append(f"ours {sizes[-1]:,} / {sizes[0]:,} = {large.user / small.user:.2f}× "
                     f"user CPU for {sizes[-1] / sizes[0]:.0f}× articles")
    for r in results:
        if r.tool == OURS:
            verdict = "under" if r.article_kb < 20 else "OVER"
            notes.append(f"ours at {r.size:,}: article pages {r.article_kb:.1f} KB ({verdict} "
                         "the 20 KB target)")
        if r.tool == OURS_PLUS:
            verdict = "under" if r.largest_kb <= 300 else "OVER"
            notes.append(f"ours at {r.size:,} + 2,000 procedures: largest page "
                         f"{r.largest_kb:.0f} KB ({verdict} the 300 KB limit)")
    return notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--only", action="append", choices=list(BUILDERS))
    parser.add_argument("--keep", action="store_true", help="keep the build folders")
    args = parser.parse_args(argv)
    tools = args.only or list(BUILDERS)
    results = []
    searches: list[tuple[int, SearchFigures]] = []
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        workdir = Path(tmp)
        for size in args.sizes:
            for tool in tools:
                print(f"… {tool}: {size:,} articles", flush=True)
                results.append(measure(tool, size, workdir))
                print(f"  {results[-1].user:.1f} s user CPU, {results[-1].seconds:.1f} s wall",
                      flush=True)
                if tool == OURS:
                    out = workdir / f"{slugify(tool)}-{size}" / "out"
                    searches.append((size, measure_search(out)))
        if args.keep:
            kept = Path("bench/out")
            kept.mkdir(parents=True, exist_ok=True)
            for child in workdir.iterdir():
                child.rename(kept / child.name)
    print()
    print(table(results))
    print()
    for note in ratios(results):
        print(f"- {note}")
    if searches:
        print()
        print("| search (ours) | index on disk (MB) | index files | first query (KB) "
              "| second query (KB) | first query results |")
        print("|---|---:|---:|---:|---:|---:|")
        for size, s in searches:
            print(f"| {size:,} articles | {s.index_mb:.1f} | {s.index_files:,} | "
                  f"{s.first_kb:.0f} | {s.second_kb:.0f} | {s.first_results} |")
        print(f"\nFirst query «{FIRST}», second «{SECOND}»; target: at most 100 KB for a first "
              "query.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
