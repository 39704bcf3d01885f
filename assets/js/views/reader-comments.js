// Comments under a story: the list and the "write something kind" box. The list is ONE stop
// for the Tab key (a roving tabindex): the arrow keys move from comment to comment, and Tab
// from a comment goes to its "…" (report) menu and then on, so nine comments are not
// eighteen key presses to get past.

import { api } from "../api.js";
import { t } from "../i18n.js";
import { liveHint } from "../kind-words.js";
import { getState } from "../store.js";
import { h } from "../ui.js";
import { reportMenu } from "./report.js";

export function commentsSection(storyId) {
  const help = h("p", { id: `comments-help-${storyId}`, class: "sr-only" }, t("rdr_comments_help"));
  const list = h("ol", { class: "chat-log comments", dataset: { test: "comments" }, "aria-describedby": help.id });
  const input = h("textarea", { rows: 2, maxlength: 1000, "aria-label": t("read_comment"), placeholder: t("read_comment"), dataset: { test: "comment-input" } });
  const hintLine = h("p", { class: "error", dataset: { test: "comment-hint" }, "aria-live": "polite" });
  const send = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "comment-send" } }, `💬 ${t("read_comment_send")}`);
  const form = h("form", { class: "stack", dataset: { test: "comment-form" } }, input, hintLine, send);
  // Rude words and personal details are pointed out while typing; the server still decides.
  const hint = liveHint(input, hintLine, "comment");
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text || send.disabled) return;
    send.disabled = true;
    try {
      const c = await api("POST", `/api/stories/${storyId}/comments`, { text });
      list.append(row(c));
      rove(list.lastElementChild, false);
      input.value = "";
      hint.clear();
      form.dataset.sent = "posted";
    } catch (err) {
      // A refused comment is not posted: the reason stays next to the box, the words stay in it.
      hint.show(err);
      form.dataset.sent = "refused";
      input.focus();
    } finally {
      send.disabled = false;
    }
  });

  list.addEventListener("keydown", (e) => {
    const li = e.target.closest?.("li.msg");
    if (!li || e.target !== li) return;
    const rows = [...list.children];
    const at = rows.indexOf(li);
    const go = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[e.key];
    if (go === undefined || go < 0 || go >= rows.length) return;
    e.preventDefault();
    rove(rows[go], true);
  });
  // A click or a Tab into a comment makes it the list's stop.
  list.addEventListener("focusin", (e) => {
    const li = e.target.closest?.("li.msg");
    if (li && li.tabIndex !== 0) rove(li, false);
  });

  const section = h("section", { class: "stack reader-comments" },
    h("h2", {}, `💬 ${t("read_comments")}`), help, list,
    getState().user ? form : h("p", { class: "muted" }, t("read_login_to_comment")));

  async function load() {
    try {
      const r = await api("GET", `/api/stories/${storyId}/comments`, undefined, { auth: Boolean(getState().user) });
      list.replaceChildren(...r.items.map(row));
      if (list.firstElementChild) rove(list.firstElementChild, false);
    } catch {
      // Comments are extra: the story still reads.
    }
  }

  return { section, load };
}

// Only the chosen comment, and its "…", take part in the Tab order.
function rove(li, focus) {
  for (const other of li.parentElement.children) {
    const on = other === li;
    other.tabIndex = on ? 0 : -1;
    const more = other.querySelector(".more-btn");
    if (more) more.tabIndex = on ? 0 : -1;
  }
  if (focus) li.focus();
}

function row(c) {
  const me = getState().user;
  const who = `${c.author.avatar_emoji} ${c.author.display_name}`;
  const report = me && c.id && c.author?.id !== me.id
    ? reportMenu("comment", c.id, { label: t("rdr_more_comment", { name: c.author.display_name }) })
    : null;
  if (report) report.button.tabIndex = -1;
  return h("li", { class: "msg", tabindex: "-1", dataset: { test: "comment" } },
    h("span", { class: "msg-meta muted" }, h("span", {}, who), report?.wrap),
    h("span", { class: "msg-text" }, c.text), report?.panel);
}
