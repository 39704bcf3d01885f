// "Report": a reader tells a grown-up that a story or a comment is not OK. A few clear choices
// and an optional note; the admin sees it in Moderation.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { h, toast } from "../ui.js";

// Sent in English whatever the screen language, so the admin's list reads the same.
const REASONS = [
  { id: "unkind", icon: "😠", en: "Unkind" },
  { id: "scary", icon: "😱", en: "Scary" },
  { id: "not_for_kids", icon: "🔞", en: "Not for kids" },
  { id: "other", icon: "❓", en: "Other" },
];

let seq = 0;

/**
 * A Report button and its panel (placed by the caller: the button in a row of tools, the panel
 * under it). `type` is "story" or "comment".
 */
export function reportControl(type, id, { small = false } = {}) {
  const n = ++seq;
  const button = h("button", {
    type: "button",
    class: small ? "btn btn-tiny report-btn" : "btn",
    "aria-expanded": "false",
    "aria-controls": `report-${n}`,
    dataset: { test: type === "story" ? "report-story" : "report-comment" },
  }, small ? `🚩 ${t("rep_short")}` : `🚩 ${t("rep_story")}`);
  if (small) button.setAttribute("aria-label", t("rep_comment"));
  const panel = h("div", { id: `report-${n}`, class: "report-panel", hidden: true });
  button.addEventListener("click", () => (panel.hidden ? open() : close()));

  function close() {
    panel.hidden = true;
    panel.replaceChildren();
    button.setAttribute("aria-expanded", "false");
  }

  function open() {
    const problem = h("p", { class: "error", role: "alert" });
    const choices = h("fieldset", { class: "report-choices" },
      h("legend", {}, type === "story" ? t("rep_why_story") : t("rep_why_comment")),
      ...REASONS.map((r) => h("label", { class: "report-choice" },
        h("input", { type: "radio", name: `report-reason-${n}`, value: r.id, dataset: { test: `report-reason-${r.id}` } }),
        h("span", { "aria-hidden": "true" }, r.icon), ` ${t(`rep_${r.id}`)}`)));
    const note = h("input", { type: "text", id: `report-text-${n}`, maxlength: 200, autocomplete: "off", dataset: { test: "report-text" } });
    const send = h("button", { type: "submit", class: "btn btn-primary btn-small", dataset: { test: "report-send" } }, `📨 ${t("rep_send")}`);
    const cancel = h("button", { type: "button", class: "btn btn-small", dataset: { test: "report-cancel" } }, t("cancel"));
    cancel.addEventListener("click", () => {
      close();
      button.focus();
    });
    const form = h("form", { class: "card stack", novalidate: true, dataset: { test: "report-form" } },
      choices,
      h("div", { class: "field" }, h("label", { for: `report-text-${n}` }, t("rep_more")), note),
      problem,
      h("div", { class: "btn-row" }, send, cancel));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const picked = REASONS.find((r) => r.id === form.querySelector("input[type=radio]:checked")?.value);
      if (!picked) {
        problem.textContent = t("rep_pick");
        return form.querySelector("input[type=radio]").focus();
      }
      const reason = (note.value.trim() ? `${picked.en}: ${note.value.trim()}` : picked.en).slice(0, 300);
      send.disabled = true;
      try {
        await api("POST", "/api/reports", { target_type: type, target_id: Number(id), reason });
        close();
        toast(t("rep_thanks"));
        button.textContent = small ? `✓ ${t("rep_done_short")}` : `✓ ${t("rep_done")}`;
        button.disabled = true;
      } catch (err) {
        problem.textContent = errorText(err);
        send.disabled = false;
      }
    });
    panel.replaceChildren(form);
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    form.querySelector("input[type=radio]").focus();
  }

  return { button, panel };
}
