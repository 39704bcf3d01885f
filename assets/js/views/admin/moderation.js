// Admin moderation: reported stories, comments and people, oldest first. Every action asks for a
// reason (it goes into the audit log).

import { api } from "../../api.js";
import { errorText, t } from "../../i18n.js";
import { h, toast, whenText } from "../../ui.js";

const ACTIONS = {
  story: ["hide", "restore", "delete", "dismiss"],
  comment: ["hide", "restore", "delete", "dismiss"],
  user: ["dismiss"],
};
const ICONS = { hide: "🙈", restore: "♻️", delete: "🗑️", dismiss: "👌" };

export function moderationTab(box) {
  const list = h("ul", { class: "mod-list", dataset: { test: "mod-list" } });
  const note = h("p", { class: "muted", role: "status" }, t("working"));
  const again = h("button", { type: "button", class: "btn btn-small", dataset: { test: "mod-refresh" } }, `🔄 ${t("adm_refresh")}`);
  again.addEventListener("click", load);
  box.append(h("p", {}, t("adm_mod_intro")), h("div", { class: "btn-row" }, again), note, list);

  function item(m) {
    const id = `mod-${m.kind}-${m.id}`;
    const reason = h("input", { type: "text", id: `${id}-reason`, maxlength: 300, autocomplete: "off", dataset: { test: "mod-reason" } });
    const problem = h("p", { class: "error", role: "alert" });
    const li = h("li", { class: "card stack mod-item", dataset: { test: "mod-item", kind: m.kind, id: String(m.id) } });
    const buttons = ACTIONS[m.kind]
      .filter((a) => (a === "hide" ? !m.hidden : a === "restore" ? m.hidden : true))
      .map((a) => {
        const b = h("button", { type: "button", class: a === "delete" ? "btn btn-small btn-danger" : "btn btn-small", dataset: { test: `mod-${a}` } }, `${ICONS[a]} ${t(`adm_mod_${a}`)}`);
        b.addEventListener("click", async () => {
          problem.textContent = "";
          const why = reason.value.trim();
          if (!why) {
            problem.textContent = t("adm_reason_needed");
            return reason.focus();
          }
          if (a === "delete" && !confirm(t("adm_mod_delete_confirm"))) return;
          try {
            await api("POST", `/api/admin/moderation/${m.kind}/${m.id}`, { action: a, reason: why });
            toast(t("adm_mod_done"));
            // The next item takes the focus, so a keyboard user keeps their place.
            const next = li.nextElementSibling ?? li.previousElementSibling;
            li.remove();
            next?.querySelector("input")?.focus();
            if (!list.children.length) note.textContent = t("adm_mod_empty");
          } catch (err) {
            problem.textContent = errorText(err);
          }
        });
        return b;
      });
    const author = m.author ? (m.author.username ? `${m.author.display_name} (@${m.author.username})` : m.author.display_name) : "";
    li.append(...[
      h("div", { class: "mod-head" },
        h("span", { class: "tag" }, t(`adm_kind_${m.kind}`)),
        m.hidden ? h("span", { class: "tag tag-bad" }, `🙈 ${t("adm_hidden")}`) : null,
        h("span", { class: "tag tag-bad", dataset: { test: "mod-reports" } }, t("adm_reports_n", { n: m.reports ?? 0 })),
        h("span", { class: "muted" }, whenText(m.created_at))),
      h("p", { class: "mod-title", dataset: { test: "mod-title" } }, m.kind === "comment" ? `“${m.title}”` : m.title),
      author ? h("p", { class: "muted" }, t("adm_by", { who: author }), " ",
        m.author ? h("a", { href: `/admin/users?q=${encodeURIComponent(m.author.username ?? m.author.display_name)}`, "data-link": true }, t("adm_open_user")) : null) : null,
      m.kind === "story" ? h("a", { href: `/read/${m.id}`, "data-link": true }, `📖 ${t("adm_open_story")}`) : null,
      m.reasons?.length ? h("ul", { class: "plain-list", "aria-label": t("adm_why_reported") }, ...m.reasons.map((r) => h("li", {}, `🚩 ${r}`))) : null,
      h("div", { class: "field" }, h("label", { for: `${id}-reason` }, t("adm_reason")), reason),
      problem,
      h("div", { class: "btn-row" }, ...buttons)].filter(Boolean));
    return li;
  }

  async function load() {
    note.textContent = t("working");
    try {
      const r = await api("GET", "/api/admin/moderation");
      list.replaceChildren(...r.items.map(item));
      note.textContent = r.items.length ? "" : t("adm_mod_empty");
    } catch (err) {
      note.textContent = errorText(err);
    }
  }
  load();
}
