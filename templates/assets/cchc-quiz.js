/* Self-test quiz (/trac-nghiem/<slug>/): scores the answers in the browser, nothing is sent.
   Without this script the page lists the questions with each answer behind a <details>; with
   it the answers stay hidden until «Chấm điểm», then every question says whether it was right
   (in words, not colour alone), opens its explanation, and the score is announced through the
   form's role="status" region. */
(function () {
  "use strict";

  function init() {
    var form = document.querySelector("[data-cchc-quiz]");
    if (!form || form.dataset.cchcReady) return;
    form.dataset.cchcReady = "1";
    var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset[data-cchc-answer]"));
    var result = form.querySelector("[data-cchc-quiz-result]");
    form.querySelector("[data-cchc-quiz-actions]").hidden = false;
    questions.forEach(function (q) { q.querySelector("[data-cchc-explanation]").hidden = true; });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var right = 0;
      var unanswered = 0;
      var firstWrong = null;
      questions.forEach(function (q) {
        var chosen = q.querySelector("input:checked");
        var answer = q.dataset.cchcAnswer;
        var verdict = q.querySelector("[data-cchc-verdict]");
        var explanation = q.querySelector("[data-cchc-explanation]");
        var ok = chosen && chosen.value === answer;
        if (ok) right += 1;
        if (!chosen) unanswered += 1;
        if (!ok && !firstWrong) firstWrong = q;
        q.dataset.cchcResult = ok ? "dung" : (chosen ? "sai" : "bo-trong");
        verdict.textContent = ok ? "Đúng." :
          (chosen ? "Chưa đúng: bạn chọn " + chosen.value + ", đáp án đúng là " + answer + "." :
            "Chưa trả lời: đáp án đúng là " + answer + ".");
        verdict.hidden = false;
        explanation.hidden = false;
        explanation.open = true;
      });
      var total = questions.length;
      var text = "Bạn trả lời đúng " + right + "/" + total + " câu (" +
        Math.round(right * 100 / total) + "%).";
      if (unanswered) text += " Còn " + unanswered + " câu chưa chọn đáp án.";
      text += right === total ? " Xin chúc mừng!" : " Xem giải thích ở từng câu.";
      result.textContent = text;
      result.dataset.cchcScore = String(right);
      result.setAttribute("tabindex", "-1");
      result.focus();
    });

    form.addEventListener("reset", function () {
      questions.forEach(function (q) {
        delete q.dataset.cchcResult;
        q.querySelector("[data-cchc-verdict]").hidden = true;
        var explanation = q.querySelector("[data-cchc-explanation]");
        explanation.open = false;
        explanation.hidden = true;
      });
      result.textContent = "";
      delete result.dataset.cchcScore;
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
