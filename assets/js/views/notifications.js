// The notification list: newest first, tap to mark read, mark all read, new ones appear live.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { noticeIcon, noticeLink, noticeText, onArrival } from "../notices.js";
import { navigate } from "../router.js";
import { setState } from "../store.js";
import { h } from "../ui.js";

export function notificationsView(root) {
  const list = h("ul", { class: "notice-list", dataset: { test: "notice-list" } });
  const status = h("p", { class: "muted", role: "status" }, t("working"));
  const all = h("button", { type: "button", class: "btn", dataset: { test: "read-all" } }, t("n_read_all"));
  const more = h("button", { type: "button", class: "btn", hidden: true }, t("lib_more"));
  let cursor = null;

  all.addEventListener("click", async () => {
    try {
      const r = await api("POST", "/api/notifications/read-all");
      setState({ unread: r.unread_count });
      for (const li of list.children) li.classList.remove("unread");
    } catch (err) {
      status.textContent = errorText(err);
    }
  });
  more.addEventListener("click", () => load());

  root.append(h("section", { class: "stack" }, h("h1", {}, `🔔 ${t("n_title")}`), h("div", { class: "btn-row" }, all), list, status, more));

  function item(n) {
    const li = h("li", { class: n.read ? "notice" : "notice unread", dataset: { test: "notice", type: n.type } });
    const b = h("button", { type: "button", class: "notice-body" },
      h("span", { class: "notice-icon", "aria-hidden": "true" }, noticeIcon(n)),
      n.type === "announcement"
        ? h("span", { class: "announcement" }, h("strong", { dataset: { test: "announcement-title" } }, n.data?.title ?? ""), " ", h("span", { dataset: { test: "announcement-body" } }, n.data?.body ?? ""))
        : h("span", {}, noticeText(n)),
      h("time", { class: "muted", datetime: n.created_at }, new Date(n.created_at).toLocaleString(document.documentElement.lang)));
    // Tapping marks it read and, when it is about something to answer, goes there.
    const link = noticeLink(n);
    if (link) b.dataset.goes = link;
    b.addEventListener("click", async () => {
      if (li.classList.contains("unread")) {
        try {
          const r = await api("POST", `/api/notifications/${n.id}/read`);
          li.classList.remove("unread");
          setState({ unread: r.unread_count });
        } catch (err) {
          status.textContent = errorText(err);
          return;
        }
      }
      if (link) navigate(link);
    });
    li.append(b);
    return li;
  }

  async function load() {
    try {
      const q = cursor ? `?limit=20&cursor=${encodeURIComponent(cursor)}` : "?limit=20";
      const page = await api("GET", `/api/notifications${q}`);
      list.append(...page.items.map(item));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      setState({ unread: page.unread_count });
      status.textContent = list.children.length ? "" : t("n_none");
    } catch (err) {
      status.textContent = errorText(err);
    }
  }

  load();
  return onArrival((n) => {
    list.prepend(item(n));
    status.textContent = "";
  });
}
