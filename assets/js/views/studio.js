// The studio: write and draw a story page by page, saved as you go, then publish.

import { api } from "../api.js";
import { PALETTE, SIZES, STICKERS, canvasEditor } from "../canvas-editor.js";
import { knowsPicture, rememberPicture, renderDrawing } from "../drawing.js";
import { errorText, t } from "../i18n.js";
import { liveHint } from "../kind-words.js";
import { ocrOffNote, uploadable } from "../photo.js";
import { navigate } from "../router.js";
import { genreIds } from "../store.js";
import { h, toast } from "../ui.js";
import { storyStarter } from "./starter.js";

/**
 * `/studio/new`: the story starter ("Help me start"), or a blank page. `/studio/new?blank=1`
 * (the home page's "Write a story") makes a blank draft straight away and moves to it.
 */
export function newStoryView(root) {
  if (new URLSearchParams(location.search).has("blank")) {
    blankDraft(root);
    return;
  }
  const blank = h("button", { type: "button", class: "btn btn-big", dataset: { test: "starter-blank" } }, `📄 ${t("starter_blank")}`);
  blank.addEventListener("click", () => blankDraft(root));
  root.append(h("section", { class: "stack new-story" },
    h("h1", {}, h("span", { "aria-hidden": "true" }, "✨ "), t("starter_title")),
    storyStarter(),
    h("div", { class: "card stack new-story-blank" }, h("p", {}, t("starter_blank_text")), h("div", { class: "btn-row" }, blank))));
  root.querySelector("textarea")?.focus({ preventScroll: true });
}

function blankDraft(root) {
  root.replaceChildren(h("p", { class: "muted", role: "status" }, t("working")));
  api("POST", "/api/stories", { title: t("st_untitled"), pages: [{ text: "" }] })
    .then((s) => navigate(`/studio/${s.id}`, { replace: true }))
    .catch((err) => root.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));
}

export function studioView(root, { id }) {
  let story = null;
  let current = 0;
  const pending = new Map(); // page id -> timer
  let metaTimer = null;
  const metaPatch = {};
  let saving = 0;
  let dragFrom = null;
  let dragged = false;
  // Refusals the server gave and that are not fixed yet: the title's, and each page's (by id).
  // While any is here, Publish does not go ahead (the server still has the earlier words).
  let titleRefusal = null;
  const refusedPages = new Map(); // page id -> the refusal

  const saved = h("span", { class: "save-state", dataset: { test: "save-state" }, role: "status" }, "");
  const title = h("input", { name: "title", maxlength: 80, "aria-label": t("st_title"), dataset: { test: "st-title" } });
  const lang = h("select", { name: "language", "aria-label": t("language") }, h("option", { value: "en" }, "English"), h("option", { value: "tl" }, "Tagalog"));
  const genres = h("div", { class: "chips", role: "group", "aria-label": t("lib_genres") });
  const strip = h("ol", { class: "page-strip", dataset: { test: "page-strip" }, "aria-label": t("st_pages") });
  const text = h("textarea", { name: "text", rows: 4, maxlength: 5000, "aria-label": t("st_text"), placeholder: t("st_text_hint"), dataset: { test: "st-text" } });
  const canvas = h("canvas", { class: "page-canvas editor-canvas", dataset: { test: "st-canvas" }, "aria-label": t("st_canvas") });
  const problem = h("p", { class: "error", role: "alert", dataset: { test: "st-problem" } });
  // Rude words and personal details in the title or the page are pointed out while typing.
  const titleHintEl = h("p", { class: "error", dataset: { test: "st-title-hint" } });
  const textHintEl = h("p", { class: "error", dataset: { test: "st-text-hint" } });
  const titleHint = liveHint(title, titleHintEl, "title");
  const textHint = liveHint(text, textHintEl, "text");
  const publish = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "st-publish" } }, `🚀 ${t("st_publish")}`);
  const coverBtn = h("button", { type: "button", class: "btn", dataset: { test: "st-cover" } }, `🖼️ ${t("st_cover")}`);
  coverBtn.addEventListener("click", async () => {
    if (await makeCover(story.pages[current])) toast(t("st_cover_set"));
  });
  const editor = canvasEditor(canvas, () => changed());

  // A page from a photo: the photo goes under the drawing, and the words read from it into the
  // page's text (when this server can read photos).
  const photoInput = h("input", { type: "file", accept: "image/*", capture: "environment", class: "photo-input", tabindex: "-1", "aria-hidden": "true", dataset: { test: "photo-input" } });
  const photoBtn = h("button", { type: "button", class: "btn btn-big photo-btn", dataset: { test: "photo-page" } }, h("span", { "aria-hidden": "true" }, "📷 "), t("photo_page"));
  const photoRemove = h("button", { type: "button", class: "btn btn-small", hidden: true, dataset: { test: "photo-remove" } }, `🗑️ ${t("photo_remove")}`);
  const photoNote = h("div", { class: "photo-note", "aria-live": "polite", dataset: { test: "photo-note" } });
  let photoWorking = false;
  photoBtn.addEventListener("click", () => photoInput.click());
  photoInput.addEventListener("change", () => {
    const file = photoInput.files?.[0];
    if (file) photoPage(file).finally(() => (photoInput.value = ""));
  });
  photoRemove.addEventListener("click", () => {
    if (!confirm(t("photo_remove_confirm"))) return;
    editor.setBackground(null);
    photoRemove.hidden = true;
  });

  const toolButtons = h("div", { class: "tools", role: "toolbar", "aria-label": t("st_tools") });
  const pick = (group, el) => {
    for (const b of group.querySelectorAll("[aria-pressed]")) b.setAttribute("aria-pressed", "false");
    el.setAttribute("aria-pressed", "true");
  };
  const toolDefs = [["pen", "✏️"], ["marker", "🖍️"], ["eraser", "🧽"], ["line", "📏"], ["rect", "⬛"], ["circle", "⚪"]];
  for (const [name, icon] of toolDefs) {
    const b = h("button", { type: "button", class: "btn tool", "aria-pressed": String(name === "pen"), "aria-label": t(`tool_${name}`), title: t(`tool_${name}`), dataset: { tool: name } }, icon);
    b.addEventListener("click", () => {
      editor.setTool(name);
      pick(toolButtons, b);
    });
    toolButtons.append(b);
  }
  for (const s of STICKERS.slice(0, 6)) {
    const b = h("button", { type: "button", class: "btn tool", "aria-pressed": "false", "aria-label": `${t("tool_sticker")} ${s}`, dataset: { sticker: s } }, s);
    b.addEventListener("click", () => {
      editor.setSticker(s);
      pick(toolButtons, b);
    });
    toolButtons.append(b);
  }
  const colors = h("div", { class: "tools", role: "group", "aria-label": t("st_colors") });
  for (const c of PALETTE) {
    const b = h("button", { type: "button", class: "swatch", "aria-pressed": String(c === PALETTE[0]), "aria-label": c, dataset: { color: c } });
    b.style.setProperty("--swatch", c);
    b.addEventListener("click", () => {
      editor.setColor(c);
      pick(colors, b);
    });
    colors.append(b);
  }
  const custom = h("input", { type: "color", "aria-label": t("st_custom_color"), value: "#5f3dc4" });
  custom.addEventListener("input", () => editor.setColor(custom.value));
  colors.append(custom);
  const sizes = h("div", { class: "tools", role: "group", "aria-label": t("st_sizes") });
  for (const [name, px] of Object.entries(SIZES)) {
    const b = h("button", { type: "button", class: "btn tool", "aria-pressed": String(name === "medium"), "aria-label": t(`size_${name}`) }, h("span", { class: "size-dot", "aria-hidden": "true", dataset: { size: name } }));
    b.addEventListener("click", () => {
      editor.setSize(px);
      pick(sizes, b);
    });
    sizes.append(b);
  }
  const undoB = h("button", { type: "button", class: "btn tool", "aria-label": t("st_undo") }, "↩️");
  const redoB = h("button", { type: "button", class: "btn tool", "aria-label": t("st_redo") }, "↪️");
  const clearB = h("button", { type: "button", class: "btn tool", "aria-label": t("st_clear") }, "🗑️");
  undoB.addEventListener("click", () => editor.undo());
  redoB.addEventListener("click", () => editor.redo());
  clearB.addEventListener("click", () => confirm(t("st_clear_confirm")) && editor.clear());
  const zoomIn = h("button", { type: "button", class: "btn tool", "aria-label": t("st_zoom_in"), dataset: { test: "zoom-in" } }, "🔍+");
  const zoomOut = h("button", { type: "button", class: "btn tool", "aria-label": t("st_zoom_out"), dataset: { test: "zoom-out" } }, "🔍−");
  zoomIn.addEventListener("click", () => editor.zoomBy(0.5));
  zoomOut.addEventListener("click", () => editor.zoomBy(-0.5));
  const history = h("div", { class: "tools" }, undoB, redoB, clearB, zoomIn, zoomOut);

  // What the teacher said about this story (waiting for approval, or sent back with a note).
  const review = h("div", { class: "review-note", role: "status", hidden: true, dataset: { test: "st-review" } });
  const showReview = (r) => {
    review.hidden = !r;
    if (!r) return;
    review.dataset.status = r.status;
    review.replaceChildren(r.status === "waiting"
      ? h("p", {}, `⏳ ${t("rev_waiting_child")}`)
      : h("p", {}, `💬 ${t("rev_returned_child")}`, r.note ? h("strong", { class: "review-text" }, ` “${r.note}”`) : null));
  };
  root.append(h("section", { class: "studio stack" },
    review,
    h("div", { class: "studio-head" }, title, saved),
    titleHintEl,
    h("div", { class: "lib-controls" }, lang), genres,
    strip,
    h("div", { class: "photo-row" }, h("div", { class: "btn-row" }, photoBtn, photoRemove), photoInput, photoNote),
    h("div", { class: "studio-page" }, h("div", { class: "canvas-frame", dataset: { test: "canvas-frame" } }, canvas), h("div", { class: "studio-tools" }, toolButtons, colors, sizes, history), text, textHintEl),
    problem,
    h("div", { class: "btn-row" }, coverBtn, publish)));

  const onKey = (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.target.closest("input, textarea")) return;
    if (e.key === "z") editor.undo();
    if (e.key === "y") editor.redo();
  };
  document.addEventListener("keydown", onKey);
  const onResize = () => editor.paint();
  window.addEventListener("resize", onResize);

  title.addEventListener("input", () => metaChanged({ title: title.value }));
  lang.addEventListener("change", () => metaChanged({ language: lang.value }));
  text.addEventListener("input", () => changed());
  publish.addEventListener("click", doPublish);

  load();
  return () => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", onResize);
    flushAll();
  };

  async function load() {
    try {
      story = await api("GET", `/api/stories/${id}`);
    } catch (err) {
      root.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
      return;
    }
    title.value = story.title;
    lang.value = story.language;
    showReview(story.review);
    // The boxes now hold what the server has: nothing refused is left in them.
    titleRefusal = null;
    refusedPages.clear();
    titleHint.clear();
    genres.replaceChildren(...genreIds().map((g) => {
      const b = h("button", { type: "button", class: "chip", "aria-pressed": String(story.genres.includes(g)), dataset: { genre: g } }, t(`genre_${g}`));
      b.addEventListener("click", () => {
        const on = b.getAttribute("aria-pressed") !== "true";
        const list = on ? [...story.genres, g] : story.genres.filter((x) => x !== g);
        if (list.length > 3) return toast(t("st_three_genres"));
        b.setAttribute("aria-pressed", String(on));
        story.genres = list;
        metaChanged({ genres: list });
      });
      return b;
    }));
    // Each page tells where its background photo can be fetched (a signed link for drafts).
    for (const p of story.pages) {
      const m = p.drawing?.background_media;
      if (m && p.background?.url && !knowsPicture(m)) rememberPicture(m, p.background.url, false);
    }
    show(Math.min(current, story.pages.length - 1));
    setSaved(t("st_saved"));
  }

  function drawStrip() {
    strip.replaceChildren(...story.pages.map((p, i) => {
      const b = h("button", { type: "button", class: "btn page-tab", "aria-current": i === current ? "page" : "false", dataset: { test: "page-tab", index: String(i) } }, String(i + 1));
      b.addEventListener("click", () => {
        if (dragged) return;
        show(i);
      });
      // Drag a page onto another place in the strip (finger, pen or mouse).
      b.addEventListener("pointerdown", (e) => {
        dragFrom = i;
        dragged = false;
        b.setPointerCapture(e.pointerId);
      });
      b.addEventListener("pointermove", (e) => {
        if (dragFrom === null) return;
        const over = document.elementFromPoint(e.clientX, e.clientY)?.closest("[data-test=page-tab]");
        for (const tab of strip.querySelectorAll("[data-test=page-tab]")) tab.classList.toggle("drop-here", tab === over && over !== b);
      });
      b.addEventListener("pointerup", (e) => {
        const from = dragFrom;
        dragFrom = null;
        const over = document.elementFromPoint(e.clientX, e.clientY)?.closest("[data-test=page-tab]");
        const to = over ? Number(over.dataset.index) : from;
        if (from !== null && to !== from) {
          dragged = true;
          setTimeout(() => (dragged = false), 0);
          moveTo(from, to);
        }
      });
      return h("li", {}, b);
    }));
    const add = h("button", { type: "button", class: "btn page-tab", dataset: { test: "add-page" }, "aria-label": t("st_add_page") }, "+");
    add.addEventListener("click", addPage);
    const left = h("button", { type: "button", class: "btn page-tab", "aria-label": t("st_move_left"), disabled: current === 0 }, "◀");
    const right = h("button", { type: "button", class: "btn page-tab", "aria-label": t("st_move_right"), disabled: current === story.pages.length - 1 }, "▶");
    const del = h("button", { type: "button", class: "btn page-tab", "aria-label": t("st_delete_page"), disabled: story.pages.length === 1 }, "🗑️");
    left.addEventListener("click", () => move(-1));
    right.addEventListener("click", () => move(1));
    del.addEventListener("click", deletePage);
    strip.append(h("li", {}, add), h("li", {}, left), h("li", {}, right), h("li", {}, del));
  }

  function show(i) {
    flushAll();
    current = i;
    const p = story.pages[i];
    text.value = p.text;
    textHint.clear();
    editor.load(p.drawing);
    photoRemove.hidden = !p.drawing?.background_media;
    drawStrip();
  }

  function setSaved(s) {
    saved.textContent = s;
  }

  function changed() {
    const p = story.pages[current];
    p.text = text.value;
    p.drawing = editor.doc.items.length || editor.doc.background_media ? editor.doc : null;
    queueSave(p);
  }

  // Saves `p` after a short pause (more changes in the pause make one save).
  function queueSave(p) {
    setSaved(t("st_saving"));
    clearTimeout(pending.get(p.id));
    pending.set(p.id, setTimeout(() => savePage(p), 700));
  }

  // Saves `p` now instead of after the pause; the answer is savePage's.
  function saveNow(p) {
    clearTimeout(pending.get(p.id));
    return savePage(p);
  }

  function flushAll() {
    for (const [pid, timer] of pending) {
      clearTimeout(timer);
      const p = story?.pages.find((x) => x.id === pid);
      if (p) savePage(p);
    }
    pending.clear();
  }

  // "saved", "conflict" (the page changed elsewhere and the story was loaded again) or "failed".
  async function savePage(p) {
    pending.delete(p.id);
    saving += 1;
    try {
      const r = await api("PUT", `/api/stories/${id}/pages/${p.id}`, { text: p.text, drawing: p.drawing, version: p.version });
      p.version = r.version;
      refusedPages.delete(p.id);
      if (p === story.pages[current]) {
        // A refused title (or another page) still stands: its message stays.
        if (!titleRefusal && !refusedPages.size) problem.textContent = "";
        if (textHintEl.dataset.problem) textHint.clear();
      }
      return "saved";
    } catch (err) {
      if (err.status === 409) {
        toast(t("st_changed_elsewhere"));
        await load();
        return "conflict";
      }
      showProblem(err, p);
      return "failed";
    } finally {
      saving -= 1;
      if (saving === 0 && pending.size === 0) setSaved(problem.textContent ? "" : t("st_saved"));
    }
  }

  function metaChanged(patch) {
    setSaved(t("st_saving"));
    Object.assign(metaPatch, patch);
    clearTimeout(metaTimer);
    metaTimer = setTimeout(saveMeta, 700);
  }

  async function saveMeta() {
    const body = { ...metaPatch };
    for (const k of Object.keys(metaPatch)) delete metaPatch[k];
    if (!Object.keys(body).length) return;
    saving += 1;
    try {
      await api("PATCH", `/api/stories/${id}`, body);
      if ("title" in body) {
        titleRefusal = null;
        if (titleHintEl.dataset.problem) titleHint.clear();
      }
      if (!titleRefusal && !refusedPages.size) problem.textContent = "";
    } catch (err) {
      // A refused title kept the rest of the patch (language, genres) from being saved too:
      // it goes again with the next change, or when publishing.
      if (err.details?.field === "title") for (const [k, v] of Object.entries(body)) if (k !== "title" && !(k in metaPatch)) metaPatch[k] = v;
      showProblem(err);
    } finally {
      saving -= 1;
      if (saving === 0 && pending.size === 0) setSaved(problem.textContent ? "" : t("st_saved"));
    }
  }

  async function addPage() {
    flushAll();
    try {
      const p = await api("POST", `/api/stories/${id}/pages`, { after: story.pages[current].id, text: "" });
      story.pages.splice(current + 1, 0, p);
      show(current + 1);
      text.focus();
    } catch (err) {
      showProblem(err);
    }
  }

  async function deletePage() {
    if (story.pages.length === 1 || !confirm(t("st_delete_confirm"))) return;
    const p = story.pages[current];
    clearTimeout(pending.get(p.id));
    pending.delete(p.id);
    try {
      await api("DELETE", `/api/stories/${id}/pages/${p.id}`);
      refusedPages.delete(p.id);
      story.pages.splice(current, 1);
      show(Math.max(0, current - 1));
    } catch (err) {
      showProblem(err);
    }
  }

  async function moveTo(from, to) {
    flushAll();
    const order = story.pages.map((p) => p.id);
    order.splice(to, 0, ...order.splice(from, 1));
    try {
      await api("POST", `/api/stories/${id}/pages/order`, { page_ids: order });
      story.pages.splice(to, 0, ...story.pages.splice(from, 1));
      show(to);
    } catch (err) {
      showProblem(err);
    }
  }

  async function move(by) {
    const to = current + by;
    if (to < 0 || to >= story.pages.length) return;
    flushAll();
    const order = story.pages.map((p) => p.id);
    [order[current], order[to]] = [order[to], order[current]];
    try {
      await api("POST", `/api/stories/${id}/pages/order`, { page_ids: order });
      [story.pages[current], story.pages[to]] = [story.pages[to], story.pages[current]];
      show(to);
    } catch (err) {
      showProblem(err);
    }
  }

  // A refusal: said under the buttons, and next to the box it is about. `page` is the page
  // being saved when it came from a page; publishing names no page, so each page is checked.
  async function showProblem(err, page = null) {
    problem.textContent = errorText(err);
    problem.hidden = false;
    const f = err.details?.field;
    // Said once: next to its box when it has one (the line under the buttons still holds it,
    // and the refusal is kept, so publishing waits until it is fixed).
    if (f === "title") {
      titleRefusal = err;
      problem.hidden = true;
      return titleHint.show(err);
    }
    if (!["text", "pages", "drawing"].includes(f)) return;
    if (f !== "drawing") problem.hidden = true;
    if (!page && f !== "drawing") page = await firstRefusedPage();
    if (page && f !== "drawing") refusedPages.set(page.id, err);
    const i = page ? story.pages.indexOf(page) : -1;
    // Show the page that holds the problem.
    if (i >= 0 && i !== current) show(i);
    if (f !== "drawing" && (i < 0 || i === current)) textHint.show(err);
  }

  // The first page whose words the server would refuse (asked page by page, only on a refusal).
  async function firstRefusedPage() {
    for (const p of story.pages) {
      if (!p.text.trim()) continue;
      try {
        const r = await api("POST", "/api/text/check", { text: p.text, field: "text" });
        if (!r.ok) return p;
      } catch {
        return null;
      }
    }
    return null;
  }

  // The page by id (the objects change when the story is loaded again).
  function pageById(pid) {
    return story?.pages.find((x) => x.id === pid) ?? null;
  }

  // Puts picture `mediaId` under page `pid`'s drawing and saves it the usual way (once more if
  // the page had changed elsewhere and was loaded again).
  async function attachPhoto(pid, mediaId) {
    for (let tries = 0; tries < 2; tries++) {
      const p = pageById(pid);
      if (!p) return;
      if (p === story.pages[current]) {
        editor.setBackground(mediaId); // through changed(), like any drawing change
        photoRemove.hidden = false;
      } else {
        p.drawing = { v: 1, width: 1024, height: 768, background: "#fffaf0", items: [], ...(p.drawing ?? {}), background_media: mediaId };
      }
      if ((await saveNow(p)) !== "conflict") return;
    }
  }

  // Puts the words read from a photo into page `pid`'s text box (after any words already
  // there) and saves them like typing would.
  function addReadText(pid, words) {
    const p = pageById(pid);
    if (!p) return;
    const next = (p.text.trim() ? `${p.text.trimEnd()}\n\n${words}` : words).slice(0, 5000);
    if (p === story.pages[current]) {
      text.value = next;
      changed();
    } else {
      p.text = next;
      queueSave(p);
    }
  }

  async function photoPage(file) {
    const p = story?.pages[current];
    if (!p || photoWorking) return;
    photoWorking = true;
    photoBtn.disabled = true;
    const label = h("span", {}, t("photo_uploading"));
    const busyNote = h("p", { class: "photo-busy", role: "status", dataset: { test: "photo-busy" } },
      h("span", { class: "photo-busy-icon", "aria-hidden": "true" }, "📷"), label);
    photoNote.replaceChildren(busyNote);
    try {
      let media;
      try {
        media = await api("POST", "/api/media", await uploadable(file));
      } catch (err) {
        photoNote.replaceChildren(h("p", { class: "error", role: "alert", dataset: { test: "photo-error" } }, errorText(err)));
        return;
      }
      const mediaId = media.media_id ?? media.id;
      rememberPicture(mediaId, media.url);
      await attachPhoto(p.id, mediaId);
      label.textContent = t("photo_reading");
      let read;
      try {
        read = await api("POST", "/api/assist/ocr", { media_id: mediaId, language: lang.value === "tl" ? "tl" : "en" });
      } catch (err) {
        if (err.code === "ocr_unavailable") photoNote.replaceChildren(ocrOffNote());
        else photoNote.replaceChildren(h("p", { class: "error", role: "alert", dataset: { test: "photo-error" } }, `${t("photo_kept")} ${errorText(err)}`));
        return;
      }
      const words = (read?.text ?? "").trim();
      if (!words) {
        photoNote.replaceChildren(h("p", { class: "photo-note-box", role: "status", dataset: { test: "photo-no-words" } }, t("photo_no_words")));
        return;
      }
      addReadText(p.id, words);
      photoNote.replaceChildren();
      toast(t("photo_read_done"));
    } finally {
      busyNote.remove();
      photoWorking = false;
      photoBtn.disabled = false;
    }
  }

  // The page's picture as a small PNG, uploaded and made the story's cover.
  async function makeCover(p) {
    if (!p?.drawing) return false;
    const off = document.createElement("canvas");
    renderDrawing(off, p.drawing, 480);
    const blob = await new Promise((resolve) => off.toBlob(resolve, "image/png"));
    if (!blob) return false;
    try {
      const media = await api("POST", "/api/media", blob);
      await api("PATCH", `/api/stories/${id}`, { cover_media_id: media.id });
      story.cover = media;
      return true;
    } catch (err) {
      showProblem(err);
      return false;
    }
  }

  async function doPublish() {
    // What the last tap did (refused, published, failed): for people reviewing a test run.
    delete publish.dataset.result;
    flushAll();
    clearTimeout(metaTimer);
    await saveMeta();
    while (saving > 0) await new Promise((r) => setTimeout(r, 50));
    // A refused title or page blocks publishing, whatever saved since: the story would go to
    // the library with the earlier words. The reason is next to its box, and the box is focused.
    if (titleRefusal) {
      publish.dataset.result = "refused";
      titleHint.show(titleRefusal);
      title.focus();
      title.scrollIntoView({ block: "center" });
      return;
    }
    const refused = story.pages.find((p) => refusedPages.has(p.id));
    if (refused) {
      publish.dataset.result = "refused";
      const err = refusedPages.get(refused.id);
      const i = story.pages.indexOf(refused);
      if (i !== current) show(i);
      textHint.show(err);
      text.focus();
      text.scrollIntoView({ block: "center" });
      return;
    }
    if (problem.textContent) {
      publish.dataset.result = "refused";
      // Show what is in the way: the box with the hint, or the message.
      const box = titleHintEl.dataset.problem ? title : textHintEl.dataset.problem ? text : null;
      if (box) box.focus();
      else problem.scrollIntoView({ block: "center" });
      return;
    }
    // No cover chosen: the first page with a picture becomes it.
    if (!story.cover) await makeCover(story.pages.find((p) => p.drawing));
    publish.disabled = true;
    try {
      const answer = await api("POST", `/api/stories/${id}/publish`);
      if (answer?.review?.status === "waiting") {
        // The class asks the teacher first: the story waits, and the child is told so kindly.
        publish.dataset.result = "waiting";
        story.review = answer.review;
        showReview(answer.review);
        toast(t("rev_sent_child"));
        review.scrollIntoView({ block: "center" });
        return;
      }
      publish.dataset.result = "published";
      toast(t("st_published"));
      navigate(`/read/${id}`);
    } catch (err) {
      publish.dataset.result = "failed";
      showProblem(err);
    } finally {
      publish.disabled = false;
    }
  }
}
