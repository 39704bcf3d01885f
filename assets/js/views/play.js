// Playing a game made from a story: a quiz, fill the gaps or a word search (each in
// views/play/), then the result. Problems are told in kind words with a way to try again.

import { api } from "../api.js";
import { t } from "../i18n.js";
import { getState, setState } from "../store.js";
import { h } from "../ui.js";
import { blanksGame } from "./play/blanks.js";
import { KINDS, kindIcon, kindName, langOf, problemText } from "./play/common.js";
import { quizGame } from "./play/quiz.js";
import { resultView } from "./play/result.js";
import { fitSize, wordSearchGame } from "./play/wordsearch.js";

const PLAYERS = { quiz: quizGame, fill_blank: blanksGame, word_search: wordSearchGame };

export function playView(root, { id }) {
  const box = h("section", { class: "stack play", dataset: { test: "play" } });
  root.append(box);
  let game = null;
  let alive = true;
  load();
  return () => {
    alive = false;
  };

  // `size` picks another word-search grid (8, 10 or 12 wide); by default the server sizes it
  // for the player's age (or the story), and a grid too big for this screen to tap comes again
  // in the biggest size that fits.
  async function load(size) {
    box.replaceChildren(h("p", { class: "muted", role: "status" }, t("working")));
    try {
      game = await api("GET", size ? `/api/games/${id}?size=${size}` : `/api/games/${id}`);
      const fit = size ? null : fitSize(game, box.clientWidth);
      if (fit && alive) game = await api("GET", `/api/games/${id}?size=${fit}`);
    } catch (err) {
      if (alive) trouble(problemText(err));
      return;
    }
    if (alive) start();
  }

  // A problem on a card, never an empty page: what happened, try again, and a way out.
  function trouble(text) {
    const retry = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "play-retry" } }, `🔄 ${t("play_try_again")}`);
    retry.addEventListener("click", () => load());
    const out = game?.story_id
      ? h("a", { class: "btn", href: `/read/${game.story_id}`, "data-link": true }, `📖 ${t("play_back_story")}`)
      : h("a", { class: "btn", href: "/library", "data-link": true }, `📚 ${t("lib_back")}`);
    box.replaceChildren(h("div", { class: "card stack center", dataset: { test: "play-error" } },
      h("div", { class: "big-emoji", "aria-hidden": "true" }, "🧭"),
      h("p", { class: "error", role: "alert" }, text),
      h("div", { class: "btn-row btn-row-center" }, retry, out)));
  }

  function header() {
    return h("header", { class: "play-head" },
      h("a", { class: "btn btn-small", href: `/read/${game.story_id}`, "data-link": true, dataset: { test: "back-story" } }, `◀ ${t("play_back_story")}`),
      h("h1", { class: "play-title", tabindex: "-1", lang: langOf(game), dataset: { test: "play-title" } }, game.story_title ?? ""),
      h("p", { class: "play-kind", dataset: { test: "play-kind", kind: game.kind } }, h("span", { "aria-hidden": "true" }, `${kindIcon(game.kind)} `), kindName(game.kind)));
  }

  function start(focus = false) {
    const play = PLAYERS[game.kind];
    const items = game.kind === "word_search" ? game.words : game.questions;
    if (!play || !KINDS[game.kind] || !items?.length) return trouble(t("play_unknown"));
    const stage = h("div", { class: "play-stage", dataset: { test: `game-${game.kind}` } });
    const head = header();
    box.replaceChildren(head, stage);
    play(stage, game, { submit, resize: (size) => load(size).then(() => box.querySelector("[data-test=ws-sizes] [aria-checked=true]")?.focus()) });
    // "Play again": the button is gone, so start reading from the title.
    if (focus) head.querySelector("h1").focus();
  }

  async function submit(body) {
    const answer = await api("POST", `/api/games/${id}/attempts`, body);
    if (!alive) return;
    const { el, heading } = resultView(game, answer, { body, again: () => start(true) });
    box.replaceChildren(header(), el);
    heading.focus();
    window.scrollTo?.({ top: 0 });
    // New XP may mean a new level on the home page.
    if (Number(answer.xp_earned) > 0) {
      api("GET", "/api/me").then((me) => getState().user && setState({ user: { ...getState().user, ...me } })).catch(() => {});
    }
  }
}
