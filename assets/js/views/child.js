// One child's page for their grown-up: numbers, stories, reading, games, two charts, and the
// grown-up controls (who can see the profile, a new password, a link code for another grown-up, unlink),
// and the child's data: download it, or delete the account.

import { api, startLook } from "../api.js";
import { barChart, dayLabel, statTiles } from "../charts.js";
import { errorText, t } from "../i18n.js";
import { secretChooser } from "../pictures.js";
import { navigate } from "../router.js";
import { deleteAccount, exportButton } from "../leaving.js";
import { busy, codeBox, h, noteForNext, toast, whenText } from "../ui.js";
import { safetyBlock } from "./family.js";
import { kindIcon, kindName, scoreText } from "./play/common.js";

const STATS = [
  ["stories_published", "📚"], ["drafts", "✏️"], ["pages_written", "📄"], ["stories_read", "📖"], ["likes_received", "❤️"],
  ["comments_written", "💬"], ["achievements", "🏆"], ["xp", "⭐"], ["level", "🚀"], ["read_streak", "🔥"],
];

/** Activity by hour, moved from UTC to this device's clock. */
function localHours(hours) {
  const shift = Math.round(-new Date().getTimezoneOffset() / 60);
  return Array.from({ length: 24 }, (_, hr) => Number(hours?.[(((hr - shift) % 24) + 24) % 24]) || 0);
}

/** The 30-day chart of pages written and stories read. */
export function daysChart(days) {
  const labels = days.map((d) => dayLabel(d.day));
  const pages = days.map((d) => d.pages ?? 0);
  const reads = days.map((d) => d.reads ?? 0);
  const sumP = pages.reduce((a, b) => a + b, 0);
  const sumR = reads.reduce((a, b) => a + b, 0);
  let best = 0;
  days.forEach((d, i) => (pages[i] + reads[i] > pages[best] + reads[best] ? (best = i) : null));
  const summary = sumP + sumR ? t("chart_days_summary", { pages: sumP, reads: sumR, best: labels[best] }) : t("chart_days_empty");
  return barChart({
    labels, summary, test: "chart-days", caption: t("chart_days_title"),
    series: [{ name: t("chart_pages"), values: pages }, { name: t("chart_reads"), values: reads }],
    tick: (i) => (labels.length - 1 - i) % 7 === 0,
  });
}

/** The time-of-day chart: 24 bars. */
export function hoursChart(hours) {
  const values = localHours(hours);
  const top = values.indexOf(Math.max(...values));
  const summary = values.some((v) => v > 0) ? t("chart_hours_summary", { hour: top }) : t("chart_hours_empty");
  return barChart({
    labels: values.map((_, i) => String(i)), summary, test: "chart-hours", caption: t("chart_hours_title"),
    series: [{ name: t("chart_activity"), values }],
    tick: (i) => i % 3 === 0,
  });
}

/** The games the child played: how many, how many perfect, the average score, the latest. */
export function gamesSection(g) {
  const avg = g.average_percent;
  const tiles = statTiles([
    { key: "games_played", icon: "🎮", label: t("stat_games_played"), value: g.played ?? 0 },
    { key: "games_perfect", icon: "🏆", label: t("stat_games_perfect"), value: g.perfect ?? 0 },
    { key: "games_average", icon: "🎯", label: t("stat_games_average"), value: avg === null || avg === undefined ? "–" : `${Math.round(avg)}%` },
  ], "games-stats");
  const recent = g.recent ?? [];
  const rows = h("ul", { class: "friend-list", dataset: { test: "game-list" } }, ...recent.map((r) =>
    h("li", { class: "friend", dataset: { test: "game-row", kind: r.kind } },
      h("a", { class: "friend-name", href: `/read/${r.story_id}`, "data-link": true }, r.story_title),
      h("span", { class: "tag" }, h("span", { "aria-hidden": "true" }, `${kindIcon(r.kind)} `), kindName(r.kind)),
      h("strong", { dataset: { test: "game-score" } }, scoreText(r.score, r.total)),
      r.at ? h("span", { class: "muted" }, whenText(r.at)) : null)));
  return h("section", { class: "stack", dataset: { test: "child-games" } },
    h("h2", {}, `🎮 ${t("fam_games")}`),
    tiles,
    recent.length ? rows : h("p", { class: "muted" }, t("fam_games_none")));
}

export function childView(root, { id }) {
  const box = h("section", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(h("a", { class: "btn btn-small", href: "/family", "data-link": true, dataset: { test: "back-family" } }, `◀ ${t("fam_back")}`), box);

  api("GET", `/api/family/children/${id}/overview`)
    .then(draw)
    .catch((err) => box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));

  function draw(o) {
    const c = o.child;
    const stats = statTiles(STATS.map(([key, icon]) => ({ key, icon, label: t(`stat_${key}`), value: o.stats?.[key] ?? 0 })), "overview-stats");
    const stories = h("ul", { class: "friend-list", dataset: { test: "story-list" } }, ...(o.stories ?? []).map((s) =>
      h("li", { class: "friend", dataset: { test: "story-row", status: s.status } },
        h("span", { class: "friend-name" }, s.title),
        s.status === "draft" ? h("span", { class: "tag", dataset: { test: "draft-tag" } }, `✏️ ${t("st_draft")}`) : h("span", { class: "tag tag-ok" }, `📚 ${t("st_in_library")}`),
        s.hidden ? h("span", { class: "tag tag-bad" }, `🙈 ${t("fam_hidden")}`) : null,
        h("span", { class: "muted" }, t("fam_story_meta", { pages: s.page_count ?? 0, likes: s.like_count ?? 0, when: whenText(s.updated_at, true) })),
        s.status === "published" && !s.hidden ? h("a", { class: "btn btn-small", href: `/read/${s.id}`, "data-link": true }, `📖 ${t("st_read")}`) : null)));
    const reading = h("ul", { class: "friend-list", dataset: { test: "reading-list" } }, ...(o.reading ?? []).map((r) =>
      h("li", { class: "friend", dataset: { test: "reading-row" } },
        h("a", { class: "friend-name", href: `/read/${r.story_id}`, "data-link": true }, r.title),
        h("span", { class: "muted" }, dayLabel(r.day)))));
    box.replaceChildren(
      h("div", { class: "greeting" },
        h("div", { class: "avatar", "aria-hidden": "true" }, c.avatar_emoji),
        h("div", {},
          h("h1", { dataset: { test: "child-title" } }, c.display_name),
          h("p", { class: "muted" }, `@${c.username} · `, c.last_seen_at ? t("fam_last_seen", { when: whenText(c.last_seen_at) }) : t("fam_never_seen")),
          h("span", { class: "level" }, t("level", { n: c.level })))),
      stats,
      h("h2", {}, `📈 ${t("fam_activity")}`),
      daysChart(o.days ?? []),
      hoursChart(o.hours ?? []),
      h("h2", {}, `📚 ${t("fam_stories")}`),
      o.stories?.length ? stories : h("p", { class: "muted" }, t("pr_none")),
      h("h2", {}, `📖 ${t("fam_reading")}`),
      o.reading?.length ? reading : h("p", { class: "muted" }, t("pr_none")),
      gamesSection(o.games ?? {}),
      controls(c),
      childData(c));
  }

  /** The child's data: download it, or delete the account with the parent's own password. */
  function childData(c) {
    const name = c.display_name;
    const goes = ["stories", "things", "rewards", "friends", "pictures", "account"].map((k) => t(`leave_child_goes_${k}`, { name }));
    const remove = deleteAccount({
      label: t("leave_child_delete", { name }),
      test: "delete-child",
      title: t("leave_child_confirm_title", { name }),
      goes,
      stays: [t("leave_child_stays_coauthored", { name }), t("leave_child_stays_log", { name })],
      keepCopy: t("leave_child_keep_copy", { name }),
      passwordLabel: t("leave_child_password"),
      confirmLabel: t("leave_child_confirm", { name }),
      cancelLabel: t("leave_child_cancel", { name }),
      send: (secret) => api("DELETE", `/api/family/children/${id}/account`, secret),
      done: () => {
        noteForNext(t("leave_child_done", { name }));
        navigate("/family", { replace: true });
      },
    });
    return h("section", { class: "card stack", dataset: { test: "child-data" } },
      h("h2", {}, h("span", { "aria-hidden": "true" }, "📦 "), t("leave_child_title", { name })),
      h("p", {}, t("leave_child_intro", { name })),
      exportButton({ label: t("leave_child_export", { name }), test: "export-child", path: `/api/family/children/${id}/export`, filename: `pixeltales-${c.username ?? "child"}-data.json` }),
      h("h3", {}, t("leave_child_leaving", { name })),
      h("p", { class: "muted" }, t("leave_child_delete_intro", { name })),
      remove);
  }

  function controls(c) {
    // Who can see the child's profile.
    const privacy = h("select", { id: "f-child-privacy", dataset: { test: "child-privacy" } },
      ...["public", "friends", "private"].map((p) => h("option", { value: p, selected: c.privacy === p }, t(`privacy_${p}`))));
    privacy.addEventListener("change", async () => {
      try {
        await api("PATCH", `/api/family/children/${id}`, { privacy: privacy.value });
        toast(t("set_saved"));
      } catch (err) {
        toast(errorText(err));
        privacy.value = c.privacy;
      }
    });

    // The age band sizes the child's games (no birthday is kept).
    const age = h("select", { id: "f-child-age", dataset: { test: "child-age" } },
      ...["", "5-7", "8-9", "10-12"].map((b) => h("option", { value: b, selected: (c.age_band ?? "") === b }, b ? t("age_band", { band: b }) : t("age_unset"))));
    age.addEventListener("change", async () => {
      try {
        await api("PATCH", `/api/family/children/${id}`, { age_band: age.value });
        c.age_band = age.value || null;
        toast(t("set_saved"));
      } catch (err) {
        toast(errorText(err));
        age.value = c.age_band ?? "";
      }
    });

    // A new password (the child is signed out everywhere).
    const secret = secretChooser({ name: "new_password", inputTest: "reset-password-input" });
    const resetBtn = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "reset-password-send" } }, `🔑 ${t("fam_pw_save")}`);
    const reset = h("form", { class: "stack", novalidate: true, dataset: { test: "reset-password" } }, h("p", { class: "muted" }, t("fam_pw_intro", { name: c.display_name })), secret.el, resetBtn);
    reset.addEventListener("submit", async (e) => {
      e.preventDefault();
      const pw = secret.read();
      if (!pw) return;
      await busy(resetBtn, t("working"), async () => {
        try {
          await api("POST", `/api/family/children/${id}/password`, pw);
          secret.clear();
          toast(t("fam_pw_done", { name: c.display_name }));
        } catch (err) {
          secret.setError(errorText(err));
        }
      });
    });

    // A code another grown-up (the other parent) types into "Link a child with a code".
    const codeSpot = h("div", { dataset: { test: "link-code-box" } });
    const makeCode = h("button", { type: "button", class: "btn", dataset: { test: "make-link-code" } }, `🔗 ${t("fam_make_code")}`);
    makeCode.addEventListener("click", () => busy(makeCode, t("working"), async () => {
      try {
        const r = await api("POST", "/api/family/link-codes", { child_id: Number(id) });
        codeSpot.replaceChildren(codeBox(r.code, t("code_expires", { when: whenText(r.expires_at) })), h("p", { class: "hint" }, t("fam_code_for_parent")));
      } catch (err) {
        toast(errorText(err));
      }
    }));

    // A short read-only look through the child's eyes; the server logs it.
    const look = h("button", { type: "button", class: "btn", dataset: { test: "view-as" } }, `👀 ${t("look_start", { name: c.display_name })}`);
    look.addEventListener("click", () => busy(look, t("working"), async () => {
      try {
        startLook(await api("POST", `/api/family/children/${id}/view-as`));
        location.assign("/");
      } catch (err) {
        toast(errorText(err));
      }
    }));

    const unlink = h("button", { type: "button", class: "btn btn-danger", dataset: { test: "unlink" } }, `✂️ ${t("fam_unlink")}`);
    unlink.addEventListener("click", async () => {
      if (!confirm(t("fam_unlink_confirm", { name: c.display_name }))) return;
      try {
        await api("DELETE", `/api/family/children/${id}`);
        toast(t("fam_unlinked", { name: c.display_name }));
        navigate("/family", { replace: true });
      } catch (err) {
        toast(errorText(err));
      }
    });

    return h("section", { class: "card stack", dataset: { test: "child-controls" } },
      h("h2", {}, `🛠️ ${t("fam_controls")}`),
      h("div", { class: "field" }, h("label", { for: "f-child-privacy" }, t("fam_privacy", { name: c.display_name })), privacy),
      h("div", { class: "field" }, h("label", { for: "f-child-age" }, t("fam_age", { name: c.display_name })), age, h("p", { class: "hint" }, t("set_age_intro"))),
      safetyBlock(c, "page"),
      h("h3", {}, `👀 ${t("look_title")}`), h("p", { class: "muted" }, t("look_intro", { name: c.display_name })), h("div", { class: "btn-row" }, look),
      h("h3", {}, `🔑 ${t("fam_pw")}`), reset,
      h("h3", {}, `🔗 ${t("fam_another")}`), h("p", { class: "muted" }, t("fam_another_intro")), makeCode, codeSpot,
      h("h3", {}, `✂️ ${t("fam_unlink")}`), h("p", { class: "muted" }, t("fam_unlink_intro", { name: c.display_name })), h("div", { class: "btn-row" }, unlink));
  }
}
