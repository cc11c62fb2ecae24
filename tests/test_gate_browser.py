"""Quality gates in a real browser, on one page of every page type, desktop and phone.

- accessibility: axe-core finds no WCAG 2.1 A/AA violation;
- keyboard: every interactive element can be reached with Tab and shows where the focus is;
- security: the Content-Security-Policy blocks nothing the page needs (no violation reported);
- privacy: no request leaves the site's own host.
Part of `make check` (marker `gate`), which `make test` runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, sync_playwright

from .browser import CHROMIUM_FLAGS, chromium_path, serve
from .conftest import ROOT
from .page_types import PAGE_TYPES

pytestmark = [pytest.mark.gate, pytest.mark.browser]

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"máy tính": 1280, "điện thoại": 375}

# Reports a policy violation to the test; installed before any page script runs.
WATCH_CSP = (
    "window.__cspViolations = [];"
    "document.addEventListener('securitypolicyviolation',"
    " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture(scope="module")
def site(built_site: Path) -> Iterator[tuple[Browser, str]]:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `make check` (it installs node_modules)")
    with serve(built_site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser, url
        browser.close()


CASES = [(name, width) for name in PAGE_TYPES for width in WIDTHS]


@pytest.mark.parametrize(("page_type", "device"), CASES)
def test_no_accessibility_violation(site: tuple[Browser, str], page_type: str, device: str) -> None:
    browser, url = site
    # axe is injected as an inline script, which the site's own policy rightly refuses.
    context = browser.new_context(bypass_csp=True,
                                  viewport={"width": WIDTHS[device], "height": 900})
    page = context.new_page()
    page.goto(url + PAGE_TYPES[page_type], wait_until="networkidle")
    if "tim-kiem" in PAGE_TYPES[page_type]:
        page.wait_for_selector(".cchc-result")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(f"axe.run(document, {{runOnly: {{type: 'tag', values: {WCAG}}}}})")
    context.close()
    problems = [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in result["violations"]
    ]
    assert not problems, "\n".join(problems)
    assert result["passes"], "axe ran no rule"


@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_policy_blocks_nothing_and_no_request_leaves_the_site(
    site: tuple[Browser, str], page_type: str
) -> None:
    browser, url = site
    context = browser.new_context(viewport={"width": 375, "height": 740})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url + PAGE_TYPES[page_type], wait_until="networkidle")
    violations = page.evaluate("window.__cspViolations")
    context.close()
    host = urlparse(url).netloc
    foreign = [r for r in requests if urlparse(r).scheme in ("http", "https")
               and urlparse(r).netloc != host]
    assert not foreign, foreign
    assert not violations, violations
    assert not errors, errors


KEYBOARD_PAGES = ["trang chủ", "kế hoạch có điểm", "thủ tục", "danh mục thủ tục", "tìm kiếm",
                  "văn bản", "một ấn phẩm"]

# Every visible control gets a stable number (focusing changes classes, so markup won't do).
# checkVisibility() also leaves out what a closed <details> holds (its summary is a control).
FOCUSABLE = """() => [...document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary,'
  + ' [tabindex]:not([tabindex="-1"])')]
  .filter(e => !e.disabled && !e.closest('[hidden]') && e.getClientRects().length > 0
               && getComputedStyle(e).visibility !== 'hidden' && e.checkVisibility())
  .map((e, n) => { e.dataset.gate = n; return n + ' ' + e.outerHTML.slice(0, 100); })"""

FOCUS_SHOWN = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e.dataset.gate === undefined) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const ring = s.boxShadow && s.boxShadow !== 'none';
  const line = s.textDecorationLine.includes('underline');
  return {id: e.dataset.gate + ' ' + e.outerHTML.slice(0, 100), shown: outline || ring || line};
}"""


@pytest.mark.parametrize("page_type", KEYBOARD_PAGES)
def test_every_control_is_reachable_by_keyboard_and_shows_focus(
    site: tuple[Browser, str], page_type: str
) -> None:
    browser, url = site
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + PAGE_TYPES[page_type], wait_until="networkidle")
    controls = page.evaluate(FOCUSABLE)
    expected = {c.split(" ", 1)[0] for c in controls}
    reached: set[str] = set()
    hidden_focus: list[str] = []
    for _ in range(len(expected) + 10):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_SHOWN)
        if state is None:
            continue
        reached.add(state["id"].split(" ", 1)[0])
        if not state["shown"]:
            hidden_focus.append(state["id"])
    page.close()
    missing = [c for c in controls if c.split(" ", 1)[0] not in reached]
    assert not missing, f"{len(missing)} controls never reached: {missing[:5]}"
    assert not hidden_focus, f"focus not visible on: {hidden_focus[:5]}"
