// The signed-in home: a greeting with the user's picture and level (and, for grown-ups, a big
// way into their family, classes or admin page).

import { api } from "../api.js";
import { t } from "../i18n.js";
import { getState } from "../store.js";
import { grownUpPlace } from "../nav.js";
import { xpBar } from "./profile.js";
import { h, toast } from "../ui.js";

export function homeView(root) {
  const { user } = getState();
  // A teacher's home is their classes and students (loaded on first use: children never need it).
  if (user.role === "teacher") {
    let gone = false;
    import("./teacher-home.js").then((m) => !gone && m.teacherHome(root)).catch(() => toast(t("working")));
    return () => {
      gone = true;
    };
  }
  const grownUp = user.role !== "child";
  const mine = h("ul", { class: "friend-list", dataset: { test: "my-stories" } });
  const mineBox = h("section", { class: "stack home-mine" }, h("h2", {}, t("st_mine")), mine);
  api("GET", "/api/me/stories?limit=20")
    .then((r) => {
      // A grown-up who writes no stories is not shown an empty heading; a child is told "none yet".
      if (!r.items.length) {
        if (grownUp) mineBox.hidden = true;
        else mine.replaceChildren(h("li", { class: "muted" }, t("pr_none")));
        return;
      }
      mine.replaceChildren(...r.items.map((st) => h("li", { class: "friend" },
        h("span", { class: "friend-name" }, st.title),
        h("span", { class: "muted" }, st.status === "draft" ? t("st_draft") : t("st_in_library")),
        h("a", { class: "btn btn-small", href: st.status === "draft" ? `/studio/${st.id}` : `/read/${st.id}`, "data-link": true },
          st.status === "draft" ? `✏️ ${t("st_continue")}` : `📖 ${t("st_read")}`))));
    })
    .catch(() => {});
  // Levels and "write a story" are a child's; grown-ups get their own page first instead.
  const level = grownUp ? null : h("div", { class: "home-xp", dataset: { test: "home-xp" } });
  if (level) api("GET", "/api/me/xp").then((xp) => level.replaceChildren(xpBar(xp))).catch(() => {});
  const fresh = h("ul", { class: "story-grid", dataset: { test: "friends-new" } });
  api("GET", "/api/feed?limit=20")
    .then((feed) => {
      const seen = new Set();
      const items = feed.items.filter((e) => e.story && !seen.has(e.story.id) && seen.add(e.story.id)).slice(0, 6);
      fresh.replaceChildren(...(items.length ? items.map((e) => h("li", {},
        h("a", { class: "story-card", href: `/read/${e.story.id}`, "data-link": true },
          e.story.cover_url ? h("img", { src: e.story.cover_url, alt: "", loading: "lazy", width: 320, height: 240 }) : h("div", { class: "cover-blank", "aria-hidden": "true" }, "📖"),
          h("span", { class: "story-title" }, e.story.title),
          h("span", { class: "muted" }, `${e.actor.avatar_emoji} ${e.actor.display_name}`)))) : [h("li", { class: "muted" }, t("home_friends_none"))]));
    })
    .catch(() => {});
  // Grown-ups see their own page first, big.
  const place = grownUpPlace(user.role);
  const entry = place && h("section", { class: "card stack grownup-entry", dataset: { test: "grownup-entry" } },
    h("h2", {}, `${place.icon} ${t(place.label)}`),
    h("p", {}, t(`home_${user.role}_text`)),
    h("a", { class: "btn btn-primary btn-big", href: place.href, "data-link": true, dataset: { test: place.home } }, `${place.icon} ${t(`home_${user.role}_go`)}`));
  root.append(
    ...(entry ? [entry] : []),
    h("section", { class: "card stack" },
      h("div", { class: "greeting" },
        h("div", { class: "avatar", "aria-hidden": "true" }, user.avatar_emoji),
        h("div", {},
          h("h1", { dataset: { test: "greeting" } }, t("hello", { name: user.display_name })),
          grownUp ? null : h("span", { class: "level" }, t("level", { n: user.level })),
        ),
      ),
      level,
      h("p", {}, user.role === "child" ? t("home_text_child") : t("home_text_adult")),
      // Library and Friends are also tabs on a phone, so there they leave the row to the
      // things only home offers. Logging out is in Settings, away from small fingers.
      h("div", { class: "btn-row" },
        grownUp ? null : h("a", { class: "btn btn-primary", href: "/studio/new?blank=1", "data-link": true, dataset: { test: "go-write" } }, `✏️ ${t("st_new")}`),
        grownUp ? null : h("a", { class: "btn btn-primary", href: "/studio/new", "data-link": true, dataset: { test: "go-starter" } }, `✨ ${t("st_new_help")}`),
        h("a", { class: "btn wide-only", href: "/library", "data-link": true, dataset: { test: "go-library" } }, `📚 ${t("lib_title")}`),
        h("a", { class: "btn wide-only", href: "/friends", "data-link": true, dataset: { test: "go-friends" } }, `👫 ${t("f_title")}`),
        h("a", { class: "btn", href: "/together", "data-link": true, dataset: { test: "go-together" } }, `🎨 ${t("tg_title")}`)),
    ),
    mineBox,
    h("section", { class: "stack home-mine" }, h("h2", {}, `✨ ${t("home_friends_new")}`), fresh),
  );
}
