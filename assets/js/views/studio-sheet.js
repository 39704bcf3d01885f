// The "Finish my book" sheet: the title, the language, the kinds of story and the cover, then
// the button that puts the story in the library. A modal dialog: focus goes into it, Escape or
// the close button shuts it, and focus comes back to where it was (or to the box that needs
// fixing).

import { api } from "../api.js";
import { paintThumb } from "../draw-tools.js";
import { renderDrawing } from "../drawing.js";
import { t } from "../i18n.js";
import { genreIds } from "../store.js";
import { h, toast } from "../ui.js";

let seq = 0;

/**
 * Lays out the studio's own boxes (`title` with its hint, `lang`, `genres`, `coverBtn`,
 * `confirm`) in a dialog. Returns `{ el, problem, open(from, drawing, focus), close(to) }`:
 * `problem` is the sheet's own line for a refusal that has no box, `drawing` the current
 * page's (shown next to the cover button), `to` where focus goes after closing.
 */
export function finishSheet({ title, titleHintEl, lang, genres, coverBtn, coverState, confirm }) {
  const n = ++seq;
  const headId = `finish-head-${n}`;
  title.id ||= `finish-title-${n}`;
  lang.id ||= `finish-lang-${n}`;
  const genresId = `finish-genres-${n}`;
  genres.removeAttribute("aria-label");
  genres.setAttribute("aria-labelledby", genresId);
  const close = h("button", { type: "button", class: "btn sheet-close", "aria-label": t("st_sheet_close"), title: t("st_sheet_close"), dataset: { test: "st-sheet-close" } }, "✕");
  const problem = h("p", { class: "error sheet-problem", role: "alert", dataset: { test: "st-sheet-problem" } });
  const coverPic = h("canvas", { class: "thumb cover-pic", "aria-hidden": "true" });
  const body = h("div", { class: "sheet-body stack" },
    h("div", { class: "sheet-head" }, h("h2", { id: headId }, h("span", { "aria-hidden": "true" }, "📖 "), t("st_finish")), close),
    h("p", { class: "sheet-intro" }, t("st_finish_intro")),
    h("div", { class: "field" }, h("label", { for: title.id }, t("st_title")), title, titleHintEl),
    h("div", { class: "field" }, h("label", { for: lang.id }, t("language")), lang),
    h("div", { class: "field" }, h("p", { class: "field-label", id: genresId }, t("lib_genres")), genres),
    h("div", { class: "cover-row" }, coverPic, h("div", { class: "cover-what" }, coverBtn, coverState)),
    problem,
    confirm);
  const el = h("dialog", { class: "finish-sheet", "aria-labelledby": headId, dataset: { test: "st-sheet" } }, body);
  let back = null;
  close.addEventListener("click", () => el.close());
  // A tap on the dim area around the sheet closes it too.
  el.addEventListener("click", (e) => {
    if (e.target === el) el.close();
  });
  el.addEventListener("close", () => {
    problem.textContent = "";
    const to = back;
    back = null;
    to?.focus({ preventScroll: true });
  });
  return {
    el,
    problem,
    get isOpen() {
      return el.open;
    },
    open(from, drawing, focus = title) {
      back = from;
      problem.textContent = "";
      paintThumb(coverPic, drawing);
      coverBtn.disabled = !drawing;
      if (!el.open) el.showModal();
      focus.focus();
    },
    close(to = null) {
      if (!el.open) return;
      if (to) back = to;
      el.close();
    },
  };
}

/** Fills `box` with a chip per kind of story, `chosen` pressed; `onChange(list)` after a tap. */
export function genreChips(box, chosen, onChange) {
  let list = [...chosen];
  box.replaceChildren(...genreIds().map((g) => {
    const b = h("button", { type: "button", class: "chip", "aria-pressed": String(list.includes(g)), dataset: { genre: g } }, t(`genre_${g}`));
    b.addEventListener("click", () => {
      const on = b.getAttribute("aria-pressed") !== "true";
      const next = on ? [...list, g] : list.filter((x) => x !== g);
      if (next.length > 3) return toast(t("st_three_genres"));
      b.setAttribute("aria-pressed", String(on));
      list = next;
      onChange(list);
    });
    return b;
  }));
}

/** A page's picture as a small PNG, uploaded and made story `id`'s cover: the media answer. */
export async function uploadCover(id, drawing) {
  const off = document.createElement("canvas");
  renderDrawing(off, drawing, 480);
  const blob = await new Promise((resolve) => off.toBlob(resolve, "image/png"));
  if (!blob) return null;
  const media = await api("POST", "/api/media", blob);
  await api("PATCH", `/api/stories/${id}`, { cover_media_id: media.id });
  return media;
}
