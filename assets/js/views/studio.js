// The studio: draw and write a story page by page, saved as you go, then finish it (title,
// kinds, cover) and publish. The page picture comes first: it and its tools fill the first screen.

import { api } from "../api.js";
import { canvasEditor } from "../canvas-editor.js";
import { celebrate, play } from "../delight.js";
import { drawTools, fitCanvas, keepInView } from "../draw-tools.js";
import { knowsPicture, rememberPicture } from "../drawing.js";
import { errorText, t } from "../i18n.js";
import { liveHint } from "../kind-words.js";
import { navigate } from "../router.js";
import { h, toast } from "../ui.js";
import { forgetHere, keepHere, keptHere, worthRetrying } from "../unsaved.js";
import { photoPages } from "./studio-photo.js";
import { finishSheet, genreChips, uploadCover } from "./studio-sheet.js";
import { pageStrip } from "./studio-strip.js";

export { newStoryView } from "./studio-new.js";

// How long to wait before trying a save again that the server could not take.
const RETRY_MS = 10_000;

export function studioView(root, { id }) {
  let story = null;
  let current = 0;
  const pending = new Map(); // page id -> timer
  let metaTimer = null;
  const metaPatch = {};
  let saving = 0;
  let closed = false;
  // Refusals the server gave and that are not fixed yet: the title's, and each page's (by id).
  // While any is here, Publish does not go ahead (the server still has the earlier words).
  let titleRefusal = null;
  const refusedPages = new Map(); // page id -> the refusal

  const saved = h("span", { class: "save-state", dataset: { test: "save-state" }, role: "status" }, "");
  const title = h("input", { name: "title", maxlength: 80, autocomplete: "off", dataset: { test: "st-title" } });
  const lang = h("select", { name: "language" }, h("option", { value: "en" }, t("adm_lang_en")), h("option", { value: "tl" }, t("adm_lang_tl")));
  const genres = h("div", { class: "chips", role: "group", "aria-label": t("lib_genres") });
  const text = h("textarea", { name: "text", class: "page-words", rows: 3, maxlength: 5000, "aria-label": t("st_text"), placeholder: t("st_text_hint"), dataset: { test: "st-text" } });
  const canvas = h("canvas", { class: "page-canvas editor-canvas", dataset: { test: "st-canvas" } });
  const problem = h("p", { class: "error", role: "alert", dataset: { test: "st-problem" } });
  // Rude words and personal details in the title or the page are pointed out while typing.
  const titleHintEl = h("p", { class: "error", dataset: { test: "st-title-hint" } });
  const textHintEl = h("p", { class: "error", dataset: { test: "st-text-hint" } });
  const titleHint = liveHint(title, titleHintEl, "title");
  const textHint = liveHint(text, textHintEl, "text");
  // The story's name, small above the page (the screen's heading); tapping it opens the sheet.
  const changeTitleId = `st-change-${id}`;
  const nameText = h("span", { class: "st-name-text" });
  const nameBtn = h("button", { type: "button", class: "st-name-btn", "aria-describedby": changeTitleId, dataset: { test: "st-heading" } }, nameText, h("span", { class: "st-name-pen", "aria-hidden": "true" }, " ✏️"));
  const heading = h("h1", { class: "st-heading" }, nameBtn);
  const showName = () => (nameText.textContent = title.value.trim() || t("st_untitled"));
  const publish = h("button", { type: "button", class: "btn btn-primary st-finish", dataset: { test: "st-publish" } }, h("span", { "aria-hidden": "true" }, "🚀 "), t("st_finish"));
  const confirmBtn = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "st-publish-confirm" } }, `🚀 ${t("st_publish")}`);
  const coverBtn = h("button", { type: "button", class: "btn", dataset: { test: "st-cover" } }, `🖼️ ${t("st_cover_page")}`);
  const coverState = h("p", { class: "ok-note", role: "status", dataset: { test: "st-cover-state" } });
  coverBtn.addEventListener("click", async () => {
    if (!(await makeCover(story.pages[current]))) return;
    coverState.textContent = `✓ ${t("st_cover_set")}`;
    toast(t("st_cover_set"));
  });
  const sheet = finishSheet({ title, titleHintEl, lang, genres, coverBtn, coverState, confirm: confirmBtn });
  const editor = canvasEditor(canvas, () => changed(true));
  const pageSay = h("p", { class: "sr-only", "aria-live": "polite", dataset: { test: "st-page-said" } });

  // A page from a photo: the photo goes under the drawing, and the words read from it into the
  // page's text. Its button sits with the drawing tools.
  const photo = photoPages({
    page: () => story?.pages[current],
    language: () => (lang.value === "tl" ? "tl" : "en"),
    attach: attachPhoto,
    addText: addReadText,
    remove: () => editor.setBackground(null),
  });
  const tools = drawTools(editor, {
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    clear: () => confirm(t("st_clear_confirm")) && editor.clear(),
    extra: [photo.button],
  });
  const strip = pageStrip({
    choose: (i) => {
      show(i);
      afterPageChange();
    },
    moveTo,
    add: addPage,
    step: move,
    remove: deletePage,
  });

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
  // Canvas first: the page picture and its tools fill the first screen; the story's details
  // wait in the "Finish my book" sheet.
  const frame = h("div", { class: "canvas-frame", dataset: { test: "canvas-frame" } }, canvas);
  const section = h("section", { class: "studio canvas-first" },
    h("div", { class: "st-head" },
      h("div", { class: "st-top" },
        h("div", { class: "st-name" }, heading, saved, h("span", { class: "sr-only", id: changeTitleId }, t("st_change_title"))),
        publish),
      review),
    h("div", { class: "st-stage" }, frame),
    h("div", { class: "st-side" }, tools.el, strip.el),
    h("div", { class: "st-words" }, text, textHintEl, problem,
      photo.row),
    pageSay,
    sheet.el);
  root.append(section);
  const fitter = fitCanvas(section, frame, { bar: tools.bar, words: text });
  section.addEventListener("canvasfit", () => editor.paint());

  const onKey = (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.target.closest("input, textarea")) return;
    if (e.key === "z") editor.undo();
    if (e.key === "y") editor.redo();
  };
  document.addEventListener("keydown", onKey);
  const onResize = () => editor.paint();
  window.addEventListener("resize", onResize);

  title.addEventListener("input", () => {
    showName();
    metaChanged({ title: title.value });
  });
  lang.addEventListener("change", () => metaChanged({ language: lang.value }));
  text.addEventListener("input", () => changed());
  publish.addEventListener("click", () => openSheet(publish));
  nameBtn.addEventListener("click", () => openSheet(nameBtn));
  confirmBtn.addEventListener("click", doPublish);

  load();
  return () => {
    document.removeEventListener("keydown", onKey);
    window.removeEventListener("resize", onResize);
    fitter.stop();
    sheet.close();
    flushAll();
    closed = true;
  };

  function openSheet(from) {
    coverState.textContent = story?.cover ? `✓ ${t("st_cover_set")}` : "";
    sheet.open(from, story?.pages[current]?.drawing ?? null);
  }

  async function load() {
    try {
      story = await api("GET", `/api/stories/${id}`);
    } catch (err) {
      root.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
      return;
    }
    title.value = story.title;
    showName();
    lang.value = story.language;
    showReview(story.review);
    // The boxes now hold what the server has: nothing refused is left in them.
    titleRefusal = null;
    refusedPages.clear();
    titleHint.clear();
    genreChips(genres, story.genres, (list) => {
      story.genres = list;
      metaChanged({ genres: list });
    });
    // Each page tells where its background photo can be fetched (a signed link for drafts).
    for (const p of story.pages) {
      const m = p.drawing?.background_media;
      if (m && p.background?.url && !knowsPicture(m)) rememberPicture(m, p.background.url, false);
    }
    // Work this browser kept while the server could not take it goes back in and is saved.
    const kept = story.pages.filter((p) => {
      const k = keptHere(id, p);
      if (k) Object.assign(p, { text: k.text, drawing: k.drawing });
      return Boolean(k);
    });
    show(Math.min(current, story.pages.length - 1));
    setSaved(t("st_saved"));
    fitter.refit();
    if (kept.length) {
      toast(t("st_kept_here"));
      kept.forEach(queueSave);
    }
  }

  function show(i) {
    flushAll();
    current = i;
    const p = story.pages[i];
    text.value = p.text;
    textHint.clear();
    editor.load(p.drawing);
    photo.showRemove(Boolean(p.drawing?.background_media));
    strip.draw(story.pages, current);
  }

  // After a page was added, chosen or moved: the canvas is whole on the screen again, and a
  // screen reader hears which page this is.
  function afterPageChange() {
    keepInView(canvas);
    pageSay.textContent = t("read_page_of", { n: current + 1, total: story.pages.length });
  }

  function setSaved(s) {
    saved.textContent = s;
  }

  // `drew`: the picture changed (not only the words), so its small copy in the strip does too.
  function changed(drew = false) {
    const p = story.pages[current];
    p.text = text.value;
    p.drawing = editor.doc.items.length || editor.doc.background_media ? editor.doc : null;
    if (drew) strip.repaint(current, p.drawing);
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
      forgetHere(id, p.id);
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
      // The server cannot take it now: the browser keeps it, and it is tried again.
      if (worthRetrying(err)) {
        keepHere(id, p);
        if (!closed) pending.set(p.id, setTimeout(() => savePage(p), RETRY_MS));
      }
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
      // The new page's canvas takes focus without scrolling (a text box would bring up a
      // phone's keyboard and push the page away).
      canvas.focus({ preventScroll: true });
      afterPageChange();
      play("page");
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
      afterPageChange();
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
      afterPageChange();
    } catch (err) {
      showProblem(err);
    }
  }

  // One place earlier or later: the same as dragging it next door.
  function move(by) {
    const to = current + by;
    if (to >= 0 && to < story.pages.length) moveTo(current, to);
  }

  // A refusal: said under the buttons, and next to the box it is about. `page` is the page
  // being saved when it came from a page; publishing names no page, so each page is checked.
  async function showProblem(err, page = null) {
    problem.textContent = errorText(err);
    problem.hidden = false;
    // A save the server could not take is said where the child is looking, above the tab bar.
    if (err.status === 507) problem.scrollIntoView({ block: "nearest" });
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
        photo.showRemove(true);
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

  // The page's picture becomes the story's cover.
  async function makeCover(p) {
    if (!p?.drawing) return false;
    try {
      const media = await uploadCover(id, p.drawing);
      if (media) story.cover = media;
      return Boolean(media);
    } catch (err) {
      showProblem(err);
      return false;
    }
  }

  // The sheet's big button: saves what is waiting, then puts the story in the library.
  async function doPublish() {
    // What the last tap did (refused, published, failed, waiting), on both buttons: for
    // people reviewing a test run.
    const result = (r) => {
      for (const b of [publish, confirmBtn]) if (r) b.dataset.result = r;
      else delete b.dataset.result;
    };
    result(null);
    sheet.problem.textContent = "";
    flushAll();
    clearTimeout(metaTimer);
    await saveMeta();
    while (saving > 0) await new Promise((r) => setTimeout(r, 50));
    // A refused title or page blocks publishing, whatever saved since: the story would go to
    // the library with the earlier words. The reason is next to its box, and the box is focused.
    if (titleRefusal) {
      result("refused");
      titleHint.show(titleRefusal);
      if (!sheet.isOpen) openSheet(publish);
      title.focus();
      return;
    }
    const refused = story.pages.find((p) => refusedPages.has(p.id));
    if (refused) {
      result("refused");
      showRefusedPage(refused, refusedPages.get(refused.id));
      return;
    }
    if (problem.textContent) {
      result("refused");
      // Show what is in the way: the box with the hint, or the message.
      if (titleHintEl.dataset.problem) title.focus();
      else if (textHintEl.dataset.problem) showRefusedPage(story.pages[current], null);
      else sheet.problem.textContent = problem.textContent;
      return;
    }
    // No cover chosen: the first page with a picture becomes it.
    if (!story.cover) await makeCover(story.pages.find((p) => p.drawing));
    confirmBtn.disabled = true;
    try {
      const answer = await api("POST", `/api/stories/${id}/publish`);
      if (answer?.review?.status === "waiting") {
        // The class asks the teacher first: the story waits, and the child is told so kindly.
        result("waiting");
        story.review = answer.review;
        sheet.close(publish);
        showReview(answer.review);
        toast(t("rev_sent_child"));
        review.scrollIntoView({ block: "center" });
        return;
      }
      result("published");
      sheet.close();
      celebrate("publish");
      toast(t("st_published"));
      navigate(`/read/${id}`);
    } catch (err) {
      result("failed");
      const f = err.details?.field;
      // A page's words: the sheet steps aside and the page with its hint shows. A title:
      // its hint is in the sheet. Anything else is said in the sheet.
      if (["text", "pages", "drawing"].includes(f)) sheet.close(text);
      else if (f !== "title") sheet.problem.textContent = errorText(err);
      showProblem(err);
    } finally {
      confirmBtn.disabled = false;
    }
  }

  // Closes the sheet and shows `page` with the reason its words were refused next to them.
  function showRefusedPage(page, err) {
    sheet.close(text);
    const i = story.pages.indexOf(page);
    if (i >= 0 && i !== current) show(i);
    if (err) textHint.show(err);
    text.focus({ preventScroll: true });
    text.scrollIntoView({ block: "center" });
  }
}
