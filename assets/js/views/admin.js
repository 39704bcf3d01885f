// The admin console: one tab bar, each tab in views/admin/*.js. "/admin" is the dashboard and
// "/admin/<tab>" the others (main.js registers one route per tab).

import { t } from "../i18n.js";
import { h } from "../ui.js";
import { dashboardTab } from "./admin/dashboard.js";
import { moderationTab } from "./admin/moderation.js";
import { announcementsTab, auditTab, backupsTab, exportTab } from "./admin/system.js";
import { usersTab } from "./admin/users.js";
import { wordsTab } from "./admin/words.js";
import { ADMIN_TABS } from "./admin-tabs.js";

const TABS = {
  dashboard: ["📊", dashboardTab],
  users: ["👥", usersTab],
  moderation: ["🚩", moderationTab],
  words: ["🧼", wordsTab],
  announcements: ["📣", announcementsTab],
  audit: ["📜", auditTab],
  backups: ["💾", backupsTab],
  export: ["📦", exportTab],
};

export { ADMIN_TABS };

export function adminView(root, { tab = "dashboard" } = {}) {
  if (!TABS[tab]) tab = "dashboard";
  const bar = h("nav", { class: "tabbar", "aria-label": t("adm_tabs"), dataset: { test: "admin-tabs" } },
    ...ADMIN_TABS.map((name) => h("a", {
      class: "tab",
      href: name === "dashboard" ? "/admin" : `/admin/${name}`,
      "data-link": true,
      "aria-current": name === tab ? "page" : false,
      dataset: { test: `admin-tab-${name}` },
    }, h("span", { "aria-hidden": "true" }, TABS[name][0]), ` ${t(`adm_tab_${name}`)}`)));
  const panel = h("section", { class: "stack admin-panel", dataset: { test: `admin-${tab}` }, "aria-labelledby": "admin-tab-title" },
    h("h2", { id: "admin-tab-title" }, `${TABS[tab][0]} ${t(`adm_tab_${tab}`)}`));
  const banner = h("div", { dataset: { test: "disk-banner" }, role: "status" });
  root.append(h("h1", {}, `🛡️ ${t("adm_title")}`), banner, bar, panel);
  diskBanner(banner);
  return TABS[tab][1](panel) ?? null;
}

// A full or nearly full data disk is the one thing an admin must not miss: said above every tab.
async function diskBanner(box) {
  let health;
  try {
    health = await (await fetch("/healthz", { cache: "no-store" })).json();
  } catch {
    return;
  }
  const mb = Math.floor((health.disk?.free_bytes ?? 0) / 1048576);
  const lines = (health.reasons ?? []).map((r) => h("p", { class: "form-error" },
    `💾 ${r.code === "storage_full" ? t("adm_disk_full") : r.code === "storage_low" ? t("adm_disk_low", { mb }) : r.message}`));
  box.replaceChildren(...lines);
}
