// The reader: one page at a time with its drawing, big next/previous buttons, arrow keys and
// swipes, a page that turns, a text size to choose, read-aloud with the browser's voices, and
// after the last page a real ending (views/reader-end.js). Likes, saves, stars, comments
// (views/reader-comments.js), the story's games (views/story-games.js) and printing it as a
// book (views/reader-print.js) sit around it.

import { api } from "../api.js";
import { play } from "../delight.js";
import { rememberPicture, renderDrawing } from "../drawing.js";
import { errorText, t } from "../i18n.js";
import { getState } from "../store.js";
import { h, toast } from "../ui.js";
import { commentsSection } from "./reader-comments.js";
import { theEnd } from "./reader-end.js";
import { printButton } from "./reader-print.js";
import { reportMenu } from "./report.js";
import { reviewPanel } from "./review-panel.js";
import { storyGames } from "./story-games.js";

const SIZES = ["s", "m", "l"];
const SIZE_KEY = "pt.fontSize";

export function readerView(root, { id }) {
  const box = h("section", { class: "reader stack", dataset: { test: "reader" } }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(box);
  let story = null;
  let index = 0;
  let startX = null;
  let ending = null; // the "The End" page, when this story has one (not in a teacher's review)
  let canReact = false; // signed in and not an author: may like, save and report
  let tools = null;
  let more = null; // the story's "…" menu (Report)

  const title = h("h1", { class: "reader-title" });
  const byline = h("p", { class: "muted" });
  const canvas = h("canvas", { class: "page-canvas", role: "img", dataset: { test: "page-canvas" } });
  const text = h("p", { class: "page-text", dataset: { test: "page-text" }, lang: "en" });
  const figure = h("figure", { class: "page" }, canvas, h("figcaption", {}, text));
  const stage = h("div", { class: "reader-stage" }, figure);
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
  // Like and Save live here while pages show, and move into the ending when it shows.
  const reactSlot = h("span", { class: "react-slot" });
  const stars = h("div", { class: "stars", role: "group", "aria-label": t("read_rate"), dataset: { test: "stars" } });
  const sizes = fontSizes(text);
  const printer = printButton(() => story);
  const talk = commentsSection(id);
  save.addEventListener("click", async () => {
    const saved = save.getAttribute("aria-pressed") === "true";
    try {
      await api(saved ? "DELETE" : "POST", `/api/stories/${id}/save`);
      drawSave(!saved);
    } catch (err) {
      toast(errorText(err));
    }
  });

  prev.addEventListener("click", () => turn(index - 1));
  next.addEventListener("click", () => turn(index + 1));
  aloud.addEventListener("click", () => (speechSynthesis?.speaking ? stopSpeaking() : speak()));
  like.addEventListener("click", toggleLike);
  const onKey = (e) => {
    if (e.target.closest("input, textarea, select, [role=menu]")) return;
    if (e.key === "ArrowRight") turn(index + 1);
    if (e.key === "ArrowLeft") turn(index - 1);
  };
  document.addEventListener("keydown", onKey);
  // Swipes on the page (and on the ending), like turning a paper page.
  stage.addEventListener("pointerdown", (e) => (startX = e.clientX));
  stage.addEventListener("pointerup", (e) => {
    if (startX === null) return;
    const dx = e.clientX - startX;
    startX = null;
    if (Math.abs(dx) > 50) turn(index + (dx < 0 ? 1 : -1));
  });
  const onResize = () => story && index < story.pages.length && renderDrawing(canvas, story.pages[index]?.drawing);
  window.addEventListener("resize", onResize);

  load();
  return () => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", onResize);
    printer.remove();
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
    // A teacher reading a story that waits for them decides under it; nothing else applies yet.
    if (story.review?.status === "waiting" && getState().user?.role === "teacher" && !story.viewer?.is_author) {
      const panel = reviewPanel(story);
      const jump = h("a", { class: "btn btn-small", href: "#review", dataset: { test: "review-jump" } }, `⬇️ ${t("rev_jump")}`);
      panel.id = "review";
      box.replaceChildren(title, byline, h("p", { class: "review-note" }, `⏳ ${t("rev_panel_text")} `, jump), stage, controls, panel);
      show(0);
      return;
    }
    const reader = getState().user && !story.viewer?.is_author;
    const report = reader ? reportMenu("story", id, { label: t("rdr_more_story") }) : null;
    const published = story.status === "published";
    const gamesReq = published ? api("GET", `/api/stories/${id}/games`, undefined, { auth: Boolean(getState().user) }) : Promise.resolve({ items: [] });
    const games = published ? storyGames(id, gamesReq) : null;
    ending = theEnd(story, { games: gamesReq, onAgain: () => turn(0, true) });
    stage.append(ending.section);
    canReact = Boolean(reader);
    more = report?.wrap ?? "";
    if (canReact) reactSlot.append(like, save, more);
    tools = h("div", { class: "btn-row reader-tools" }, aloud, reactSlot);
    const options = h("div", { class: "reader-options" }, sizes.group, voicePick, speed, printer.button, printer.status,
      h("a", { class: "btn btn-small", href: "/library", "data-link": true }, t("lib_back")));
    box.replaceChildren(title, byline, stage, controls, tools, ...(report ? [report.panel] : []), options, ...(reader ? [stars] : []), voiceNote, ...(games ? [games] : []), talk.section);
    fillVoices();
    drawSave(story.viewer?.saved);
    drawStars(story.viewer?.rating ?? 0);
    talk.load();
    drawLike(story.viewer?.liked, story.counts?.likes ?? 0);
    const start = story.pages.findIndex((p) => p.id === story.viewer?.progress?.page_id);
    show(start > 0 && !story.viewer?.progress?.finished ? start : 0);
  }

  // A page turn the reader asked for: the new page swings in from the side it comes from.
  function turn(i, focusNext = false) {
    const from = index;
    if (!show(i)) return;
    const el = i === story.pages.length ? ending.section : figure;
    el.classList.remove("turn-fwd", "turn-back");
    void el.offsetWidth; // restarts the animation when pages are turned quickly
    el.classList.add(i > from ? "turn-fwd" : "turn-back");
    if (i !== story.pages.length) play("page");
    if (focusNext) next.focus();
  }

  // Pages are 0..n-1; n is "The End" when there is one. False when there is no such page.
  function show(i) {
    const last = story ? story.pages.length - (ending ? 0 : 1) : -1;
    if (!story || i < 0 || i > last) return false;
    stopSpeaking();
    const wasEnd = index === story.pages.length;
    index = i;
    const atEnd = i === story.pages.length;
    prev.disabled = i === 0;
    next.disabled = i === last;
    // A button that just went grey would drop the keyboard; its partner takes it.
    if (document.activeElement === prev && prev.disabled) next.focus();
    if (atEnd) {
      showEnd();
      return true;
    }
    if (wasEnd) leaveEnd();
    const page = story.pages[i];
    const photo = page.drawing?.background_media;
    if (photo && page.background?.url) rememberPicture(photo, page.background.url, false);
    renderDrawing(canvas, page.drawing);
    canvas.setAttribute("aria-label", t("read_picture", { n: i + 1 }));
    text.replaceChildren(...words(page.text));
    where.textContent = t("read_page_of", { n: i + 1, total: story.pages.length });
    const finished = i === story.pages.length - 1;
    // Progress and the daily view count; a failure here must not stop the reading.
    api("POST", `/api/stories/${id}/reads`, { page_id: page.id, finished }, { auth: Boolean(getState().user) }).catch(() => {});
    return true;
  }

  function showEnd() {
    const focus = document.activeElement;
    figure.hidden = true;
    if (tools) tools.hidden = true;
    ending.section.hidden = false;
    if (canReact) ending.reactions.append(like, save, more);
    ending.reactions.hidden = !canReact;
    where.textContent = t("rdr_the_end");
    // The grey Next (or a hidden tool) would drop the keyboard: the heading takes it, and is read out.
    if (focus === next || focus === document.body || tools?.contains(focus)) ending.heading.focus();
    play("end");
  }

  function leaveEnd() {
    const inside = ending.section.contains(document.activeElement);
    figure.hidden = false;
    if (tools) tools.hidden = false;
    ending.section.hidden = true;
    if (canReact) reactSlot.append(like, save, more);
    if (inside) prev.focus();
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
    if (!page?.text.trim()) return;
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

// Three text sizes (small, medium, big), remembered on this device for every story.
function fontSizes(text) {
  const stored = localStorage.getItem(SIZE_KEY);
  let size = SIZES.includes(stored) ? stored : "m";
  const buttons = SIZES.map((s) => {
    const b = h("button", { type: "button", class: `size-btn size-${s}`, "aria-label": t(`rdr_size_${s}`), title: t(`rdr_size_${s}`), dataset: { size: s } }, "A");
    b.addEventListener("click", () => pick(s));
    return b;
  });
  const group = h("div", { class: "size-group", role: "group", "aria-label": t("rdr_text_size"), dataset: { test: "font-size" } },
    h("span", { class: "size-label", "aria-hidden": "true" }, t("rdr_text_size")), ...buttons);
  function pick(s) {
    size = s;
    text.dataset.font = s;
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.size === s));
    try {
      localStorage.setItem(SIZE_KEY, s);
    } catch {
      // Full or blocked storage: the size still changes for now.
    }
  }
  pick(size);
  return { group };
}
