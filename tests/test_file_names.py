"""How files are named in messages: from the project's root, as pathlib would name them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generators.core.errors import relative, under

ROOTS = ["/du-an", "/du-an/", "/", "/du-an/content", "du-an", "."]
PATHS = ["/du-an/content/tin-tuc/2024/bai.md", "/du-an", "/du-an-khac/data/site.yml",
         "/du-an/data/thu-tuc/cap-phep.yml", "/", "du-an/data/site.yml", "data/site.yml",
         "/du-an/content/../data/x.yml"]


def pathlib_under(path: Path, root: Path) -> str | None:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return None


@pytest.mark.parametrize("root", ROOTS)
@pytest.mark.parametrize("path", PATHS)
def test_a_file_is_named_below_the_root_exactly_as_pathlib_names_it(path: str, root: str) -> None:
    # «/du-an-khac» is not below «/du-an», though its name starts the same.
    assert under(Path(path), Path(root)) == pathlib_under(Path(path), Path(root))
    expected = pathlib_under(Path(path), Path(root))
    assert relative(Path(path), Path(root)) == (Path(path).as_posix() if expected is None
                                                else expected)
