// A chat with one friend: live messages, typing, read receipts, edit and delete your own.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { liveHint } from "../kind-words.js";
import { on, send } from "../socket.js";
import { getState } from "../store.js";
import { h, toast } from "../ui.js";

export function chatView(root, { id }) {
  const friend = Number(id);
  const me = getState().user.id;
  const log = h("ol", { class: "chat-log", dataset: { test: "chat-log" }, "aria-live": "polite" });
  const typing = h("p", { class: "muted typing", dataset: { test: "typing" }, hidden: true }, t("c_typing"));
  const input = h("textarea", { name: "text", rows: 2, maxlength: 2000, "aria-label": t("c_write"), placeholder: t("c_write"), dataset: { test: "chat-input" } });
  const sendBtn = h("button", { class: "btn btn-primary", type: "submit", dataset: { test: "chat-send" } }, `${t("c_send")} ➤`);
  const form = h("form", { class: "chat-form" }, input, sendBtn);
  // Rude words and personal details are pointed out while typing; a refused message stays in the box.
  const hintEl = h("p", { class: "error", dataset: { test: "chat-hint" } });
  const hint = liveHint(input, hintEl, "message");
  const title = h("h1", {}, "💬");
  const older = h("button", { type: "button", class: "btn btn-small", hidden: true }, t("c_older"));
  root.append(h("section", { class: "stack chat" }, title, older, log, typing, hintEl, form));
  const byId = new Map();
  let before = null;
  let typingTimer = null;
  let lastTypingSent = 0;

  function row(m) {
    const mine = m.from === me;
    const text = h("span", { class: "msg-text" }, m.text);
    const meta = h("span", { class: "msg-meta muted" });
    const li = h("li", { class: mine ? "msg mine" : "msg", dataset: { test: "msg", id: String(m.id) } }, text, meta);
    if (mine) {
      const edit = h("button", { type: "button", class: "btn btn-tiny", "aria-label": t("c_edit") }, "✏️");
      const del = h("button", { type: "button", class: "btn btn-tiny", "aria-label": t("c_delete") }, "🗑️");
      edit.addEventListener("click", async () => {
        const next = prompt(t("c_edit"), li.querySelector(".msg-text").textContent);
        if (next === null || !next.trim()) return;
        try {
          await api("PATCH", `/api/messages/${m.id}`, { text: next });
        } catch (err) {
          toast(errorText(err));
        }
      });
      del.addEventListener("click", async () => {
        if (!confirm(t("c_delete_confirm"))) return;
        try {
          await api("DELETE", `/api/messages/${m.id}`);
        } catch (err) {
          toast(errorText(err));
        }
      });
      li.append(h("span", { class: "msg-tools" }, edit, del));
    }
    paint(li, m);
    return li;
  }

  function paint(li, m) {
    li.querySelector(".msg-text").textContent = m.text;
    const bits = [new Date(m.created_at).toLocaleTimeString(document.documentElement.lang, { hour: "2-digit", minute: "2-digit" })];
    if (m.edited_at) bits.push(t("c_edited"));
    if (m.from === me && m.read) bits.push(`✓✓ ${t("c_seen")}`);
    li.querySelector(".msg-meta").textContent = bits.join(" · ");
    li.dataset.read = m.read ? "1" : "";
  }

  function add(m, atEnd = true) {
    if (byId.has(m.id)) return;
    const li = row(m);
    byId.set(m.id, { m, li });
    if (atEnd) log.append(li);
    else log.prepend(li);
  }

  async function loadPage() {
    try {
      const q = before ? `?before=${before}` : "";
      const page = await api("GET", `/api/conversations/${friend}/messages${q}`);
      for (const m of [...page.items].reverse()) add(m, false);
      before = page.next_before;
      older.hidden = !before;
    } catch (err) {
      log.replaceChildren(h("li", { class: "error", role: "alert" }, errorText(err)));
    }
  }

  async function markRead() {
    const unread = [...byId.values()].some(({ m }) => m.from === friend && !m.read);
    if (!unread) return;
    try {
      await api("POST", `/api/conversations/${friend}/read`);
      for (const { m } of byId.values()) if (m.from === friend) m.read = true;
    } catch {
      // The next message tries again.
    }
  }

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    sendBtn.disabled = true;
    try {
      const r = await api("POST", `/api/conversations/${friend}/messages`, { text });
      add(r.message);
      input.value = "";
      hint.clear();
      log.lastElementChild?.scrollIntoView({ block: "end" });
    } catch (err) {
      if (err.status === 422) hint.show(err);
      else toast(errorText(err));
    } finally {
      sendBtn.disabled = false;
      input.focus();
    }
  });
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("input", () => {
    if (Date.now() - lastTypingSent > 2000) {
      lastTypingSent = Date.now();
      send({ type: "message.typing", to: friend });
    }
  });
  older.addEventListener("click", loadPage);

  const offs = [
    on("message.new", (f) => {
      const m = f.message;
      if (![m.from, m.to].includes(friend)) return;
      add(m);
      typing.hidden = true;
      log.lastElementChild?.scrollIntoView({ block: "end" });
      if (m.from === friend && document.visibilityState === "visible") markRead();
    }),
    on("message.edited", (f) => {
      const e = byId.get(f.message.id);
      if (e) {
        e.m = f.message;
        paint(e.li, f.message);
      }
    }),
    on("message.deleted", (f) => {
      const e = byId.get(f.id);
      if (e) {
        e.li.remove();
        byId.delete(f.id);
      }
    }),
    on("message.read", (f) => {
      if (f.reader_id !== friend) return;
      for (const e of byId.values()) {
        if (e.m.from === me && e.m.id <= f.up_to_id) {
          e.m.read = true;
          paint(e.li, e.m);
        }
      }
    }),
    on("message.typing", (f) => {
      if (f.from !== friend) return;
      typing.hidden = false;
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => (typing.hidden = true), 4000);
    }),
  ];

  (async () => {
    try {
      const friends = await api("GET", "/api/friends");
      const f = friends.items.find((x) => x.user.id === friend);
      title.textContent = f ? `💬 ${f.user.avatar_emoji} ${f.user.display_name}` : "💬";
    } catch {
      // The messages call reports the problem.
    }
    await loadPage();
    log.lastElementChild?.scrollIntoView({ block: "end" });
    markRead();
    input.focus();
  })();
  return () => {
    for (const off of offs) off();
    clearTimeout(typingTimer);
  };
}
