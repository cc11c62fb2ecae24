"""The index dashboard: computed percentages, rank changes and SVG charts that are valid XML."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from lxml import etree

from generators.core.charts import Bar, bar_chart, wrap
from generators.core.yamlsource import read_yaml
from generators.sections.indices.model import IndexRegister
from generators.sections.indices.pages import describe_result, index_chart
from generators.vietnamese.numbers import format_percent_vi

from .test_golden import check_golden

SVG = "{http://www.w3.org/2000/svg}"
REGISTER = Path(__file__).parent / "fixtures" / "good" / "indices.yml"


def register() -> IndexRegister:
    data, _ = read_yaml(REGISTER, REGISTER.name)
    return IndexRegister.model_validate(data)


def parse_svg(markup: str) -> etree._Element:
    """The chart as XML: this fails on anything that is not well-formed."""
    return etree.fromstring(markup.encode("utf-8"))


def check_accessible_svg(svg: etree._Element) -> None:
    assert svg.tag == f"{SVG}svg" and svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_percentage_is_computed_from_score_and_maximum() -> None:
    [par] = [i for i in register().indices if i.code == "PAR INDEX"]
    result = next(r for r in par.results if r.year == 2023)
    assert format_percent_vi(result.percentage) == "84,59%"
    assert describe_result(par, result) == (
        "Năm 2023: 80,36/95 điểm, đạt 84,59%, xếp thứ 13/21, tăng 3 bậc so với năm 2022")


def test_rank_change_is_worked_out_when_both_ranks_are_known() -> None:
    [sipas] = [i for i in register().indices if i.code == "SIPAS"]
    latest = sipas.latest
    assert latest is not None and latest.rank_change is None
    assert describe_result(sipas, latest).endswith("giảm 2 bậc so với năm 2023")


def test_chart_is_valid_svg_with_title_and_description() -> None:
    [par] = [i for i in register().indices if i.code == "PAR INDEX"]
    markup = index_chart(par, "#8a1c1c")
    svg = parse_svg(markup)
    check_accessible_svg(svg)
    assert "80,36/95 điểm, đạt 84,59%" in svg.find(f"{SVG}desc").text
    bars = svg.findall(f".//{SVG}rect[@class='cchc-chart__bar']")
    assert len(bars) == len(par.results)
    widths = [float(b.get("width")) for b in bars]
    assert widths == sorted(widths)  # 2022 scored less than 2023
    check_golden("chart-par-index.svg", str(markup) + "\n")


def test_chart_text_is_escaped_and_labels_wrap() -> None:
    label = "Cải cách <thủ tục> hành chính & một cửa liên thông trong giải quyết hồ sơ"
    markup = bar_chart("c", "Điểm <tối đa>", "Mô tả & chú thích", [
        Bar(label, Decimal("12.5"), "12,5 điểm"), Bar("Khác", Decimal(0), "0 điểm")],
        Decimal("12.5"), "#8a1c1c", label_chars=30)
    svg = parse_svg(markup)
    check_accessible_svg(svg)
    lines = [t.text for t in svg.iter(f"{SVG}text")]
    assert all(len(line) <= 30 for line in lines if line and "điểm" not in line)
    assert " ".join(lines[:3]) == label
    assert wrap("một hai ba", 3) == ["một", "hai", "ba"]
