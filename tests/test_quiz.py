"""The self-test quiz (issue 17, item 6): questions as data, scored in the browser with no
server, usable without the script, by keyboard and with a screen reader; a printable page of
questions and answers; contest results as data."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from generators.core.portal import Portal
from generators.sections.legal.model import LEGAL
from generators.sections.quiz.model import LETTERS, QUIZZES, Quiz

from .browser import serve
from .conftest import parse


def demo_quiz(portal: Portal) -> Quiz:
    [quiz] = portal[QUIZZES]
    return quiz


def quiz_page(site: Path, quiz: Quiz) -> Path:
    return site / "trac-nghiem" / quiz.slug / "index.html"


def test_the_demo_quiz_has_ten_questions_resting_on_registered_documents(portal: Portal) -> None:
    quiz = demo_quiz(portal)
    assert len(quiz.doc.questions) >= 10
    registered = set(portal[LEGAL].by_number())
    assert {q.source for q in quiz.doc.questions} <= registered
    # Not all the same answer: a quiz where «B» always wins teaches nothing.
    assert len({q.answer for q in quiz.doc.questions}) >= 3


def test_without_javascript_every_answer_is_behind_a_details(
    built_site: Path, portal: Portal
) -> None:
    quiz = demo_quiz(portal)
    tree = parse(quiz_page(built_site, quiz))
    fieldsets = tree.xpath("//fieldset[@data-cchc-answer]")
    assert len(fieldsets) == len(quiz.doc.questions)
    for fieldset, question in zip(fieldsets, quiz.doc.questions, strict=True):
        assert question.question in fieldset.xpath("string(legend)")
        radios = fieldset.xpath(".//input[@type='radio']")
        assert [r.get("value") for r in radios] == list(LETTERS[:len(question.options)])
        assert len({r.get("name") for r in radios}) == 1
        for radio in radios:  # every option has its label
            assert fieldset.xpath(f".//label[@for='{radio.get('id')}']")
        [details] = fieldset.xpath(".//details")
        assert f"Đáp án đúng: {question.answer}. {question.answer_text}" in details.text_content()
    # The buttons need the script: hidden until it runs.
    assert tree.xpath("//*[@data-cchc-quiz-actions]/@hidden") == [""]
    [region] = tree.xpath("//*[@data-cchc-quiz-result]")
    assert region.get("aria-live") == "polite" and region.get("role") == "status"


def test_each_question_links_to_the_document_it_rests_on(
    built_site: Path, portal: Portal
) -> None:
    quiz = demo_quiz(portal)
    tree = parse(quiz_page(built_site, quiz))
    register = portal[LEGAL].by_number()
    for fieldset, question in zip(tree.xpath("//fieldset"), quiz.doc.questions, strict=True):
        slug = register[question.source][0].page_slug
        [href] = fieldset.xpath(".//p[@class='cchc-quiz__source']/a/@href")
        assert href == f"../../van-ban/{slug}/"
    # … and the register lists the quiz among the pages citing the document.
    slug = register[quiz.doc.questions[0].source][0].page_slug
    page = parse(built_site / "van-ban" / slug / "index.html")
    assert quiz.doc.title in page.text_content()


def test_the_printable_page_holds_every_question_and_answer(
    built_site: Path, portal: Portal
) -> None:
    quiz = demo_quiz(portal)
    tree = parse(built_site / "trac-nghiem" / quiz.slug / "ban-in" / "index.html")
    items = tree.xpath("//ol[@class='cchc-quiz__printed']/li")
    assert len(items) == len(quiz.doc.questions)
    for item, question in zip(items, quiz.doc.questions, strict=True):
        text = item.text_content()
        assert question.question in text
        assert f"Đáp án: {question.answer}. {question.answer_text}" in " ".join(text.split())
        assert all(option in text for option in question.options)
    assert not tree.xpath("//article//input | //script[contains(@src, 'quiz')]")


def test_contest_results_are_published_and_marked_illustrative(
    built_site: Path, portal: Portal
) -> None:
    quiz = demo_quiz(portal)
    contest = quiz.doc.contest
    assert contest is not None and contest.illustrative
    tree = parse(quiz_page(built_site, quiz))
    [section] = tree.xpath("//section[contains(@class, 'cchc-quiz__contest')]")
    text = section.text_content()
    assert "Số liệu minh họa" in text
    assert section.xpath("string(.//*[@data-cchc-participants]/@data-cchc-participants)") == str(
        contest.participants
    )
    rows = section.xpath(".//tbody/tr")
    assert [r.xpath("string(th)") for r in rows] == [w.name for w in contest.winners]


@pytest.mark.browser
def test_the_browser_scores_the_answers_and_explains_each(
    browser: Browser, built_site: Path, portal: Portal
) -> None:
    quiz = demo_quiz(portal)
    questions = quiz.doc.questions
    with serve(built_site) as url:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(f"{url}trac-nghiem/{quiz.slug}/")
        # With the script, answers stay hidden until scored.
        assert not page.locator("[data-cchc-explanation]").first.is_visible()
        # Right answers to all but the first two; a wrong one to the first; the second left out.
        wrong = next(letter for letter in LETTERS[:len(questions[0].options)]
                     if letter != questions[0].answer)
        page.check(f"#cau-1-{wrong.lower()}")
        for number, question in enumerate(questions[2:], start=3):
            page.check(f"#cau-{number}-{question.answer.lower()}")
        page.click("[data-cchc-quiz-score]")
        result = page.locator("[data-cchc-quiz-result]")
        expected = len(questions) - 2
        assert result.inner_text().startswith(f"Bạn trả lời đúng {expected}/{len(questions)} câu")
        assert "Còn 1 câu chưa chọn đáp án" in result.inner_text()
        first = page.locator("#cau-1")
        assert first.get_attribute("data-cchc-result") == "sai"
        assert f"bạn chọn {wrong}, đáp án đúng là {questions[0].answer}" in first.inner_text()
        assert page.locator("#cau-2").get_attribute("data-cchc-result") == "bo-trong"
        assert page.locator("#cau-3").get_attribute("data-cchc-result") == "dung"
        assert page.locator("#cau-1 [data-cchc-explanation]").is_visible()
        # «Làm lại» clears the choices, the verdicts and the score.
        page.click("[data-cchc-quiz-reset]")
        assert result.inner_text() == ""
        assert not page.locator("#cau-3 [data-cchc-verdict]").is_visible()
        assert all(r.startswith(url) for r in requests)
        page.close()


@pytest.mark.browser
def test_the_quiz_works_from_the_keyboard(
    browser: Browser, built_site: Path, portal: Portal
) -> None:
    quiz = demo_quiz(portal)
    first = quiz.doc.questions[0]
    with serve(built_site) as url:
        page = browser.new_page()
        page.goto(f"{url}trac-nghiem/{quiz.slug}/")
        page.focus("#cau-1-a")
        for _ in range(first.answer_index):
            page.keyboard.press("ArrowDown")  # a radio group moves and selects with arrows
        assert page.is_checked(f"#cau-1-{first.answer.lower()}")
        page.focus("[data-cchc-quiz-score]")
        page.keyboard.press("Enter")
        assert page.locator("#cau-1").get_attribute("data-cchc-result") == "dung"
        # The score is where the focus went, so a screen reader reads it out.
        assert page.evaluate("document.activeElement.dataset.cchcScore") == "1"
        page.close()
