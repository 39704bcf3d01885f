// What the game screens share: the three kinds with their icons and names, kind words for a
// problem, and sending an attempt from a button.

import { errorText, t } from "../../i18n.js";
import { busy, h } from "../../ui.js";

export const KINDS = {
  quiz: { icon: "❓", label: "game_quiz", count: "game_questions_n" },
  fill_blank: { icon: "🧩", label: "game_fill_blank", count: "game_questions_n" },
  word_search: { icon: "🔎", label: "game_word_search", count: "game_words_n" },
};

export const kindIcon = (kind) => KINDS[kind]?.icon ?? "🎮";
export const kindName = (kind) => (KINDS[kind] ? t(KINDS[kind].label) : String(kind ?? ""));
export const scoreText = (score, total) => `${score ?? 0} / ${total ?? 0}`;

/** The language attribute for a game's own words (prompts, sentences, letters). */
export const langOf = (game) => (game?.language === "tl" ? "tl" : "en");

/** Kind words for a problem; a game that is gone gets its own sentence. */
export function problemText(err) {
  return err?.status === 404 ? t("play_not_found") : errorText(err);
}

/** The line under a game where a problem with sending is told. */
export function problemLine() {
  return h("p", { class: "error", role: "alert", dataset: { test: "play-problem" } });
}

/**
 * Sends an attempt through `submit` while `button` shows it is busy; a problem is written into
 * `problem` and the game stays as it was, so the child can simply press again.
 */
export async function sendAttempt(button, problem, submit, body) {
  problem.textContent = "";
  await busy(button, t("play_sending"), async () => {
    try {
      await submit(body);
    } catch (err) {
      problem.textContent = problemText(err);
    }
  });
}
