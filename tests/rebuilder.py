"""A preview's rebuilds without its web server, for tests: `python tests/rebuilder.py CONFIG SITE`.

It loads the configuration and builds as `mkdocs serve --dirty` (what `cchc serve` runs) does:
a fresh configuration for each rebuild, the plugin kept between them, `on_startup` once, a dirty
build into the same folder. It rebuilds once for each line read on standard input and answers
each with one line: "ok", or "failed: " and why. A test edits files between the lines. MkDocs'
messages go to standard error.
"""

from __future__ import annotations

import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def main(config_file: str, site_dir: str) -> None:
    started = False
    for _ in sys.stdin:
        config = load_config(config_file=config_file, site_dir=site_dir)
        if not started:
            config.plugins.on_startup(command="serve", dirty=True)
            started = True
        config.site_url = SERVE_URL
        try:
            build(config, serve_url=SERVE_URL, dirty=True)
        except BaseException as exc:  # reported to the test, which fails on it
            print(f"failed: {type(exc).__name__}: {exc}", flush=True)
        else:
            print("ok", flush=True)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")  # on stderr
    logging.getLogger("mkdocs.plugins.cchc").setLevel(logging.DEBUG)  # what the plugin reused
    main(*sys.argv[1:3])
