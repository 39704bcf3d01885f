// "Print this book": the story laid out as a little book and handed to the browser's print
// dialog, where "Save as PDF" makes a file without any server. A cover sheet (title, author,
// picture), then one sheet per page with its picture and words; nothing else of the app
// (reader.css hides the rest while this layout is on the page).

import { renderDrawing, rememberPicture } from "../drawing.js";
import { t } from "../i18n.js";
import { h } from "../ui.js";

// Wide enough to print sharp on paper, small enough to stay quick on a tablet.
const PICTURE_WIDTH = 1200;

/**
 * The print button. The layout is made on the first press (drawings become pictures: a canvas
 * is not printed reliably everywhere) and kept until the reader is left, so printing again is
 * instant. `remove` takes it away.
 */
export function printButton(getStory) {
  let book = null;
  let busy = false;
  let gone = false; // the reader was left while the book was being made
  const button = h("button", { type: "button", class: "btn", dataset: { test: "print-book" } }, h("span", { "aria-hidden": "true" }, "🖨️ "), t("rdr_print"));
  const status = h("span", { class: "sr-only", role: "status" });
  button.addEventListener("click", async () => {
    const story = getStory();
    if (!story || busy) return;
    busy = true;
    button.disabled = true;
    status.textContent = t("rdr_print_wait");
    try {
      if (!book) {
        const made = await layout(story);
        if (gone) return;
        book = made;
        document.body.append(book);
      }
      status.textContent = "";
      // "Save as PDF" names the file after the page title: the story's name, not the app's.
      const was = document.title;
      document.title = story.title;
      window.print();
      document.title = was;
    } finally {
      busy = false;
      button.disabled = false;
    }
  });
  const remove = () => {
    gone = true;
    book?.remove();
  };
  return { button, status, remove };
}

async function layout(story) {
  const book = h("div", { class: "print-book", "aria-hidden": "true", dataset: { test: "print-layout" } });
  const pages = story.pages ?? [];
  // Photos under drawings must have arrived before a page becomes a picture.
  await Promise.all(pages.map((p) => {
    const id = p.drawing?.background_media;
    if (!id || !p.background?.url) return null;
    rememberPicture(id, p.background.url, false);
    return loaded(p.background.url);
  }));
  // The loader in drawing.js hears the same "load" a moment later than ours.
  await new Promise((r) => setTimeout(r, 50));
  const pictures = pages.map((p) => picture(p.drawing));
  const others = (story.coauthors ?? []).map((a) => a.display_name);
  const authors = [story.author?.display_name, ...others].filter(Boolean).join(", ");
  const coverUrl = story.cover?.url && (await loaded(story.cover.url)) ? story.cover.url : pictures[0];
  const cover = h("section", { class: "print-sheet print-cover" },
    h("h1", { class: "print-title" }, story.title),
    coverUrl ? h("img", { class: "print-pic", src: coverUrl, alt: "" }) : null,
    h("p", { class: "print-by" }, t(others.length ? "rdr_print_by_many" : "rdr_print_by", { name: authors })),
    h("p", { class: "print-brand" }, "PixelTales"));
  book.append(cover, ...pages.map((p, i) => h("section", { class: "print-sheet print-page" },
    pictures[i] ? h("img", { class: "print-pic", src: pictures[i], alt: "" }) : null,
    h("p", { class: `print-text${(p.text ?? "").length > 600 ? " long" : ""}`, lang: story.language === "tl" ? "tl" : "en" }, p.text ?? ""),
    h("p", { class: "print-num" }, String(i + 1)))));
  // Every picture decoded before the print dialog takes its snapshot.
  await Promise.all([...book.querySelectorAll("img")].map((img) => img.decode().catch(() => {})));
  book.dataset.sheets = String(pages.length + 1);
  book.dataset.ready = "1";
  return book;
}

// A page's drawing as a PNG picture (empty when the browser refuses, e.g. a foreign photo).
function picture(doc) {
  const c = document.createElement("canvas");
  try {
    renderDrawing(c, doc, PICTURE_WIDTH);
    return c.toDataURL("image/png");
  } catch {
    return "";
  }
}

// True once the picture at `url` has loaded (false if it cannot, after at most 8 s).
function loaded(url) {
  return new Promise((resolve) => {
    const img = new Image();
    const timer = setTimeout(() => resolve(false), 8000);
    img.onload = () => {
      clearTimeout(timer);
      resolve(true);
    };
    img.onerror = () => {
      clearTimeout(timer);
      resolve(false);
    };
    img.src = url;
  });
}
