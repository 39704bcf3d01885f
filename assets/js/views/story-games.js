// The games made from a story, under it in the reader: one big button per game with its best
// score. Guests are asked to log in first (playing needs an account).

import { api } from "../api.js";
import { t } from "../i18n.js";
import { getState } from "../store.js";
import { h } from "../ui.js";
import { KINDS, kindIcon, kindName, scoreText } from "./play/common.js";

/** The games list; `games` is the request for them when the caller already made it. */
export function storyGames(storyId, games = null) {
  const signedIn = Boolean(getState().user);
  const list = h("ul", { class: "game-list", dataset: { test: "game-list" } });
  const section = h("section", { class: "stack story-games", hidden: true, dataset: { test: "story-games" } },
    h("h2", {}, h("span", { "aria-hidden": "true" }, "🎮 "), t("games_title")));

  (games ?? api("GET", `/api/stories/${storyId}/games`, undefined, { auth: signedIn }))
    .then((r) => {
      const found = (r.items ?? []).filter((g) => KINDS[g.kind]);
      if (!found.length) {
        // A story too short for games: say so to readers, nothing for guests.
        if (signedIn) section.append(h("p", { class: "muted", dataset: { test: "games-none" } }, t("games_none")));
        section.hidden = !signedIn;
        return;
      }
      if (!signedIn) {
        section.append(
          h("p", { dataset: { test: "games-login" } }, t("games_login")),
          h("div", { class: "btn-row" }, h("a", { class: "btn btn-primary", href: "/login", "data-link": true }, t("login"))));
      } else {
        list.append(...found.map(button));
        section.append(h("p", { class: "muted" }, t("games_intro")), list);
      }
      section.hidden = false;
    })
    .catch(() => {
      // Games are extra: the story still reads.
    });
  return section;
}

function button(g) {
  const count = t(KINDS[g.kind].count, { n: g.count ?? 0 });
  const best = g.best
    ? h("span", { class: "game-best", dataset: { test: "best" } }, `${g.best.score === g.best.total ? "🏆" : "⭐"} ${t("game_best", { score: scoreText(g.best.score, g.best.total) })}`)
    : h("span", { class: "game-best muted" }, t("game_new"));
  return h("li", {},
    h("a", { class: "btn game-btn", href: `/play/${g.id}`, "data-link": true, dataset: { test: `play-${g.kind}`, id: String(g.id) } },
      h("span", { class: "game-icon", "aria-hidden": "true" }, kindIcon(g.kind)),
      h("span", { class: "game-text" }, h("span", { class: "game-name" }, kindName(g.kind)), h("span", { class: "game-meta" }, count), best)));
}
