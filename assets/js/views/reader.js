// The reader: one page at a time with its drawing, big next/previous buttons, arrow keys and
// swipes, read-aloud with the browser's voices, a like for signed-in readers, and the games
// made from the story (views/story-games.js).

import { api } from "../api.js";
import { rememberPicture, renderDrawing } from "../drawing.js";
import { errorText, t } from "../i18n.js";
import { getState } from "../store.js";
import { liveHint } from "../kind-words.js";
import { h, toast } from "../ui.js";
import { reportControl } from "./report.js";
import { reviewPanel } from "./review-panel.js";
import { storyGames } from "./story-games.js";

export function readerView(root, { id }) {
  const box = h("section", { class: "reader stack", dataset: { test: "reader" } }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(box);
  let story = null;
  let index = 0;
  let startX = null;

  const title = h("h1", { class: "reader-title" });
  const byline = h("p", { class: "muted" });
  const canvas = h("canvas", { class: "page-canvas", role: "img", dataset: { test: "page-canvas" } });
  const text = h("p", { class: "page-text", dataset: { test: "page-text" }, lang: "en" });
  const where = h("span", { class: "page-number", dataset: { test: "page-number" }, "aria-live": "polite" });
  const prev = h("button", { type: "button", class: "btn btn-big", dataset: { test: "prev" } }, `◀ ${t("read_prev")}`);
  const next = h("button", { type: "button", class: "btn btn-big btn-primary", dataset: { test: "next" } }, `${t("read_next")} ▶`);
  const aloud = h("button", { type: "button", class: "btn", dataset: { test: "read-aloud" }, "aria-pressed": "false" }, `🔊 ${t("read_aloud")}`);
  const voiceNote = h("p", { class: "hint", hidden: true, dataset: { test: "voice-note" } });
  const voicePick = h("select", { "aria-label": t("read_voice"), dataset: { test: "voice" } });
  const speed = h("select", { "aria-label": t("read_speed"), dataset: { test: "speed" } },
    h("option", { value: "0.7" }, `🐢 ${t("read_slow")}`), h("option", { value: "0.9", selected: true }, t("read_normal")), h("option", { value: "1.15" }, `🐇 ${t("read_fast")}`));
  const fillVoices = () => {
    if (!("speechSynthesis" in window) || !story) return;
    const code = story.language === "tl" ? ["fil", "tl"] : ["en"];
    const voices = speechSynthesis.getVoices().filter((v) => code.some((c) => v.lang.toLowerCase().startsWith(c)));
    voicePick.replaceChildren(h("option", { value: "" }, t("read_voice_auto")), ...voices.map((v) => h("option", { value: v.name }, v.name)));
    voicePick.hidden = voices.length < 2;
  };
  if ("speechSynthesis" in window) speechSynthesis.addEventListener?.("voiceschanged", fillVoices);
  const like = h("button", { type: "button", class: "btn", "aria-pressed": "false", dataset: { test: "like" } });
  const save = h("button", { type: "button", class: "btn", "aria-pressed": "false", dataset: { test: "save" } });
  const stars = h("div", { class: "stars", role: "group", "aria-label": t("read_rate"), dataset: { test: "stars" } });
  const comments = h("ol", { class: "chat-log comments", dataset: { test: "comments" } });
  const commentIn = h("textarea", { rows: 2, maxlength: 1000, "aria-label": t("read_comment"), placeholder: t("read_comment"), dataset: { test: "comment-input" } });
  const commentHint = h("p", { class: "error", dataset: { test: "comment-hint" }, "aria-live": "polite" });
  const commentSend = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "comment-send" } }, `💬 ${t("read_comment_send")}`);
  const commentForm = h("form", { class: "stack", dataset: { test: "comment-form" } }, commentIn, commentHint, commentSend);
  // Rude words and personal details are pointed out while typing; the server still decides.
  const hint = liveHint(commentIn, commentHint, "comment");
  commentForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = commentIn.value.trim();
    if (!text || commentSend.disabled) return;
    commentSend.disabled = true;
    try {
      const c = await api("POST", `/api/stories/${id}/comments`, { text });
      comments.append(commentRow(c));
      commentIn.value = "";
      hint.clear();
      commentForm.dataset.sent = "posted";
    } catch (err) {
      // A refused comment is not posted: the reason stays next to the box, the words stay in it.
      hint.show(err);
      commentForm.dataset.sent = "refused";
      commentIn.focus();
    } finally {
      commentSend.disabled = false;
    }
  });
  save.addEventListener("click", async () => {
    const saved = save.getAttribute("aria-pressed") === "true";
    try {
      await api(saved ? "DELETE" : "POST", `/api/stories/${id}/save`);
      drawSave(!saved);
    } catch (err) {
      toast(errorText(err));
    }
  });

  prev.addEventListener("click", () => show(index - 1));
  next.addEventListener("click", () => show(index + 1));
  aloud.addEventListener("click", () => (speechSynthesis?.speaking ? stopSpeaking() : speak()));
  like.addEventListener("click", toggleLike);
  const onKey = (e) => {
    if (e.target.closest("input, textarea, select")) return;
    if (e.key === "ArrowRight") show(index + 1);
    if (e.key === "ArrowLeft") show(index - 1);
  };
  document.addEventListener("keydown", onKey);
  canvas.addEventListener("pointerdown", (e) => (startX = e.clientX));
  canvas.addEventListener("pointerup", (e) => {
    if (startX === null) return;
    const dx = e.clientX - startX;
    startX = null;
    if (Math.abs(dx) > 50) show(index + (dx < 0 ? 1 : -1));
  });
  const onResize = () => story && renderDrawing(canvas, story.pages[index]?.drawing);
  window.addEventListener("resize", onResize);

  load();
  return () => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", onResize);
    stopSpeaking();
  };

  async function load() {
    try {
      story = await api("GET", `/api/stories/${id}`, undefined, { auth: Boolean(getState().user) });
    } catch (err) {
      box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)), h("a", { class: "btn", href: "/library", "data-link": true }, t("lib_back")));
      return;
    }
    title.textContent = story.title;
    // Authors by name and picture only (never a username).
    const others = (story.coauthors ?? []).map((a) => `${a.avatar_emoji} ${a.display_name}`);
    byline.textContent = `${story.author.avatar_emoji} ${story.author.display_name}${others.length ? ` ${t(others.length > 1 ? "read_with_many" : "read_with_one", { names: others.join(", ") })}` : ""}`;
    text.lang = story.language === "tl" ? "tl" : "en";
    const controls = h("div", { class: "reader-controls" }, prev, where, next);
    const reader = getState().user && !story.viewer?.is_author;
    const report = reader ? reportControl("story", id) : null;
    const tools = h("div", { class: "btn-row" }, aloud, reader ? like : null, reader ? save : null, report?.button, h("a", { class: "btn", href: "/library", "data-link": true }, t("lib_back")));
    const talk = h("section", { class: "stack" }, h("h2", {}, `💬 ${t("read_comments")}`), comments, getState().user ? commentForm : h("p", { class: "muted" }, t("read_login_to_comment")));
    const games = story.status === "published" ? storyGames(id) : null;
    // A teacher reading a story that waits for them decides under it; nothing else applies yet.
    if (story.review?.status === "waiting" && getState().user?.role === "teacher" && !story.viewer?.is_author) {
      const panel = reviewPanel(story);
      const jump = h("a", { class: "btn btn-small", href: "#review", dataset: { test: "review-jump" } }, `⬇️ ${t("rev_jump")}`);
      panel.id = "review";
      box.replaceChildren(title, byline, h("p", { class: "review-note" }, `⏳ ${t("rev_panel_text")} `, jump), h("figure", { class: "page" }, canvas, h("figcaption", {}, text)), controls, panel);
      show(0);
      return;
    }
    box.replaceChildren(title, byline, h("figure", { class: "page" }, canvas, h("figcaption", {}, text)), controls, tools, ...(report ? [report.panel] : []), h("div", { class: "lib-controls" }, voicePick, speed), ...(reader ? [stars] : []), voiceNote, ...(games ? [games] : []), talk);
    fillVoices();
    drawSave(story.viewer?.saved);
    drawStars(story.viewer?.rating ?? 0);
    loadComments();
    drawLike(story.viewer?.liked, story.counts?.likes ?? 0);
    const start = story.pages.findIndex((p) => p.id === story.viewer?.progress?.page_id);
    show(start > 0 && !story.viewer?.progress?.finished ? start : 0);
  }

  function show(i) {
    if (!story || i < 0 || i >= story.pages.length) return;
    stopSpeaking();
    index = i;
    const page = story.pages[i];
    const photo = page.drawing?.background_media;
    if (photo && page.background?.url) rememberPicture(photo, page.background.url, false);
    renderDrawing(canvas, page.drawing);
    canvas.setAttribute("aria-label", t("read_picture", { n: i + 1 }));
    text.replaceChildren(...words(page.text));
    where.textContent = t("read_page_of", { n: i + 1, total: story.pages.length });
    prev.disabled = i === 0;
    next.disabled = i === story.pages.length - 1;
    const finished = i === story.pages.length - 1;
    // Progress and the daily view count; a failure here must not stop the reading.
    api("POST", `/api/stories/${id}/reads`, { page_id: page.id, finished }, { auth: Boolean(getState().user) }).catch(() => {});
  }

  // Each word in its own span so read-aloud can light it up.
  function words(s) {
    const out = [];
    let at = 0;
    for (const m of s.matchAll(/\S+/g)) {
      if (m.index > at) out.push(s.slice(at, m.index));
      out.push(h("span", { class: "word", dataset: { at: String(m.index) } }, m[0]));
      at = m.index + m[0].length;
    }
    if (at < s.length) out.push(s.slice(at));
    return out;
  }

  function speak() {
    if (!("speechSynthesis" in window)) {
      voiceNote.textContent = t("read_no_speech");
      voiceNote.hidden = false;
      return;
    }
    const page = story.pages[index];
    if (!page.text.trim()) return;
    const u = new SpeechSynthesisUtterance(page.text);
    const langCode = story.language === "tl" ? "fil" : "en";
    u.lang = story.language === "tl" ? "fil-PH" : "en-US";
    const voices = speechSynthesis.getVoices();
    const voice = voices.find((v) => v.name === voicePick.value) ?? voices.find((v) => v.lang.toLowerCase().startsWith(langCode) || (langCode === "fil" && v.lang.toLowerCase().startsWith("tl")));
    if (voice) u.voice = voice;
    voiceNote.hidden = Boolean(voice) || voices.length === 0;
    voiceNote.textContent = t("read_no_voice");
    u.rate = Number(speed.value) || 0.9;
    u.onboundary = (e) => {
      for (const w of text.querySelectorAll(".word")) w.classList.toggle("speaking", Number(w.dataset.at) === e.charIndex);
    };
    u.onend = () => stopSpeaking();
    speechSynthesis.speak(u);
    aloud.setAttribute("aria-pressed", "true");
  }

  function stopSpeaking() {
    if ("speechSynthesis" in window) speechSynthesis.cancel();
    aloud.setAttribute("aria-pressed", "false");
    for (const w of text.querySelectorAll(".speaking")) w.classList.remove("speaking");
  }

  function drawSave(saved) {
    save.setAttribute("aria-pressed", String(Boolean(saved)));
    save.textContent = `${saved ? "🔖" : "📑"} ${saved ? t("read_saved") : t("read_save")}`;
  }

  function drawStars(value) {
    stars.replaceChildren(...[1, 2, 3, 4, 5].map((n) => {
      const b = h("button", { type: "button", class: "star", "aria-pressed": String(n <= value), "aria-label": t("read_stars", { n }), dataset: { star: String(n) } }, n <= value ? "★" : "☆");
      b.addEventListener("click", async () => {
        try {
          await api("PUT", `/api/stories/${id}/rating`, { value: n });
          drawStars(n);
        } catch (err) {
          toast(errorText(err));
        }
      });
      return b;
    }));
  }

  function commentRow(c) {
    const me = getState().user;
    const report = me && c.id && c.author?.id !== me.id ? reportControl("comment", c.id, { small: true }) : null;
    return h("li", { class: "msg", dataset: { test: "comment" } },
      h("span", { class: "msg-meta muted" }, `${c.author.avatar_emoji} ${c.author.display_name}`, report?.button),
      h("span", { class: "msg-text" }, c.text), report?.panel);
  }

  async function loadComments() {
    try {
      const r = await api("GET", `/api/stories/${id}/comments`, undefined, { auth: Boolean(getState().user) });
      comments.replaceChildren(...r.items.map(commentRow));
    } catch {
      // Comments are extra: the story still reads.
    }
  }

  function drawLike(liked, count) {
    like.setAttribute("aria-pressed", String(Boolean(liked)));
    like.textContent = `${liked ? "❤️" : "🤍"} ${t("read_like")} (${count})`;
    like.dataset.liked = liked ? "1" : "";
    like.dataset.count = String(count);
  }

  async function toggleLike() {
    const liked = like.dataset.liked === "1";
    try {
      const r = await api(liked ? "DELETE" : "POST", `/api/stories/${id}/like`);
      drawLike(!liked, r.like_count ?? Number(like.dataset.count) + (liked ? -1 : 1));
    } catch (err) {
      toast(errorText(err));
    }
  }
}
