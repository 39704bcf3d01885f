// Fill the gaps: every sentence with a gap, and the word bank as big chips. Tapping a chip puts
// its word into the current gap (the one last touched, or the next empty one); typing works too.

import { t } from "../../i18n.js";
import { h } from "../../ui.js";
import { langOf, problemLine, sendAttempt } from "./common.js";

const same = (a, b) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export function blanksGame(stage, game, { submit }) {
  const questions = game.questions ?? [];
  const bankWords = game.word_bank ?? [];
  const inputs = [];
  let current = 0;
  let warned = false;
  // Every gap as wide as the longest word, so its width does not give the answer away.
  const width = Math.max(6, ...bankWords.map((w) => [...w].length)) + 1;

  const said = h("p", { class: "sr-only", "aria-live": "polite" });
  const list = h("ol", { class: "blank-list", lang: langOf(game), dataset: { test: "blank-list" } }, ...questions.map((q, i) => {
    const input = h("input", {
      type: "text", class: "blank-input", autocomplete: "off", autocapitalize: "off", spellcheck: "false", maxlength: 60,
      "aria-label": t("blanks_gap", { n: i + 1 }), dataset: { test: "blank-input", question: String(q.id) },
    });
    input.style.setProperty("--w", String(width));
    input.addEventListener("focus", () => setCurrent(i));
    input.addEventListener("input", () => {
      drawChips();
      problem.textContent = "";
    });
    inputs.push(input);
    return h("li", { class: "blank-sentence", dataset: { test: "blank-sentence" } }, q.before ?? "", input, q.after ?? "");
  }));
  const chips = bankWords.map((word) => {
    const b = h("button", { type: "button", class: "chip bank-word", dataset: { test: "bank-word", word } }, word);
    b.addEventListener("click", () => put(word));
    return b;
  });
  const bank = h("div", { class: "word-bank", role: "group", "aria-label": t("blanks_bank"), lang: langOf(game), dataset: { test: "word-bank" } }, ...chips);
  const check = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "check" } }, `✔️ ${t("blanks_check")}`);
  const problem = problemLine();
  check.addEventListener("click", () => {
    const empty = inputs.findIndex((i) => !i.value.trim());
    // The first time a gap is still empty, say so; pressing again checks anyway.
    if (empty >= 0 && !warned) {
      warned = true;
      problem.textContent = t("blanks_empty");
      setCurrent(empty);
      return;
    }
    const body = { answers: questions.map((q, i) => ({ question: q.id, text: inputs[i].value.trim() })) };
    sendAttempt(check, problem, submit, body);
  });

  stage.append(h("div", { class: "card stack blanks", dataset: { test: "blanks" } },
    h("p", {}, t("blanks_intro")),
    // The words to use come first, on the first screen.
    h("h2", { class: "bank-title" }, t("blanks_bank")),
    bank,
    list, said,
    h("div", { class: "btn-row btn-row-end" }, check),
    problem));
  setCurrent(0);

  function setCurrent(i) {
    current = i;
    inputs.forEach((input, k) => input.classList.toggle("current", k === i));
  }

  // The word goes into the current gap and the next empty gap becomes current. The gap is not
  // focused: on a tablet that would open the keyboard over the sentences.
  function put(word) {
    const input = inputs[current];
    if (!input) return;
    input.value = word;
    said.textContent = t("blanks_put", { n: current + 1, word });
    problem.textContent = "";
    const after = [...inputs.keys()].map((k) => (current + 1 + k) % inputs.length).find((k) => !inputs[k].value.trim());
    if (after !== undefined) setCurrent(after);
    drawChips();
  }

  // A chip whose word is already in a gap looks used (it can still be tapped again).
  function drawChips() {
    for (const c of chips) c.classList.toggle("used", inputs.some((i) => i.value.trim() && same(i.value, c.dataset.word)));
  }
}
