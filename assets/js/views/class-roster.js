// Adding children from a list: the teacher pastes first names (or a spreadsheet's two columns),
// gets every account at once with its pictures, or sees which lines to fix (nothing is made
// until every line is fine).

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { busy, h } from "../ui.js";
import { pictureRow } from "./class-page.js";

export function rosterBox(c, reload) {
  const id = `roster-${c.id}`;
  const text = h("textarea", { id, rows: 6, class: "roster-input", "aria-describedby": `${id}-hint`, spellcheck: "false", dataset: { test: "roster-input" } });
  const add = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "roster-add" } }, `➕ ${t("ros_add")}`);
  const result = h("div", { class: "stack", "aria-live": "polite", dataset: { test: "roster-result" } });
  const form = h("form", { class: "card stack", novalidate: true, dataset: { test: "roster-form" } },
    h("h2", {}, `📝 ${t("ros_title")}`),
    h("label", { for: id }, t("ros_label")),
    h("p", { class: "hint", id: `${id}-hint` }, t("ros_hint")),
    text, h("div", { class: "btn-row" }, add), result);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    result.replaceChildren();
    if (!text.value.trim()) {
      result.append(h("p", { class: "error", role: "alert" }, t("ros_empty")));
      return text.focus();
    }
    busy(add, t("ros_working"), async () => {
      try {
        const r = await api("POST", `/api/classes/${c.id}/roster`, { text: text.value, language: document.documentElement.lang === "tl" ? "tl" : "en" });
        text.value = "";
        result.append(
          h("p", { class: "ok", role: "status", dataset: { test: "roster-done" } }, `🎉 ${t("ros_done", { n: r.created.length })}`),
          h("ul", { class: "friend-list" }, ...r.created.map((k) => h("li", { class: "friend", dataset: { test: "roster-made" } },
            h("span", { class: "friend-name" }, `${k.avatar_emoji} ${k.display_name}`, h("span", { class: "muted" }, ` @${k.username}`)),
            pictureRow(k.pictures)))),
          h("a", { class: "btn btn-primary", href: `/classes/${c.id}/cards`, "data-link": true }, `🖨️ ${t("cards_title")}`));
        reload?.();
      } catch (err) {
        const lines = err.details?.lines ?? [];
        result.append(h("p", { class: "error", role: "alert", dataset: { test: "roster-error" } }, lines.length ? t("ros_fix") : errorText(err)));
        if (lines.length) {
          result.append(h("ul", { class: "roster-problems", dataset: { test: "roster-problems" } },
            ...lines.map((l) => h("li", { dataset: { test: "roster-problem", line: String(l.line), code: l.code } },
              h("strong", {}, t("ros_line", { n: l.line })), l.text ? ` “${l.text}”: ` : ": ", t(`ros_${l.code}`) === `ros_${l.code}` ? l.message : t(`ros_${l.code}`)))));
        }
        text.focus();
      }
    });
  });
  return form;
}
