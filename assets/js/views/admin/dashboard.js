// Admin dashboard: counts, 30 days of activity, the database, who is connected, backups.

import { api } from "../../api.js";
import { barChart, dayLabel, statTiles } from "../../charts.js";
import { errorText, t } from "../../i18n.js";
import { bytesText, h, whenText } from "../../ui.js";

export function dashboardTab(box) {
  const body = h("div", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  const again = h("button", { type: "button", class: "btn btn-small", dataset: { test: "admin-refresh" } }, `🔄 ${t("adm_refresh")}`);
  again.addEventListener("click", load);
  box.append(h("div", { class: "btn-row" }, again), body);

  async function load() {
    try {
      draw(await api("GET", "/api/admin/stats"));
    } catch (err) {
      body.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
    }
  }

  function draw(s) {
    const u = s.users ?? {};
    const st = s.stories ?? {};
    const people = statTiles([
      { key: "users", icon: "👥", label: t("adm_users_total"), value: u.total },
      { key: "child", icon: "🧒", label: t("role_child"), value: u.child },
      { key: "parent", icon: "👪", label: t("role_parent"), value: u.parent },
      { key: "teacher", icon: "🍎", label: t("role_teacher"), value: u.teacher },
      { key: "admin", icon: "🛡️", label: t("role_admin"), value: u.admin },
      { key: "suspended", icon: "⏸️", label: t("adm_status_suspended"), value: u.suspended },
      { key: "archived", icon: "📦", label: t("adm_status_archived"), value: u.archived },
    ], "admin-user-stats");
    const things = statTiles([
      { key: "published", icon: "📚", label: t("stat_stories_published"), value: st.published },
      { key: "drafts", icon: "✏️", label: t("stat_drafts"), value: st.drafts },
      { key: "hidden", icon: "🙈", label: t("adm_hidden_stories"), value: st.hidden },
      { key: "comments", icon: "💬", label: t("adm_comments"), value: s.comments },
      { key: "sockets", icon: "🔌", label: t("adm_sockets"), value: s.sockets_online },
      { key: "rooms", icon: "🎨", label: t("adm_rooms"), value: s.live_rooms },
      { key: "db", icon: "🗄️", label: t("adm_db"), value: bytesText(s.db_bytes) },
    ], "admin-stats");
    const days = s.activity ?? [];
    const names = ["signups", "stories", "reads", "comments"];
    const series = names.map((n) => ({ name: t(`adm_act_${n}`), values: days.map((d) => d[n] ?? 0) }));
    const sums = Object.fromEntries(names.map((n, i) => [n, series[i].values.reduce((a, b) => a + b, 0)]));
    const chart = barChart({
      labels: days.map((d) => dayLabel(d.day)),
      series,
      summary: t("adm_act_summary", sums),
      test: "chart-activity",
      caption: t("adm_act_title"),
      tick: (i) => (days.length - 1 - i) % 7 === 0,
    });
    const backups = s.backups ?? [];
    body.replaceChildren(
      h("h3", {}, t("adm_people")), people,
      h("h3", {}, t("adm_things")), things,
      chart,
      h("h3", {}, `💾 ${t("adm_tab_backups")}`),
      backups.length
        ? h("ul", { class: "friend-list", dataset: { test: "dash-backups" } }, ...backups.slice(0, 3).map((b) =>
          h("li", { class: "friend" }, h("span", { class: "friend-name" }, b.name), h("span", { class: "muted" }, `${bytesText(b.bytes)} · ${whenText(b.created_at)}`))))
        : h("p", { class: "muted" }, t("adm_no_backups")),
      h("a", { class: "btn btn-small", href: "/admin/backups", "data-link": true }, t("adm_to_backups")));
  }

  load();
  // Sockets and rooms change all the time: refresh while the tab is open.
  const timer = setInterval(() => document.visibilityState === "visible" && load(), 30_000);
  return () => clearInterval(timer);
}
