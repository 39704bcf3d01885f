// "The End": the page after the last one. A story should finish, not just stop: who wrote it,
// a like and a save, the story's games and more stories by the same author, and a way back to
// page 1. Guests see it too (without like and save, which need an account).

import { api } from "../api.js";
import { t } from "../i18n.js";
import { getState } from "../store.js";
import { h } from "../ui.js";
import { KINDS, kindIcon, kindName } from "./play/common.js";

/**
 * The ending of `story`. `games` is the promise of its games list (shared with the games under
 * the story, so it is asked for once); `onAgain` goes back to page 1.
 */
export function theEnd(story, { games, onAgain }) {
  const signedIn = Boolean(getState().user);
  const a = story.author;
  const name = signedIn
    ? h("a", { href: `/people/${a.id}`, "data-link": true, dataset: { test: "end-author" } }, a.display_name)
    : h("strong", { dataset: { test: "end-author" } }, a.display_name);
  const heading = h("h2", { class: "end-title", tabindex: "-1" }, h("span", { "aria-hidden": "true" }, "🌟 "), t("rdr_the_end"), h("span", { "aria-hidden": "true" }, " 🌟"));
  // Like and Save are the reader's own buttons, moved here while the ending shows.
  const reactions = h("div", { class: "btn-row btn-row-center end-react" });
  const again = h("button", { type: "button", class: "btn btn-big btn-primary", dataset: { test: "read-again" } }, h("span", { "aria-hidden": "true" }, "↺ "), t("rdr_read_again"));
  again.addEventListener("click", onAgain);
  const gameBox = h("section", { class: "end-box", hidden: true, "aria-labelledby": "end-games-h" },
    h("h3", { id: "end-games-h" }, h("span", { "aria-hidden": "true" }, "🎮 "), t("games_intro")));
  const moreBox = h("section", { class: "end-box", hidden: true, "aria-labelledby": "end-more-h", dataset: { test: "more-by" } },
    h("h3", { id: "end-more-h" }, t("rdr_more_by", { name: a.display_name })));
  const section = h("section", { class: "the-end", hidden: true, "aria-labelledby": "end-title", dataset: { test: "the-end" } },
    heading,
    h("p", { class: "end-author" }, h("span", { class: "end-avatar", "aria-hidden": "true" }, a.avatar_emoji), h("span", {}, `${t("rdr_story_by")} `, name)),
    reactions, gameBox, moreBox,
    h("div", { class: "btn-row btn-row-center" }, again));
  heading.id = "end-title";

  games.then((r) => {
    const items = (r.items ?? []).filter((g) => KINDS[g.kind]);
    if (!items.length) return;
    // Playing needs an account: a guest's tap goes to the login page, and says so first.
    const list = h("ul", { class: "end-games" }, ...items.map((g) => h("li", {},
      h("a", { class: "btn end-game", href: signedIn ? `/play/${g.id}` : "/login", "data-link": true, dataset: { test: "end-game", id: String(g.id), kind: g.kind } },
        h("span", { class: "game-icon", "aria-hidden": "true" }, kindIcon(g.kind)), kindName(g.kind)))));
    gameBox.append(...(signedIn ? [] : [h("p", { class: "muted" }, t("games_login"))]), list);
    gameBox.hidden = false;
  }).catch(() => {
    // Games are extra: the ending still shows.
  });

  api("GET", `/api/stories?author=${a.id}&limit=5`, undefined, { auth: false })
    .then((r) => {
      const others = (r.items ?? []).filter((s) => s.id !== story.id).slice(0, 4);
      if (!others.length) return;
      moreBox.append(h("ul", { class: "end-more" }, ...others.map(card)));
      moreBox.hidden = false;
    })
    .catch(() => {});

  return { section, reactions, heading };
}

function card(s) {
  const cover = s.cover_url
    ? h("img", { src: s.cover_url, alt: "", loading: "lazy", width: 320, height: 240 })
    : h("span", { class: "cover-blank", "aria-hidden": "true" }, "📖");
  return h("li", {},
    h("a", { class: "story-card", href: `/read/${s.id}`, "data-link": true, dataset: { test: "more-by-card", id: String(s.id) } },
      cover, h("span", { class: "story-title" }, s.title)));
}
