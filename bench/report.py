"""What the benchmark prints: the table, the ratios against the targets of issue 14, and the
block of README.md between two markers that `python -m bench.run --readme` rewrites.

Pure functions over `Result`s (no building, no clock), so they are tested on made-up figures.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

FIRST = "thủ tục cấp đổi giấy phép lái xe"  # the queries bench/search.py types
SECOND = "duong day nong"

OURS = "cchc (ours)"
OURS_PLUS = "cchc (ours) + thủ tục"
PELICAN = "pelican"
HUGO = "hugo"
BLOG = "material-blog"
WARM_KINDS = ("article", "procedure", "data")

BEGIN = "<!-- bench:begin: written by `python -m bench.run --readme`; edit outside the markers -->"
END = "<!-- bench:end -->"

# Targets of issue 14 («Fast builds»).
PELICAN_TARGET = 1.0  # ours / Pelican, user CPU
HUGO_TARGET = 4.0  # ours / Hugo, user CPU
GROWTH_TARGET = 2.0  # ours at 10,000 / ours at 5,000, user CPU
PROCEDURE_MS_TARGET = 2.0  # ms of user CPU a procedure page
MEMORY_TARGET_MB = 600.0  # peak memory of ours at 10,000 articles
WARM_TARGET = 3.0  # s of wall time, a second build after one change
PREVIEW_TARGET = 2.0  # s from saving to the open page showing the change
LARGEST_TARGET_KB = 300.0


@dataclass(frozen=True)
class Timing:
    user: float  # user CPU seconds of the build process (and the children it waited for)
    wall: float


@dataclass(frozen=True)
class Result:
    tool: str
    size: int  # articles
    procedures: int = 0  # synthetic procedures on top (OURS_PLUS only)
    cold: Timing | None = None  # None: not run (see `skipped`)
    warm: dict[str, Timing] = field(default_factory=dict)  # by kind of change, WARM_KINDS
    preview: dict[str, float | None] = field(default_factory=dict)  # s by kind; None: timeout
    preview_timeout: float = 0.0
    peak_mb: float = 0.0
    pages: int = 0
    output_mb: float = 0.0
    article_kb: float = 0.0
    largest_kb: float = 0.0
    largest_page: str = ""
    skipped: str = ""  # why the tool was not run at this size (or why its build failed)
    note: str = ""  # what went wrong in a run that has figures (the preview could not start)
    search: dict[str, float] = field(default_factory=dict)  # bench/search.py, ours only

    @property
    def label(self) -> str:
        if self.tool == OURS_PLUS:
            return f"ours + {self.procedures:,} thủ tục"
        return {OURS: "ours", PELICAN: "Pelican", HUGO: "Hugo",
                BLOG: "Material blog plugin"}.get(self.tool, self.tool)


@dataclass(frozen=True)
class Verdict:
    name: str
    value: str  # the figure as printed
    target: str
    met: bool | None  # None: not measured in this run

    def line(self) -> str:
        state = {True: "met", False: "NOT met", None: "not measured"}[self.met]
        return f"{self.name}: {self.value} (target {self.target}): {state}"


def _n(value: float, digits: int = 1) -> str:
    """A figure as the table prints it: 1,234.5."""
    return f"{value:,.{digits}f}"


def _timing(t: Timing | None) -> str:
    return "" if t is None else f"{_n(t.user)} / {_n(t.wall)}"


def _preview(r: Result) -> str:
    if not r.preview:
        return ""
    return " / ".join(
        "" if kind not in r.preview
        else f"> {r.preview_timeout:.0f}" if r.preview[kind] is None
        else _n(r.preview[kind] or 0.0)
        for kind in WARM_KINDS
    )


def table(results: list[Result]) -> str:
    lines = [
        "| tool | articles | cold user CPU (s) | cold wall (s) "
        "| warm, article (user / wall, s) | warm, procedure (user / wall, s) "
        "| warm, data (user / wall, s) | preview, article / procedure / data (s) "
        "| peak memory (MB) | pages | largest page (KB) | article page (KB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        if r.cold is None:
            lines.append(f"| {r.label} | {r.size:,} | — | — | | | | | — | — | — | — |")
            continue
        lines.append(
            f"| {r.label} | {r.size:,} | {_n(r.cold.user)} | {_n(r.cold.wall)} "
            f"| {_timing(r.warm.get('article'))} | {_timing(r.warm.get('procedure'))} "
            f"| {_timing(r.warm.get('data'))} | {_preview(r)} "
            f"| {_n(r.peak_mb, 0)} | {r.pages:,} | {_n(r.largest_kb, 0)} | {_n(r.article_kb)} |"
        )
    return "\n".join(lines)


def search_table(results: list[Result]) -> str:
    rows = [r for r in results if r.search]
    if not rows:
        return ""
    lines = ["| search (ours) | index on disk (MB) | index files | first query (KB) "
             "| second query (KB) | first query results |",
             "|---|---:|---:|---:|---:|---:|"]
    for r in rows:
        s = r.search
        lines.append(f"| {r.size:,} articles | {s['index_mb']:.1f} | {s['index_files']:,.0f} "
                     f"| {s['first_kb']:.0f} | {s['second_kb']:.0f} "
                     f"| {s['first_results']:.0f} |")
    return "\n".join(lines)


def skipped_notes(results: list[Result]) -> list[str]:
    return [f"{r.label} at {r.size:,} articles: «—», {r.skipped}" for r in results if r.skipped]\
        + [f"{r.label} at {r.size:,} articles: {r.note}" for r in results if r.note]


def _find(results: list[Result], tool: str, size: int) -> Result | None:
    for r in results:
        if r.tool == tool and r.size == size and r.cold is not None:
            return r
    return None


def _ratio(name: str, ours: Result | None, theirs: Result | None, target: float) -> Verdict:
    if ours is None or theirs is None or ours.cold is None or theirs.cold is None:
        return Verdict(name, "—", f"≤ {target:g}", None)
    value = ours.cold.user / theirs.cold.user
    return Verdict(name, f"{value:.2f}×", f"≤ {target:g}", value <= target)


def verdicts(results: list[Result]) -> list[Verdict]:
    """The ratios issue 14 names, each against its target, on the figures of this run."""
    out: list[Verdict] = []
    sizes = sorted({r.size for r in results if r.tool == OURS and r.cold is not None})
    for size in sizes:
        ours = _find(results, OURS, size)
        out.append(_ratio(f"user CPU at {size:,} articles, ours / Pelican", ours,
                          _find(results, PELICAN, size), PELICAN_TARGET))
        out.append(_ratio(f"user CPU at {size:,} articles, ours / Hugo", ours,
                          _find(results, HUGO, size), HUGO_TARGET))
    big, half = max(sizes, default=0), max(sizes, default=0) // 2
    if big and half in sizes:
        out.append(_ratio(f"growth, ours at {big:,} / at {half:,} articles (user CPU)",
                          _find(results, OURS, big), _find(results, OURS, half), GROWTH_TARGET))
    else:
        out.append(Verdict("growth, ours at 2× the articles (user CPU)", "—",
                           f"≤ {GROWTH_TARGET:g}", None))
    for plus in (r for r in results if r.tool == OURS_PLUS and r.cold is not None):
        base = _find(results, OURS, plus.size)
        name = (f"per procedure page at {plus.size:,} articles, "
                f"((ours + {plus.procedures:,}) − ours) / {plus.procedures:,}, user CPU")
        if base is None or base.cold is None or plus.cold is None or not plus.procedures:
            out.append(Verdict(name, "—", f"≤ {PROCEDURE_MS_TARGET:g} ms", None))
        else:
            ms = (plus.cold.user - base.cold.user) / plus.procedures * 1000
            out.append(Verdict(name, f"{ms:.2f} ms", f"≤ {PROCEDURE_MS_TARGET:g} ms",
                               ms <= PROCEDURE_MS_TARGET))
    biggest = _find(results, OURS, big) if big else None
    out.append(Verdict(
        f"peak memory, ours at {big:,} articles" if big else "peak memory, ours",
        f"{biggest.peak_mb:.0f} MB" if biggest else "—", f"≤ {MEMORY_TARGET_MB:.0f} MB",
        biggest.peak_mb <= MEMORY_TARGET_MB if biggest else None,
    ))
    for r in results:
        for kind in WARM_KINDS:
            if r.tool == OURS_PLUS and kind in r.warm:
                wall = r.warm[kind].wall
                out.append(Verdict(
                    f"warm build, one {kind} changed, {r.label} at {r.size:,} (wall)",
                    f"{wall:.1f} s", f"≤ {WARM_TARGET:g} s", wall <= WARM_TARGET,
                ))
        for kind, seconds in r.preview.items():
            out.append(Verdict(
                f"preview, save → page shows it, one {kind} changed, {r.label} at {r.size:,}",
                f"> {r.preview_timeout:.0f} s" if seconds is None else f"{seconds:.1f} s",
                f"≤ {PREVIEW_TARGET:g} s", seconds is not None and seconds <= PREVIEW_TARGET,
            ))
    if not any(r.tool == OURS_PLUS and r.warm for r in results):
        out.append(Verdict("warm build, one change, ours + procedures", "—",
                           f"≤ {WARM_TARGET:g} s", None))
    if not any(r.preview for r in results):
        out.append(Verdict("preview, save → page shows it", "—", f"≤ {PREVIEW_TARGET:g} s", None))
    ours_runs = [r for r in results if r.tool in (OURS, OURS_PLUS) and r.cold is not None]
    if ours_runs:
        worst = max(ours_runs, key=lambda r: r.largest_kb)
        out.append(Verdict(
            "largest page of ours (every run)",
            f"{worst.largest_kb:.0f} KB ({worst.largest_page}, {worst.label} at {worst.size:,})",
            f"≤ {LARGEST_TARGET_KB:.0f} KB", worst.largest_kb <= LARGEST_TARGET_KB,
        ))
    return out


def report(results: list[Result], header: str = "") -> str:
    """The table, then what was not run and why, then the verdicts: what the bench prints and
    what goes between the README's markers."""
    parts = [header] if header else []
    parts.append(table(results))
    notes = skipped_notes(results)
    parts.append(
        "Times in seconds: user CPU / wall. Each cold build is a fresh project (ours also "
        "renders its print PDFs and article images cold). Warm: a second `mkdocs build` "
        "after one change, `.cache/` kept (article: a sentence added; procedure: a step "
        "added; data: a hotline number in data/duong-day-nong.yml). Preview: from saving "
        "the file to the open page in Chromium showing the change, reloaded by the preview "
        "itself (the median of three saves of each)."
    )
    if notes:
        parts.append("\n".join(f"- {n}" for n in notes))
    parts.append("\n".join(f"- {v.line()}" for v in verdicts(results)))
    if searches := search_table(results):
        parts.append(searches)
        parts.append(f"Search: first query «{FIRST}», second «{SECOND}», in Chromium; target: "
                     "at most 100 KB of index for a first query.")
    return "\n\n".join(parts)


def replace_block(text: str, block: str) -> str:
    """`text` with what lies between BEGIN and END replaced by `block` (markers kept).
    Raises ValueError when a marker is missing, doubled or out of order."""
    if text.count(BEGIN) != 1 or text.count(END) != 1:
        raise ValueError(
            f"README.md needs exactly one of each marker, found {text.count(BEGIN)} × «{BEGIN}» "
            f"and {text.count(END)} × «{END}»"
        )
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    if end < start:
        raise ValueError(f"README.md: «{END}» comes before «{BEGIN}»")
    return text[:start] + "\n" + block.strip("\n") + "\n" + text[end:]


def save(results: list[Result], path: Path, header: str, quick: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"header": header, "quick": quick, "results": [asdict(r) for r in results]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def load(path: Path) -> tuple[list[Result], str, bool]:
    """The results, header and `quick` flag of a run saved by `save`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    results = []
    for raw in data["results"]:
        raw["cold"] = Timing(**raw["cold"]) if raw["cold"] else None
        raw["warm"] = {kind: Timing(**t) for kind, t in raw["warm"].items()}
        results.append(Result(**raw))
    return results, data["header"], bool(data.get("quick"))
