// A page from a photo: the photo goes under the page's drawing, and the words read from it go
// into the page's text (when this server can read photos).

import { api } from "../api.js";
import { rememberPicture } from "../drawing.js";
import { errorText, t } from "../i18n.js";
import { ocrOffNote, uploadable } from "../photo.js";
import { h, toast } from "../ui.js";

/**
 * `page()` is the page being drawn on, `language()` the story's ("en" or "tl"),
 * `attach(pageId, mediaId)` puts an uploaded picture under a page and saves it,
 * `addText(pageId, words)` adds read words to a page, `remove()` takes the photo off the page
 * shown. Returns the tool `button` (for the toolbar), the `row` (the hidden file input, the
 * "take the photo away" button and the notes) and `showRemove(yes)`.
 */
export function photoPages({ page, language, attach, addText, remove }) {
  const input = h("input", { type: "file", accept: "image/*", capture: "environment", class: "photo-input", tabindex: "-1", "aria-hidden": "true", dataset: { test: "photo-input" } });
  const button = h("button", { type: "button", class: "btn tool photo-btn", "aria-label": t("photo_page"), title: t("photo_page"), dataset: { test: "photo-page" } }, "📷");
  const removeBtn = h("button", { type: "button", class: "btn btn-small", hidden: true, dataset: { test: "photo-remove" } }, `🗑️ ${t("photo_remove")}`);
  const note = h("div", { class: "photo-note", "aria-live": "polite", dataset: { test: "photo-note" } });
  let working = false;
  button.addEventListener("click", () => input.click());
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) photoPage(file).finally(() => (input.value = ""));
  });
  removeBtn.addEventListener("click", () => {
    if (!confirm(t("photo_remove_confirm"))) return;
    remove();
    removeBtn.hidden = true;
  });

  const failed = (text) => note.replaceChildren(h("p", { class: "error", role: "alert", dataset: { test: "photo-error" } }, text));

  async function photoPage(file) {
    const p = page();
    if (!p || working) return;
    working = true;
    button.disabled = true;
    const label = h("span", {}, t("photo_uploading"));
    const busyNote = h("p", { class: "photo-busy", role: "status", dataset: { test: "photo-busy" } },
      h("span", { class: "photo-busy-icon", "aria-hidden": "true" }, "📷"), label);
    note.replaceChildren(busyNote);
    try {
      let media;
      try {
        media = await api("POST", "/api/media", await uploadable(file));
      } catch (err) {
        failed(errorText(err));
        return;
      }
      const mediaId = media.media_id ?? media.id;
      rememberPicture(mediaId, media.url);
      await attach(p.id, mediaId);
      label.textContent = t("photo_reading");
      let read;
      try {
        read = await api("POST", "/api/assist/ocr", { media_id: mediaId, language: language() });
      } catch (err) {
        if (err.code === "ocr_unavailable") note.replaceChildren(ocrOffNote());
        else failed(`${t("photo_kept")} ${errorText(err)}`);
        return;
      }
      const words = (read?.text ?? "").trim();
      if (!words) {
        note.replaceChildren(h("p", { class: "photo-note-box", role: "status", dataset: { test: "photo-no-words" } }, t("photo_no_words")));
        return;
      }
      addText(p.id, words);
      note.replaceChildren();
      toast(t("photo_read_done"));
    } finally {
      busyNote.remove();
      working = false;
      button.disabled = false;
    }
  }

  return {
    button,
    row: h("div", { class: "photo-row" }, removeBtn, input, note),
    showRemove(yes) {
      removeBtn.hidden = !yes;
    },
  };
}
