"""Which system libraries lay out and subset a print: part of the print cache's key.

WeasyPrint shapes text with the system's HarfBuzz and Pango, and subsets the embedded fonts
with HarfBuzz-Subset when the system has it (Debian's `libharfbuzz-subset0`), with fontTools
otherwise. The same document then gives different PDF bytes: a print cached before
`libharfbuzz-subset0` was installed (LibreOffice brings it) differed from a fresh one by its font
subset. So the key names the libraries' versions and which subsetter is used.
"""

from __future__ import annotations

import ctypes
from functools import cache
from importlib import metadata

# The names WeasyPrint opens them by (weasyprint/text/ffi.py), Linux, macOS and Windows.
HARFBUZZ = ("libharfbuzz.so.0", "libharfbuzz.0.dylib", "libharfbuzz-0.dll")
HARFBUZZ_SUBSET = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib",
                   "libharfbuzz-subset-0.dll")
PANGO = ("libpango-1.0.so.0", "libpango-1.0.0.dylib", "libpango-1.0-0.dll")


def _open(names: tuple[str, ...]) -> ctypes.CDLL | None:
    for name in names:
        try:
            return ctypes.CDLL(name)
        except OSError:
            continue
    return None


def _version(library: ctypes.CDLL | None, function: str) -> str:
    if library is None:
        return "absent"
    try:
        call = getattr(library, function)
    except AttributeError:
        return "unknown"
    call.restype = ctypes.c_char_p
    found = call()
    return found.decode("ascii", "replace") if found else "unknown"


@cache
def renderer_versions() -> str:
    """The versions of what turns a print's document into PDF bytes, besides WeasyPrint's own:
    HarfBuzz, Pango, and the subsetter (HarfBuzz-Subset, or fontTools where it is absent)."""
    subset = _open(HARFBUZZ_SUBSET)
    subsetter = ("harfbuzz-subset" if subset is not None
                 else f"fonttools {metadata.version('fonttools')}")
    return "; ".join((
        f"harfbuzz {_version(_open(HARFBUZZ), 'hb_version_string')}",
        f"pango {_version(_open(PANGO), 'pango_version_string')}",
        f"subset {subsetter}",
    ))
