// Photo pages: a photo (a camera shot or a picture file) made ready for POST /api/media, and the
// kind note shown when this server cannot read words from photos.

import { api } from "./api.js";
import { t } from "./i18n.js";
import { getState } from "./store.js";
import { h } from "./ui.js";

const TAKEN = ["image/png", "image/jpeg", "image/webp"];
const LONGEST_SIDE = 2400;

function toBlob(canvas, type, quality) {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/**
 * The photo as the server takes it: a PNG, JPEG or WebP within the upload limit goes as it is;
 * anything bigger (a phone camera's photo) or of another kind (HEIC) is redrawn as a JPEG at
 * most 2400 px on its longest side. When the browser cannot redraw it, the file goes as it is
 * and the server says what is wrong.
 */
export async function uploadable(file) {
  const limit = getState().config?.limits?.upload_bytes ?? 5 * 1024 * 1024;
  if (TAKEN.includes(file.type) && file.size <= limit) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const k = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * k));
    canvas.height = Math.max(1, Math.round(bitmap.height * k));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close?.();
    for (const quality of [0.88, 0.75, 0.6]) {
      const blob = await toBlob(canvas, "image/jpeg", quality);
      if (blob && blob.size <= limit) return blob;
    }
  } catch {
    // Not a picture this browser can open: let the server decide.
  }
  // No type at all (some phones): the server looks at the bytes themselves.
  return file.type ? file : new Blob([file], { type: "application/octet-stream" });
}

const GROWN_UPS = ["parent", "teacher", "admin"];

/**
 * The note for a page whose photo was kept but not read (OCR is not installed): a kind sentence
 * for everyone, and for grown-ups how to switch it on (from GET /api/assist/status).
 */
export function ocrOffNote(onClose) {
  const close = h("button", { type: "button", class: "btn btn-small", dataset: { test: "ocr-off-close" } }, t("photo_ok"));
  const note = h("div", { class: "photo-note-box", role: "status", dataset: { test: "ocr-off" } },
    h("p", { class: "photo-note-text" }, h("span", { "aria-hidden": "true" }, "📷 "), t("photo_ocr_off")),
    close);
  close.addEventListener("click", () => {
    note.remove();
    onClose?.();
  });
  if (GROWN_UPS.includes(getState().user?.role)) {
    api("GET", "/api/assist/status")
      .then((s) => {
        const hint = s?.ocr?.hint;
        if (!hint) return;
        note.insertBefore(h("p", { class: "photo-hint", dataset: { test: "ocr-hint" } },
          h("strong", {}, `${t("photo_hint_grownups")} `), hint), close);
      })
      .catch(() => {
        // The kind sentence is enough on its own.
      });
  }
  return note;
}
