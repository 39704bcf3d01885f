// My profile: picture and border, XP and level, badges (earned and still to earn), my stories
// and the ones I saved. Also other people's public profiles.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { getState, setState } from "../store.js";
import { h, toast } from "../ui.js";

const AVATARS = ["📚", "🦊", "🐢", "🌙", "🐉", "🦄", "🐱", "🐶", "🐼", "🦁", "🐸", "🐙", "🚀", "🌈", "⚽", "🎨"];

function storyList(items, test) {
  const ul = h("ul", { class: "story-grid", dataset: { test } });
  ul.append(...items.map((s) => h("li", {},
    h("a", { class: "story-card", href: s.status === "draft" ? `/studio/${s.id}` : `/read/${s.id}`, "data-link": true },
      h("span", { class: "story-title" }, s.title),
      h("span", { class: "muted" }, s.status === "draft" ? t("st_draft") : t("st_in_library"))))));
  return ul;
}

/** The level bar: XP inside this level out of the XP a level takes. */
export function xpBar(xp) {
  const pct = Math.min(100, Math.round((xp.level_xp / xp.xp_per_level) * 100));
  const bar = h("div", { class: "xp-bar", role: "progressbar", "aria-valuemin": 0, "aria-valuemax": xp.xp_per_level, "aria-valuenow": xp.level_xp, "aria-label": t("pr_xp", { xp: xp.xp }), dataset: { test: "xp-bar" } }, h("span", { class: "xp-fill" }));
  bar.firstChild.style.setProperty("--pct", `${pct}%`);
  return h("div", { class: "stack" }, h("p", {}, `${t("level", { n: xp.level })} · ${t("pr_xp", { xp: xp.xp })} · ${t("pr_next", { n: xp.next_level_at - xp.xp })}`), bar);
}

export function profileView(root) {
  const user = getState().user;
  const box = h("section", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(box);
  Promise.all([api("GET", "/api/me/xp"), api("GET", "/api/me/achievements"), api("GET", "/api/me/stories?limit=50"), api("GET", "/api/me/saved?limit=50")])
    .then(([xp, achievements, stories, saved]) => {
      const avatar = h("div", { class: "avatar", "aria-hidden": "true", dataset: { test: "pr-avatar", border: user.avatar_border } }, user.avatar_emoji);
      const pics = h("div", { class: "tools", role: "radiogroup", "aria-label": t("pr_picture") });
      for (const a of AVATARS) {
        const b = h("button", { type: "button", class: "btn tool", role: "radio", "aria-checked": String(a === user.avatar_emoji), "aria-label": a, dataset: { avatar: a } }, a);
        b.addEventListener("click", () => patch({ avatar_emoji: a }, () => {
          avatar.textContent = a;
          for (const c of pics.children) c.setAttribute("aria-checked", String(c === b));
        }));
        pics.append(b);
      }
      const borders = h("div", { class: "chips", role: "radiogroup", "aria-label": t("pr_border") });
      for (const bd of xp.borders) {
        const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(bd.id === user.avatar_border), disabled: !bd.unlocked, title: bd.unlocked ? "" : t("pr_unlock_at", { n: bd.level }) }, bd.unlocked ? t(`border_${bd.id}`) : `🔒 ${t(`border_${bd.id}`)} (${t("level", { n: bd.level })})`);
        b.addEventListener("click", () => patch({ avatar_border: bd.id }, () => {
          avatar.dataset.border = bd.id;
          for (const c of borders.children) c.setAttribute("aria-checked", String(c === b));
        }));
        borders.append(b);
      }
      const lang = getState().lang;
      const badges = h("ul", { class: "badges", dataset: { test: "badges" } }, ...achievements.items.map((a) =>
        h("li", { class: a.earned ? "badge-card earned" : "badge-card", dataset: { earned: a.earned ? "1" : "" } },
          h("span", { class: "badge-icon", "aria-hidden": "true" }, a.earned ? a.icon : "🔒"),
          h("strong", {}, lang === "tl" ? a.title_tl : a.title),
          h("span", { class: "muted" }, lang === "tl" ? (a.description_tl ?? a.description) : a.description))));
      const drafts = stories.items.filter((s) => s.status === "draft");
      const published = stories.items.filter((s) => s.status !== "draft");
      box.replaceChildren(
        h("div", { class: "greeting" }, avatar, h("div", {}, h("h1", {}, user.display_name), h("p", { class: "muted" }, `@${user.username}`))),
        // On phones "Me" is the way to Settings (and to Log out, which lives there).
        h("div", { class: "btn-row" }, h("a", { class: "btn", href: "/settings", "data-link": true, dataset: { test: "me-settings" } }, `⚙️ ${t("set_title")}`)),
        xpBar(xp),
        h("h2", {}, t("pr_picture")), pics,
        h("h2", {}, t("pr_border")), borders,
        h("h2", {}, `🏆 ${t("pr_badges", { n: achievements.earned_count, total: achievements.items.length })}`), badges,
        h("h2", {}, t("pr_drafts")), drafts.length ? storyList(drafts, "pr-drafts") : h("p", { class: "muted" }, t("pr_none")),
        h("h2", {}, t("pr_published")), published.length ? storyList(published, "pr-published") : h("p", { class: "muted" }, t("pr_none")),
        h("h2", {}, t("pr_saved")), saved.items.length ? storyList(saved.items.map((x) => ({ ...x, ...(x.story ?? {}), status: "published" })), "pr-saved") : h("p", { class: "muted" }, t("pr_none")),
      );
    })
    .catch((err) => box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));

  async function patch(body, then) {
    try {
      const me = await api("PATCH", "/api/me", body);
      setState({ user: { ...getState().user, ...me } });
      then();
    } catch (err) {
      toast(errorText(err));
    }
  }
}

/** Someone else's public profile, as their privacy allows. */
export function personView(root, { id }) {
  const box = h("section", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(box);
  api("GET", `/api/users/${id}`)
    .then((p) => {
      const stories = (p.stories ?? []).map((s) => ({ ...s, status: "published" }));
      box.replaceChildren(
        h("div", { class: "greeting" }, h("div", { class: "avatar", "aria-hidden": "true", dataset: { border: p.avatar_border } }, p.avatar_emoji),
          h("div", {}, h("h1", {}, p.display_name), h("span", { class: "level" }, t("level", { n: p.level })))),
        p.bio ? h("p", {}, p.bio) : null,
        h("h2", {}, t("pr_published")), stories.length ? storyList(stories, "person-stories") : h("p", { class: "muted" }, t("pr_none")),
      );
    })
    .catch((err) => box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));
}
