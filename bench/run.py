"""`make bench`: build one synthetic corpus with each tool and print the figures of issue 14.

    python -m bench.run                  # 1,000, 5,000 and 10,000 articles; + 2,000 procedures
                                         # at 5,000; preview latency there
    python -m bench.run --quick          # 250 and 500 articles, + 100 procedures at 500: to try
                                         # the bench itself in a few minutes
    python -m bench.run --readme         # run, then write the figures into README.md
    python -m bench.run --from bench/out/last-run.json --readme   # the last run, not a new one
    python -m bench.run --sizes 1000 --only "cchc (ours)"

Per tool and size: user CPU (the fair figure on a shared machine) and wall time of a cold
build, peak memory (the build and its worker processes: memory.py), pages, the largest page and the
average article page. For ours, warm rebuilds (a second `mkdocs build` with `.cache/` kept,
after one article, one procedure or one data file changed); on the run with procedures, the
preview latency in Chromium (bench/preview.py); on ours, the search figures (bench/search.py).
Then the ratios issue 14 sets as targets, each «met» or «NOT met». Every run is saved to
bench/out/last-run.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from generators.vietnamese.text import slugify

from .builders import BUILDERS, PROCEDURES, ours_with_procedures
from .corpus import corpus
from .edits import Change, article_change, data_change, procedure_change
from .memory import PeakSampler
from .report import BLOG, OURS, OURS_PLUS, Result, Timing, load, replace_block, report, save

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LAST_RUN = ROOT / "bench" / "out" / "last-run.json"
SIZES = [1000, 5000, 10000]
PLUS_SIZES = [5000]
BLOG_MAX = 5000
QUICK_SIZES, QUICK_PLUS, QUICK_PROCEDURES = [250, 500], [500], 100
BLOG_SKIPPED = ("not run: above {max:,} articles Material's blog plugin takes many minutes (its "
                "time grows faster than the article count: 14 s of user CPU at 1,000 and 195 s "
                "at 5,000 in issue 14)")


# The builds' clock: 01/01/2029, after the last synthetic article (10,000 articles, seven hours
# apart from 2020, reach the end of 2027). With an earlier clock ours leaves the later ones
# out as scheduled, and a 10,000-article run would build fewer pages than Pelican's.
BUILD_EPOCH = "1861920000"


def run_measured(command: list[str], cwd: Path) -> tuple[Timing, float]:
    """User CPU and wall seconds, and peak memory (MB), of `command`; raises if it fails. User
    CPU counts the worker processes the build waited for; peak memory is the larger of the
    biggest single process and the sampled sum over the build and its workers (memory.py)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    log = cwd / "build.log"
    with log.open("wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output,
                                   stderr=subprocess.STDOUT)
        sampler = PeakSampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampled = sampler.stop()
        process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if process.returncode != 0:
        raise RuntimeError(f"{command[0]} failed in {cwd}:\n{log.read_text()[-3000:]}")
    return Timing(user=usage.ru_utime, wall=seconds), max(usage.ru_maxrss / 1024, sampled)


def output_figures(out: Path) -> dict[str, object]:
    files = [p for p in out.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    articles = [p.stat().st_size for p in pages if "bai-viet-so-" in p.parent.name]
    largest = max(pages, key=lambda p: p.stat().st_size, default=None)
    return {
        "pages": len(pages),
        "output_mb": sum(p.stat().st_size for p in files) / 1e6,
        "article_kb": (sum(articles) / len(articles) / 1024) if articles else 0.0,
        "largest_kb": largest.stat().st_size / 1024 if largest else 0.0,
        "largest_page": largest.parent.relative_to(out).as_posix() + "/" if largest else "",
    }


def changes(tool: str, folder: Path) -> list[Change]:
    """The changes of the warm runs and the preview: a procedure only where there are many."""
    found = [article_change(folder)]
    if tool == OURS_PLUS:
        found.append(procedure_change(folder))
    return [*found, data_change()]


def measure(tool: str, size: int, workdir: Path, *, procedures: int, preview: bool,
            preview_timeout: float, search: bool) -> Result:
    folder = workdir / f"{slugify(tool)}-{size}"
    folder.mkdir(parents=True)
    articles = corpus(size)
    if tool == OURS_PLUS:
        command = ours_with_procedures(folder, articles, procedures)
    else:
        command = BUILDERS[tool](folder, articles)
    cold, peak = run_measured(command, folder)
    figures = output_figures(folder / "out")
    found: dict[str, object] = {}
    if search:
        from .search import measure_search

        found["search"] = asdict(measure_search(folder / "out"))
    warm: dict[str, Timing] = {}
    latencies: dict[str, float | None] = {}
    if tool in (OURS, OURS_PLUS):  # `.cache/` is warm now, as on an editor's machine
        for change in changes(tool, folder):
            change.apply(folder / change.file, f"warm-{change.kind}")
            warm[change.kind] = run_measured(command, folder)[0]
            print(f"  warm, one {change.kind} changed: {warm[change.kind].user:.1f} s user CPU, "
                  f"{warm[change.kind].wall:.1f} s wall", flush=True)
        if preview:
            from playwright.sync_api import Error as PlaywrightError

            from .preview import PreviewFailed, measure_preview

            try:
                latencies = measure_preview(folder, changes(tool, folder), preview_timeout)
            except (PreviewFailed, PlaywrightError) as exc:
                found["note"] = f"preview not measured: {str(exc).splitlines()[0]}"
                print(f"  {found['note']}", flush=True)
            else:
                print("  preview: " + ", ".join(
                    f"{kind} {'> timeout' if s is None else f'{s:.1f} s'}"
                    for kind, s in latencies.items()), flush=True)
    return Result(tool=tool, size=size, procedures=procedures if tool == OURS_PLUS else 0,
                  cold=cold, warm=warm, preview=latencies,
                  preview_timeout=preview_timeout if latencies else 0.0, peak_mb=peak,
                  **figures, **found)  # type: ignore[arg-type]


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory = next(line for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal"))
        gigabytes = f", {int(memory.split()[1]) / 1024 / 1024:.0f} GB of memory"
    except (OSError, StopIteration):
        gigabytes = ""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (f"{os.cpu_count()} cores ({model}){gigabytes}, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}; load average "
            f"{load:.1f} when the run started")


def header(argv: list[str]) -> str:
    today = dt.date.today().strftime("%d/%m/%Y")
    command = shlex.join(["python", "-m", "bench.run", *argv])
    return f"Figures of {today} on {machine()}; command: `{command}`."


def write_readme(block: str) -> None:
    text = README.read_text(encoding="utf-8")
    README.write_text(replace_block(text, block), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", help=f"articles (default {SIZES})")
    parser.add_argument("--plus-sizes", type=int, nargs="*",
                        help=f"sizes with procedures on top (default {PLUS_SIZES})")
    parser.add_argument("--procedures", type=int, help=f"default {PROCEDURES:,}")
    parser.add_argument("--blog-max", type=int, default=BLOG_MAX,
                        help="largest size the blog plugin builds (default %(default)s)")
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_SIZES} articles, + {QUICK_PROCEDURES} procedures at "
                        f"{QUICK_PLUS}: to try the bench itself")
    parser.add_argument("--only", action="append", choices=list(BUILDERS))
    parser.add_argument("--no-preview", action="store_true")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--preview-timeout", type=float, default=180.0)
    parser.add_argument("--keep", action="store_true", help="keep the build folders in bench/out")
    parser.add_argument("--readme", action="store_true",
                        help="write the figures into README.md, between its bench markers")
    parser.add_argument("--from", dest="source", type=Path,
                        help="print (and with --readme write) a saved run instead of running")
    args = parser.parse_args(argv)
    if args.readme and args.quick:
        parser.error("--readme with --quick: the README keeps the figures of a full run")
    if args.source:
        results, head, quick = load(args.source)
        if args.readme and quick:
            parser.error(f"--readme: {args.source} is a --quick run; the README keeps the "
                         "figures of a full run")
    else:
        head = header(argv)
        results = run(args, head)
    text = report(results, head)
    print()
    print(text)
    if args.readme:
        write_readme(text)
        print(f"\nREADME.md: the figures between the bench markers are rewritten ({README}).")
    return 0


def run(args: argparse.Namespace, head: str) -> list[Result]:
    sizes = args.sizes or (QUICK_SIZES if args.quick else SIZES)
    plus_sizes = args.plus_sizes if args.plus_sizes is not None else (
        QUICK_PLUS if args.quick else PLUS_SIZES)
    procedures = args.procedures or (QUICK_PROCEDURES if args.quick else PROCEDURES)
    tools = args.only or list(BUILDERS)
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        workdir = Path(tmp)
        for size in sizes:
            for tool in tools:
                if tool == OURS_PLUS and size not in plus_sizes:
                    continue
                if tool == BLOG and size > args.blog_max:
                    results.append(Result(tool=tool, size=size,
                                          skipped=BLOG_SKIPPED.format(max=args.blog_max)))
                    continue
                print(f"… {tool}: {size:,} articles"
                      + (f" + {procedures:,} procedures" if tool == OURS_PLUS else ""), flush=True)
                try:
                    result = measure(tool, size, workdir, procedures=procedures,
                                     preview=tool == OURS_PLUS and not args.no_preview,
                                     preview_timeout=args.preview_timeout,
                                     search=tool == OURS and not args.no_search)
                except RuntimeError as exc:  # a failed build: said, and the other tools go on
                    print(f"  FAILED: {exc}", flush=True)
                    result = Result(tool=tool, size=size, skipped="the build failed: "
                                    + str(exc).splitlines()[0])
                results.append(result)
                save(results, LAST_RUN, head, quick=args.quick)  # a run cut short keeps these
                if result.cold:
                    print(f"  {result.cold.user:.1f} s user CPU, {result.cold.wall:.1f} s wall",
                          flush=True)
        if args.keep:
            kept = ROOT / "bench" / "out"
            kept.mkdir(parents=True, exist_ok=True)
            for child in workdir.iterdir():
                child.rename(kept / child.name)
    return results


if __name__ == "__main__":
    raise SystemExit(main())
