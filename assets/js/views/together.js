// Draw together: start or join a live session, then one shared story: pages, drawing with
// live strokes and cursors from the others, page text, chat, and a vote to save it.

import { api } from "../api.js";
import { canvasEditor } from "../canvas-editor.js";
import { celebrate, play } from "../delight.js";
import { drawTools, fitCanvas, keepInView, paintThumb } from "../draw-tools.js";
import { errorText, t } from "../i18n.js";
import { liveHint } from "../kind-words.js";
import { navigate } from "../router.js";
import { isOpen, on, send } from "../socket.js";
import { getState } from "../store.js";
import { field, h, toast } from "../ui.js";

/** `/together`: start a session or join one by its code. */
export function togetherStartView(root) {
  const code = field({ label: t("tg_code"), name: "code", hint: t("tg_code_hint"), autocomplete: "off", attrs: { maxlength: 7, autocapitalize: "characters" } });
  const join = h("form", { class: "card stack", dataset: { test: "tg-join" } }, h("h2", {}, t("tg_join")), code.wrap, h("button", { class: "btn btn-primary", type: "submit" }, t("tg_join_go")));
  join.addEventListener("submit", async (e) => {
    e.preventDefault();
    code.setError("");
    try {
      const s = await api("POST", "/api/collab/join", { code: code.input.value });
      navigate(`/together/${s.id}`);
    } catch (err) {
      code.setError(errorText(err));
    }
  });
  const start = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "tg-create" } }, `🎨 ${t("tg_create")}`);
  start.addEventListener("click", async () => {
    try {
      const s = await api("POST", "/api/collab/sessions", { title: t("st_untitled") });
      navigate(`/together/${s.id}`);
    } catch (err) {
      toast(errorText(err));
    }
  });
  root.append(h("section", { class: "stack" }, h("h1", {}, `🎨 ${t("tg_title")}`), h("div", { class: "card stack" }, h("p", {}, t("tg_intro")), start), join));
}

/** `/together/:id`: the live room. */
export function togetherView(root, { id }) {
  const sid = Number(id);
  const me = getState().user.id;
  let room = null; // {state, title, pages, seq, members, host_id, story_id}
  let page = null; // current page id
  let opSeq = 0;
  const pending = new Map(); // client_op_id -> op
  const previews = new Map(); // user -> item
  const cursors = new Map(); // user -> {x, y, page, color}
  let textTimer = null;
  let voteTimer = null;
  let voteBack = null; // where focus was before the vote took it
  const thumbs = new Map(); // page id -> its small picture in the strip

  const head = h("h1", { class: "st-heading tg-heading", dataset: { test: "tg-title" } }, "🎨");
  const conn = h("p", { class: "muted tg-conn", role: "status", dataset: { test: "tg-conn" } }, t("working"));
  const codeBox = h("span", { class: "join-code", dataset: { test: "tg-code" } });
  const copy = h("button", { type: "button", class: "btn btn-small tg-copy", "aria-label": t("tg_copy"), title: t("tg_copy") }, "📋");
  copy.addEventListener("click", () => navigator.clipboard?.writeText(codeBox.textContent).then(() => toast(t("tg_copied")), () => {}));
  const members = h("ul", { class: "friend-list", dataset: { test: "tg-members" }, "aria-label": t("tg_members") });
  const hostBar = h("div", { class: "btn-row", dataset: { test: "tg-host" } });
  const strip = h("ol", { class: "page-strip", "aria-label": t("st_pages") });
  const canvas = h("canvas", { class: "page-canvas editor-canvas", dataset: { test: "tg-canvas", items: "0" } });
  const text = h("textarea", { class: "page-words", rows: 3, maxlength: 5000, "aria-label": t("st_text"), placeholder: t("st_text_hint"), dataset: { test: "tg-text" } });
  const chatLog = h("ol", { class: "chat-log small", dataset: { test: "tg-chat" }, "aria-live": "polite" });
  const chatIn = h("input", { type: "text", class: "chat-input", maxlength: 300, autocomplete: "off", "aria-label": t("c_write"), placeholder: t("c_write"), dataset: { test: "tg-chat-input" } });
  const chatForm = h("form", { class: "chat-form" }, chatIn, h("button", { class: "btn", type: "submit" }, t("c_send")));
  const chatHintEl = h("p", { class: "error", dataset: { test: "tg-chat-hint" } });
  const chatHint = liveHint(chatIn, chatHintEl, "chat");
  // The save vote: pinned to the top of the screen while it is open, and said out loud.
  const voteHead = `tg-vote-q-${sid}`;
  const voteBox = h("div", { class: "card stack vote tg-vote", hidden: true, tabindex: "-1", dataset: { test: "tg-vote" }, role: "alertdialog", "aria-labelledby": voteHead });
  const saveBtn = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "tg-save" } }, `💾 ${t("tg_save")}`);
  const done = h("div", { class: "card", hidden: true, dataset: { test: "tg-done" } });
  // Before the host starts: a note over the canvas, and the host's Start button right there.
  const lobby = h("div", { class: "tg-lobby", hidden: true, dataset: { test: "tg-lobby" } });

  const editor = canvasEditor(canvas, () => {}, {
    onItem(item) {
      if (!page || !["drawing", "voting"].includes(room?.state)) return;
      op({ kind: "draw", page_id: page, item }, item);
    },
    onPreview(item) {
      send({ type: "collab.preview", session_id: sid, page_id: page, data: item });
    },
    onCursor(x, y) {
      // The keyboard's cursor is shown to the others like a pointer's, as often at most.
      if (!page || performance.now() - (canvas.lastCursor ?? 0) < 50) return;
      canvas.lastCursor = performance.now();
      send({ type: "collab.cursor", session_id: sid, page_id: page, x, y });
    },
    extra() {
      const out = [];
      for (const p of pending.values()) if (p.kind === "draw" && p.page_id === page) out.push(p.item);
      for (const [u, item] of previews) if (u !== me && item.page === page) out.push(item.item);
      for (const [u, c] of cursors) {
        if (u === me || c.page !== page) continue;
        const name = room?.members.find((m) => m.user_id === u)?.display_name ?? "";
        out.push({ type: "text", x: c.x + 10, y: c.y - 10, text: `● ${name}`, size: 22, color: c.color });
      }
      return out;
    },
  });
  // The same tools as the studio; Undo takes back this child's own last drawing.
  const tools = drawTools(editor, {
    undo: () => {
      const mine = room?.pages.find((p) => p.id === page)?.items.filter((i) => i.user_id === me && !i.hidden);
      const last = mine?.[mine.length - 1];
      if (last) op({ kind: "undo", target: last.seq });
    },
  });

  canvas.addEventListener("pointermove", (e) => {
    if (!page || e.timeStamp - (canvas.lastCursor ?? 0) < 50) return;
    canvas.lastCursor = e.timeStamp;
    const r = canvas.getBoundingClientRect();
    send({ type: "collab.cursor", session_id: sid, page_id: page, x: ((e.clientX - r.left) / r.width) * 1024, y: ((e.clientY - r.top) / r.height) * 768 });
  });
  text.addEventListener("input", () => {
    clearTimeout(textTimer);
    textTimer = setTimeout(() => page && op({ kind: "page_text", page_id: page, text: text.value }), 500);
  });
  chatForm.addEventListener("submit", (e) => {
    e.preventDefault();
    const msg = chatIn.value.trim();
    if (msg && send({ type: "collab.chat", session_id: sid, text: msg })) {
      chatIn.value = "";
      chatHint.clear();
    }
  });
  saveBtn.addEventListener("click", () => send({ type: "collab.vote_start", session_id: sid }));

  // Canvas first, as in the studio: the title, the join code and the page with its tools on
  // the first screen; the people, the host's buttons and the chat come after.
  const frame = h("div", { class: "canvas-frame", dataset: { test: "tg-canvas-frame" } }, canvas, lobby);
  const section = h("section", { class: "together canvas-first" },
    h("div", { class: "st-head" },
      h("div", { class: "st-top" },
        h("div", { class: "st-name" }, head, conn),
        h("div", { class: "tg-code-chip" }, h("span", { class: "tg-code-label" }, t("tg_code")), codeBox, copy)),
      done),
    h("div", { class: "st-stage" }, frame),
    h("div", { class: "st-side" }, tools.el, h("div", { class: "strip-row" }, strip),
      h("div", { class: "tg-room" },
        h("div", { class: "stack" }, h("div", { class: "btn-row" }, saveBtn), hostBar, members),
        h("div", { class: "stack tg-chat" }, h("h2", {}, `💬 ${t("tg_chat")}`), chatLog, chatHintEl, chatForm))),
    h("div", { class: "st-words" }, text),
    voteBox);
  root.append(section);
  const fitter = fitCanvas(section, frame, { bar: tools.bar, words: text });
  section.addEventListener("canvasfit", () => editor.paint());
  const onResize = () => editor.paint();
  window.addEventListener("resize", onResize);

  function op(body, item) {
    const cid = `c${++opSeq}`;
    pending.set(cid, body);
    if (!send({ type: "collab.op", session_id: sid, client_op_id: cid, op: body })) {
      pending.delete(cid);
      toast(t("tg_offline"));
      return;
    }
    if (item) editor.paint();
  }

  function apply(seq, user, o) {
    if (!room) return;
    const find = (pid) => room.pages.find((p) => p.id === pid);
    switch (o.kind) {
      case "draw":
        find(o.page_id)?.items.push({ seq, user_id: user, item: o.item, hidden: false });
        previews.delete(user);
        break;
      case "undo":
      case "redo":
        for (const p of room.pages) for (const i of p.items) if (i.seq === o.target) i.hidden = o.kind === "undo";
        break;
      case "clear":
        if (find(o.page_id)) find(o.page_id).items = [];
        break;
      case "page_add":
        if (!find(o.page_id)) room.pages.splice(o.index ?? room.pages.length, 0, { id: o.page_id, text: "", items: [] });
        break;
      case "page_delete":
        room.pages = room.pages.filter((p) => p.id !== o.page_id);
        if (page === o.page_id) page = room.pages[0]?.id ?? null;
        break;
      case "page_move": {
        const i = room.pages.findIndex((p) => p.id === o.page_id);
        if (i >= 0) room.pages.splice(o.index, 0, ...room.pages.splice(i, 1));
        break;
      }
      case "page_text":
        if (find(o.page_id)) find(o.page_id).text = o.text;
        if (o.page_id === page && document.activeElement !== text) text.value = o.text;
        break;
      case "title":
        room.title = o.text;
        break;
      default:
        break;
    }
    room.seq = Math.max(room.seq, seq);
  }

  function draw() {
    if (!room) return;
    head.textContent = `🎨 ${room.title}`;
    const p = room.pages.find((x) => x.id === page) ?? room.pages[0];
    page = p?.id ?? null;
    const visible = p ? p.items.filter((i) => !i.hidden).map((i) => i.item) : [];
    editor.load({ v: 1, width: 1024, height: 768, background: "#fffaf0", items: visible });
    canvas.dataset.items = String(visible.length);
    // What is on this page, for tests and for anyone comparing screens: the ops' seqs.
    canvas.dataset.sig = p ? p.items.filter((i) => !i.hidden).map((i) => i.seq).join(",") : "";
    if (p && document.activeElement !== text) text.value = p.text;
    drawStrip();
    drawMembers();
    const live = ["drawing", "voting"].includes(room.state);
    saveBtn.hidden = !live;
    canvas.classList.toggle("locked", !live);
    canvas.tabIndex = live ? 0 : -1;
    drawLobby();
  }

  // The pages as small pictures of what is on them (what everyone drew, undone items left out).
  function drawStrip() {
    const hadFocus = strip.contains(document.activeElement);
    strip.replaceChildren(...room.pages.map((x, i) => {
      const label = t("st_page_thumb", { n: i + 1 });
      const shown = x.items.filter((it) => !it.hidden);
      const sig = shown.map((it) => it.seq).join(",");
      // A picture is painted again only when what is on its page changed.
      let pic = thumbs.get(x.id);
      if (pic?.dataset.sig !== sig) {
        pic = h("canvas", { class: "thumb", "aria-hidden": "true", dataset: { sig } });
        paintThumb(pic, { v: 1, width: 1024, height: 768, background: "#fffaf0", items: shown.map((it) => it.item) });
        thumbs.set(x.id, pic);
      }
      const b = h("button", { type: "button", class: "page-tab", "aria-current": x.id === page ? "page" : "false", "aria-label": label, title: label, dataset: { test: "tg-page" } },
        pic, h("span", { class: "thumb-n", "aria-hidden": "true" }, String(i + 1)));
      b.addEventListener("click", () => {
        page = x.id;
        send({ type: "collab.view", session_id: sid, page_id: page });
        draw();
        keepInView(canvas);
      });
      return h("li", {}, b);
    }));
    const add = h("button", { type: "button", class: "btn strip-btn strip-add", "aria-label": t("st_add_page"), title: t("st_add_page"), dataset: { test: "tg-add-page" } }, "+");
    add.addEventListener("click", () => op({ kind: "page_add", after: page }));
    strip.append(h("li", {}, add));
    if (hadFocus) strip.querySelector("[aria-current=page]")?.focus({ preventScroll: true });
  }

  // Waiting for the start: what happens next, and the host's Start button over the canvas.
  function drawLobby() {
    lobby.hidden = room.state !== "lobby";
    if (lobby.hidden) return lobby.replaceChildren();
    if (room.host_id !== me) return lobby.replaceChildren(h("p", {}, t("tg_lobby_guest")));
    const go = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "tg-start" } }, `▶ ${t("tg_start")}`);
    go.addEventListener("click", () => api("POST", `/api/collab/sessions/${sid}/start`).catch((err) => toast(errorText(err))));
    lobby.replaceChildren(h("p", {}, t("tg_lobby_host")), go);
  }

  function drawMembers() {
    const isHost = room.host_id === me;
    members.replaceChildren(...room.members.map((m) => {
      const kick = isHost && m.user_id !== me ? h("button", { type: "button", class: "btn btn-small" }, t("tg_kick")) : null;
      kick?.addEventListener("click", () => confirm(t("tg_kick_confirm", { name: m.display_name })) && api("POST", `/api/collab/sessions/${sid}/kick`, { user_id: m.user_id }).catch((err) => toast(errorText(err))));
      const dot = h("span", { class: m.online ? "dot online" : "dot", role: "img", "aria-label": m.online ? t("f_online") : t("f_offline") });
      const swatch = h("span", { class: "swatch small", "aria-hidden": "true" });
      swatch.style.setProperty("--swatch", m.color);
      return h("li", { class: "friend", dataset: { test: "tg-member" } }, dot, swatch, h("span", { class: "friend-name" }, `${m.display_name}${m.host ? ` 👑` : ""}`), kick);
    }));
    hostBar.replaceChildren();
    if (!isHost) return;
    const btn = (label, path, test) => {
      const b = h("button", { type: "button", class: "btn", dataset: { test } }, label);
      b.addEventListener("click", () => api("POST", `/api/collab/sessions/${sid}/${path}`).catch((err) => toast(errorText(err))));
      return b;
    };
    if (room.lobby_open && ["lobby", "drawing", "voting"].includes(room.state)) hostBar.append(btn(`🔒 ${t("tg_close_lobby")}`, "lobby/close", "tg-close"));
    if (["lobby", "drawing", "voting"].includes(room.state)) hostBar.append(btn(`⏹ ${t("tg_end")}`, "end", "tg-end"));
  }

  function memberUpdate(userId, patch) {
    const m = room?.members.find((x) => x.user_id === userId);
    if (m) Object.assign(m, patch);
  }

  function showVote(f) {
    const yes = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "tg-yes" } }, `👍 ${t("tg_yes")}`);
    const no = h("button", { type: "button", class: "btn", dataset: { test: "tg-no" } }, `👎 ${t("tg_no")}`);
    yes.addEventListener("click", () => send({ type: "collab.vote", session_id: sid, yes: true }));
    no.addEventListener("click", () => send({ type: "collab.vote", session_id: sid, yes: false }));
    const left = h("p", { class: "muted", dataset: { test: "tg-countdown" } });
    const end = Date.now() + f.deadline_ms;
    clearInterval(voteTimer);
    const tick = () => (left.textContent = t("tg_seconds_left", { n: Math.max(0, Math.ceil((end - Date.now()) / 1000)) }));
    tick();
    voteTimer = setInterval(tick, 1000);
    const mayVote = f.voters.includes(me) && f.by !== me;
    const wasOpen = !voteBox.hidden;
    voteBox.hidden = false;
    voteBox.replaceChildren(h("h2", { id: voteHead }, `🗳️ ${t("tg_vote_q")}`), left, mayVote ? h("div", { class: "btn-row" }, yes, no) : h("p", {}, t("tg_waiting_votes")));
    if (wasOpen) return;
    // Hard to miss: a tune, and focus on Yes (or on the box) so a screen reader says it.
    play("vote");
    voteBack = document.activeElement;
    (mayVote ? yes : voteBox).focus({ preventScroll: true });
  }

  const offs = [
    on("socket.open", () => join()),
    on("socket.closed", () => {
      conn.textContent = t("tg_reconnecting");
    }),
    on("collab.state", (f) => {
      if (f.session_id !== sid) return;
      conn.textContent = "";
      room = { state: f.state, title: f.title, pages: f.pages, seq: f.seq, members: f.members, host_id: f.host_id, lobby_open: f.lobby_open, story_id: f.story_id };
      chatLog.replaceChildren(...f.chat.map(chatRow));
      if (f.vote) showVote(f.vote);
      draw();
    }),
    on("collab.replay", (f) => {
      if (f.session_id !== sid || !room) return;
      conn.textContent = "";
      for (const o of f.ops) if (o.seq > room.seq) apply(o.seq, o.user_id, o.op);
      room.members = f.members;
      room.state = f.state;
      draw();
    }),
    on("collab.op", (f) => {
      if (f.session_id !== sid || !room) return;
      if (f.user_id === me && f.client_op_id) pending.delete(f.client_op_id);
      if (f.seq > room.seq) apply(f.seq, f.user_id, f.op);
      draw();
    }),
    on("collab.ack", (f) => {
      if (f.session_id !== sid || !room) return;
      const o = pending.get(f.client_op_id);
      pending.delete(f.client_op_id);
      if (o && f.seq > room.seq && !["clear", "page_add", "page_delete", "page_move"].includes(o.kind)) apply(f.seq, me, o);
      draw();
    }),
    on("collab.preview", (f) => {
      if (f.session_id !== sid) return;
      previews.set(f.user_id, { page: f.page_id, item: f.data });
      editor.paint();
    }),
    on("collab.cursor", (f) => {
      if (f.session_id !== sid) return;
      cursors.set(f.user_id, { x: f.x, y: f.y, page: f.page_id, color: f.color });
      editor.paint();
    }),
    on("collab.member_joined", (f) => {
      if (f.session_id !== sid || !room) return;
      if (!room.members.some((m) => m.user_id === f.user_id)) room.members.push({ user_id: f.user_id, display_name: f.display_name, color: f.color, online: true });
      memberUpdate(f.user_id, { online: true });
      drawMembers();
    }),
    on("collab.member_left", (f) => {
      if (f.session_id !== sid || !room) return;
      memberUpdate(f.user_id, { online: false });
      cursors.delete(f.user_id);
      previews.delete(f.user_id);
      drawMembers();
    }),
    on("collab.chat", (f) => {
      if (f.session_id === sid) chatLog.append(chatRow(f));
    }),
    on("collab.status", (f) => {
      if (f.session_id !== sid || !room) return;
      room.state = f.state;
      room.lobby_open = f.lobby_open;
      draw();
    }),
    on("collab.kicked", (f) => {
      if (f.session_id !== sid || !room) return;
      if (f.user_id === me) {
        toast(t("tg_kicked"));
        navigate("/together", { replace: true });
        return;
      }
      room.members = room.members.filter((m) => m.user_id !== f.user_id);
      drawMembers();
    }),
    on("collab.ended", (f) => {
      if (f.session_id !== sid || !room) return;
      room.state = "ended";
      done.hidden = false;
      done.replaceChildren(h("p", {}, t("tg_ended")));
      draw();
    }),
    on("collab.vote_started", (f) => f.session_id === sid && showVote(f)),
    on("collab.vote_result", (f) => {
      if (f.session_id !== sid) return;
      clearInterval(voteTimer);
      const inVote = voteBox.contains(document.activeElement);
      voteBox.hidden = true;
      if (inVote && voteBack?.isConnected) voteBack.focus({ preventScroll: true });
      voteBack = null;
      if (!f.approved) toast(f.reason === "timeout" ? t("tg_vote_timeout") : t("tg_vote_no"));
    }),
    on("collab.published", (f) => {
      if (f.session_id !== sid || !room) return;
      room.state = "published";
      room.story_id = f.story_id;
      celebrate("publish");
      done.hidden = false;
      done.replaceChildren(h("p", {}, `🎉 ${t("tg_published")}`), h("a", { class: "btn btn-primary", href: `/read/${f.story_id}`, "data-link": true, dataset: { test: "tg-story" } }, `📖 ${t("st_read")}`));
      draw();
    }),
    on("collab.publish_failed", (f) => f.session_id === sid && toast(`${f.message} ${(f.words ?? []).join(", ")}`)),
    on("error", (f) => {
      if (["not_member", "kicked", "session_closed", "session_not_found"].includes(f.code)) conn.textContent = f.message;
      // A refused text (rude words, a phone number...) is explained kindly, in the child's language.
      else if (["profanity", "personal_details"].includes(f.code)) {
        const err = { code: f.code, message: f.message, details: f };
        // A refused chat line is explained next to the chat box (and kept there to fix).
        if (f.field === "chat") chatHint.show(err);
        else toast(errorText(err));
      }
      else if (f.code !== "rate_limited") toast(f.message);
    }),
  ];

  function chatRow(f) {
    const name = room?.members.find((m) => m.user_id === f.user_id)?.display_name ?? "";
    return h("li", { class: f.user_id === me ? "msg mine" : "msg" }, h("span", { class: "msg-meta muted" }, name), h("span", { class: "msg-text" }, f.text));
  }

  function join() {
    send({ type: "collab.join", session_id: sid, since_seq: room ? room.seq : undefined });
  }

  api("GET", `/api/collab/sessions/${sid}`)
    .then((s) => {
      codeBox.textContent = s.join_code;
      if (isOpen()) join();
    })
    .catch((err) => {
      conn.textContent = errorText(err);
    });
  return () => {
    for (const off of offs) off();
    clearInterval(voteTimer);
    fitter.stop();
    window.removeEventListener("resize", onResize);
    send({ type: "collab.leave", session_id: sid });
  };
}
