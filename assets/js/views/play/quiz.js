// The quiz: one question at a time, four big answers, Next once one is picked. Nothing says
// right or wrong until the end (the answers stay on the server until the attempt is sent).

import { t } from "../../i18n.js";
import { h } from "../../ui.js";
import { langOf, problemLine, sendAttempt } from "./common.js";

const LETTERS = ["A", "B", "C", "D", "E", "F"];

export function quizGame(stage, game, { submit }) {
  const questions = game.questions ?? [];
  const choices = questions.map(() => null);
  let at = 0;

  const progress = h("p", { class: "play-progress", dataset: { test: "progress" }, "aria-live": "polite" });
  const prompt = h("h2", { id: "quiz-prompt", class: "quiz-prompt", tabindex: "-1", lang: langOf(game), dataset: { test: "quiz-prompt" } });
  const options = h("div", { class: "quiz-options", role: "group", "aria-labelledby": "quiz-prompt", lang: langOf(game) });
  const hint = h("p", { class: "muted", dataset: { test: "quiz-hint" } }, t("quiz_pick"));
  const next = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "next" } });
  const problem = problemLine();
  next.addEventListener("click", () => {
    if (choices[at] === null) return;
    if (at < questions.length - 1) {
      show(at + 1);
      prompt.focus({ preventScroll: false });
      return;
    }
    const body = { answers: questions.map((q, i) => ({ question: q.id, choice: choices[i] })) };
    sendAttempt(next, problem, submit, body);
  });

  stage.append(h("div", { class: "card stack quiz", dataset: { test: "quiz" } }, progress, prompt, options, hint, h("div", { class: "btn-row btn-row-end" }, next), problem));
  show(0);

  function show(i) {
    at = i;
    const q = questions[i];
    progress.textContent = t("quiz_progress", { n: i + 1, total: questions.length });
    prompt.textContent = q.prompt;
    options.replaceChildren(...(q.options ?? []).map((text, k) => {
      const b = h("button", { type: "button", class: "quiz-option", "aria-pressed": String(choices[i] === k), dataset: { test: "quiz-option", index: String(k) } },
        h("span", { class: "quiz-letter", "aria-hidden": "true" }, LETTERS[k] ?? String(k + 1)),
        h("span", { class: "quiz-text" }, text));
      b.addEventListener("click", () => pick(k));
      return b;
    }));
    next.textContent = i === questions.length - 1 ? `${t("quiz_finish")} 🏁` : `${t("quiz_next")} ▶`;
    drawNext();
  }

  function pick(k) {
    choices[at] = k;
    for (const b of options.children) b.setAttribute("aria-pressed", String(Number(b.dataset.index) === k));
    problem.textContent = "";
    drawNext();
  }

  function drawNext() {
    const chosen = choices[at] !== null;
    next.disabled = !chosen;
    hint.hidden = chosen;
  }
}
