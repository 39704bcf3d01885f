// After a game: the score, each question right or wrong with the right answer, the XP earned and
// any new badges, then "Play again" and "Back to the story".

import { t } from "../../i18n.js";
import { getState } from "../../store.js";
import { h } from "../../ui.js";
import { langOf, scoreText } from "./common.js";
import { gridPicture } from "./wordsearch.js";

/** `answer` is the server's answer to the attempt; `body` what was sent; `again` restarts. */
export function resultView(game, answer, { body, again }) {
  const total = answer.total ?? 0;
  const perfect = Boolean(answer.perfect);
  const heading = h("h2", { class: "result-title", tabindex: "-1", dataset: { test: "result-title" } }, perfect ? t("res_perfect") : t("res_title"));
  const xp = Number(answer.xp_earned) || 0;
  const badges = answer.achievements ?? [];
  const replay = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "play-again" } }, `🔁 ${t("res_play_again")}`);
  replay.addEventListener("click", again);
  const box = h("section", { class: "card stack center game-result", dataset: { test: "game-result", perfect: perfect ? "1" : "" } },
    h("div", { class: "big-emoji", "aria-hidden": "true" }, perfect ? "🏆" : answer.score > 0 ? "🌟" : "🌱"),
    heading,
    h("p", { class: "result-score" }, h("span", { class: "muted" }, `${t("res_score_label")} `), h("strong", { dataset: { test: "score" } }, scoreText(answer.score, total))),
    h("p", { class: "result-xp", dataset: { test: "xp-earned", xp: String(xp) } }, xp > 0 ? `⭐ ${t("res_xp", { n: xp })}` : t("res_no_xp")),
    badges.length ? h("div", { class: "stack" },
      h("h3", {}, `🏅 ${t("res_badges")}`),
      h("ul", { class: "badges result-badges", dataset: { test: "achievements" } }, ...badges.map((a) =>
        h("li", { class: "badge-card earned", dataset: { test: "achievement", id: String(a.id ?? "") } },
          h("span", { class: "badge-icon", "aria-hidden": "true" }, a.icon ?? "🏅"), h("strong", {}, (getState().lang === "tl" && a.title_tl) || a.title || ""))))) : null,
    h("div", { class: "btn-row btn-row-center" },
      replay,
      h("a", { class: "btn btn-big", href: `/read/${game.story_id}`, "data-link": true, dataset: { test: "back-to-story" } }, `📖 ${t("play_back_story")}`)));
  const details = h("section", { class: "stack result-details" }, h("h2", {}, t("res_answers")), ...rows(game, answer.results ?? [], body));
  return { el: h("div", { class: "stack" }, box, details), heading };
}

function rows(game, results, body) {
  const lang = langOf(game);
  if (game.kind === "word_search") {
    const marks = results.filter((r) => r.start && r.end).map((r) => ({ start: r.start, end: r.end, cls: r.found ? "found" : "missed" }));
    return [
      gridPicture(game.grid ?? [], game.size ?? (game.grid ?? []).length, marks, lang),
      h("ul", { class: "result-list", lang }, ...results.map((r) => h("li", { class: "result-row", dataset: { test: "result-row", correct: r.found ? "1" : "0" } },
        h("span", { class: "result-mark", "aria-hidden": "true" }, r.found ? "✅" : "🔸"),
        h("span", {}, h("strong", {}, r.word), " · ", r.found ? t("res_found") : t("res_where", { row: (r.start?.[0] ?? 0) + 1, col: (r.start?.[1] ?? 0) + 1 }))))),
    ];
  }
  const byId = new Map((game.questions ?? []).map((q) => [q.id, q]));
  const sent = new Map((body?.answers ?? []).map((a) => [a.question, a]));
  return [h("ol", { class: "result-list" }, ...results.map((r) => {
    const q = byId.get(r.question) ?? {};
    const mine = sent.get(r.question);
    const said = game.kind === "quiz" ? q.options?.[mine?.choice] : mine?.text;
    const question = game.kind === "quiz"
      ? h("span", { class: "result-q", lang }, q.prompt ?? "")
      : h("span", { class: "result-q", lang }, q.before ?? "", h("mark", {}, r.answer ?? ""), q.after ?? "");
    return h("li", { class: "result-row", dataset: { test: "result-row", correct: r.correct ? "1" : "0" } },
      h("span", { class: "result-mark", "aria-hidden": "true" }, r.correct ? "✅" : "🔸"),
      h("span", { class: "stack-tight" },
        question,
        h("span", { class: r.correct ? "result-right" : "result-wrong" }, r.correct ? t("res_right") : t("res_wrong")),
        !r.correct ? h("span", { dataset: { test: "right-answer" } }, t("res_answer", { answer: r.answer ?? "" })) : null,
        !r.correct ? h("span", { class: "muted" }, t("res_you", { text: said ? said : t("res_empty") })) : null));
  }))];
}
