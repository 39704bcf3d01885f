// "Report": a reader tells a grown-up that a story or a comment is not OK. A few clear choices
// and an optional note; the admin sees it in Moderation. Reporting is rare, so it waits in a
// small "…" menu instead of sitting beside Like as a big button a child taps by mistake.

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
 * The report form in a panel (placed by the caller, under the thing reported). `back` is where
 * the keyboard goes when the panel closes; `onSent` runs once a report went through.
 */
function reportPanel(type, id, { back, onSent }) {
  const n = ++seq;
  const panel = h("div", { id: `report-${n}`, class: "report-panel", hidden: true });

  function close() {
    panel.hidden = true;
    panel.replaceChildren();
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
      back().focus();
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
        onSent();
        back().focus();
      } catch (err) {
        problem.textContent = errorText(err);
        send.disabled = false;
      }
    });
    panel.replaceChildren(form);
    panel.hidden = false;
    form.querySelector("input[type=radio]").focus();
  }

  return { panel, open, close, isOpen: () => !panel.hidden };
}

/**
 * A small "…" button with a pop-up menu of `items` ({text, test, run}). Arrow keys move in the
 * menu, Escape closes it and gives the keyboard back to the button.
 */
export function moreMenu({ label, test, items }) {
  const n = ++seq;
  const button = h("button", {
    type: "button",
    class: "more-btn",
    "aria-haspopup": "menu",
    "aria-expanded": "false",
    "aria-controls": `menu-${n}`,
    "aria-label": label,
    title: label,
    dataset: { test },
  }, h("span", { "aria-hidden": "true" }, "⋯"));
  const entries = items.map((it) => {
    const b = h("button", { type: "button", role: "menuitem", tabindex: "-1", class: "more-item", dataset: { test: it.test } }, it.text);
    b.addEventListener("click", () => {
      if (b.getAttribute("aria-disabled") === "true") return;
      close(false);
      it.run(b);
    });
    return b;
  });
  const menu = h("div", { id: `menu-${n}`, role: "menu", class: "more-menu", "aria-label": label, hidden: true }, ...entries);
  const wrap = h("span", { class: "more-wrap" }, button, menu);

  // A tap anywhere else closes the menu, as menus do.
  const outside = (e) => {
    if (!wrap.contains(e.target)) close(false);
  };

  function open() {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    // Opens towards the middle of the screen, so it never runs off an edge.
    const r = button.getBoundingClientRect();
    menu.classList.toggle("to-left", r.left + r.width / 2 > document.documentElement.clientWidth / 2);
    entries[0]?.focus();
    document.addEventListener("pointerdown", outside, true);
  }

  function close(refocus) {
    if (menu.hidden) return;
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    document.removeEventListener("pointerdown", outside, true);
    if (refocus) button.focus();
  }

  button.addEventListener("click", () => (menu.hidden ? open() : close(true)));
  button.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      open();
    }
  });
  menu.addEventListener("keydown", (e) => {
    const at = entries.indexOf(document.activeElement);
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 }[e.key];
    if (go !== undefined) {
      e.preventDefault();
      entries[(go + entries.length) % entries.length].focus();
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    } else if (e.key === "Tab") {
      close(false);
    }
  });
  return { wrap, button, menu, close };
}

/**
 * A "…" menu holding "Report this story" (or comment), and the report panel it opens. The
 * caller places `wrap` with the tools and `panel` under the thing reported.
 */
export function reportMenu(type, id, { label }) {
  const story = type === "story";
  let more = null;
  const form = reportPanel(type, id, {
    back: () => more.button,
    onSent: () => {
      const item = more.menu.querySelector("[role=menuitem]");
      item.textContent = `✓ ${story ? t("rep_done") : t("rep_done_short")}`;
      item.setAttribute("aria-disabled", "true");
    },
  });
  more = moreMenu({
    label,
    test: story ? "story-more" : "comment-more",
    items: [{ text: `🚩 ${story ? t("rdr_report_story") : t("rep_comment")}`, test: story ? "report-story" : "report-comment", run: () => (form.isOpen() ? form.close() : form.open()) }],
  });
  return { wrap: more.wrap, button: more.button, panel: form.panel };
}
