// The studio's page strip: a small picture of every page in one scrolling row. Tap one to
// draw on it, drag it to another place (finger, pen or mouse), or add, move and delete pages.

import { paintThumb } from "../draw-tools.js";
import { t } from "../i18n.js";
import { h } from "../ui.js";

/**
 * `choose(i)` shows page i, `moveTo(from, to)` moves a page, `add()`, `step(by)` (move the
 * current page one place) and `remove()` act on the current page. Returns the element and
 * `draw(pages, current)` (again after any change), `repaint(i, drawing)` for one picture.
 */
export function pageStrip({ choose, moveTo, add, step, remove }) {
  let dragFrom = null;
  let dragged = false;
  const list = h("ol", { class: "page-strip", dataset: { test: "page-strip" }, "aria-label": t("st_pages") });
  const small = (label, icon, test) => h("button", { type: "button", class: "btn strip-btn", "aria-label": label, title: label, dataset: test ? { test } : {} }, icon);
  const addB = small(t("st_add_page"), "+", "add-page");
  addB.classList.add("strip-add");
  const left = small(t("st_move_left"), "◀");
  const right = small(t("st_move_right"), "▶");
  const del = small(t("st_delete_page"), "🗑️");
  addB.addEventListener("click", add);
  left.addEventListener("click", () => step(-1));
  right.addEventListener("click", () => step(1));
  del.addEventListener("click", remove);
  const el = h("div", { class: "strip-row" }, list, h("div", { class: "strip-actions" }, left, right, del));

  // Near either end of the row while dragging, the row scrolls to show the pages hidden there.
  function edgeScroll(x) {
    const r = list.getBoundingClientRect();
    if (x < r.left + 40) list.scrollLeft -= 16;
    else if (x > r.right - 40) list.scrollLeft += 16;
  }

  function tab(p, i, current) {
    const label = t("st_page_thumb", { n: i + 1 });
    const pic = h("canvas", { class: "thumb", "aria-hidden": "true" });
    paintThumb(pic, p.drawing);
    const b = h("button", { type: "button", class: "page-tab", "aria-current": i === current ? "page" : "false", "aria-label": label, title: label, tabindex: i === current ? "0" : "-1", dataset: { test: "page-tab", index: String(i) } },
      pic, h("span", { class: "thumb-n", "aria-hidden": "true" }, String(i + 1)));
    b.addEventListener("click", () => {
      if (dragged) return;
      choose(i);
    });
    b.addEventListener("pointerdown", (e) => {
      dragFrom = i;
      dragged = false;
      b.setPointerCapture(e.pointerId);
    });
    b.addEventListener("pointermove", (e) => {
      if (dragFrom === null) return;
      edgeScroll(e.clientX);
      const over = document.elementFromPoint(e.clientX, e.clientY)?.closest("[data-test=page-tab]");
      for (const other of list.querySelectorAll("[data-test=page-tab]")) other.classList.toggle("drop-here", other === over && over !== b);
    });
    b.addEventListener("pointerup", (e) => {
      const from = dragFrom;
      dragFrom = null;
      for (const other of list.querySelectorAll(".drop-here")) other.classList.remove("drop-here");
      const over = document.elementFromPoint(e.clientX, e.clientY)?.closest("[data-test=page-tab]");
      const to = over ? Number(over.dataset.index) : from;
      if (from !== null && to !== from) {
        dragged = true;
        setTimeout(() => (dragged = false), 0);
        moveTo(from, to);
      }
    });
    b.addEventListener("pointercancel", () => (dragFrom = null));
    return h("li", {}, b);
  }

  // One Tab stop for the row: the arrow keys go from page to page, Enter or Space opens one.
  list.addEventListener("keydown", (e) => {
    const tabs = [...list.querySelectorAll("[data-test=page-tab]"), addB];
    const i = tabs.indexOf(document.activeElement);
    const by = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (i < 0 || !by) return;
    e.preventDefault();
    tabs[Math.min(tabs.length - 1, Math.max(0, i + by))].focus();
  });

  function draw(pages, current) {
    const hadFocus = list.contains(document.activeElement) && document.activeElement !== addB;
    list.replaceChildren(...pages.map((p, i) => tab(p, i, current)), h("li", {}, addB));
    left.disabled = current === 0;
    right.disabled = current === pages.length - 1;
    del.disabled = pages.length === 1;
    const now = list.querySelectorAll("[data-test=page-tab]")[current];
    if (!now) return;
    if (hadFocus) now.focus({ preventScroll: true });
    // The page being drawn on is always in sight in the row.
    const r = now.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    if (r.left < box.left) list.scrollLeft -= box.left - r.left + 8;
    else if (r.right > box.right) list.scrollLeft += r.right - box.right + 8;
  }

  function repaint(i, drawing) {
    const pic = list.querySelectorAll("[data-test=page-tab] canvas")[i];
    if (pic) paintThumb(pic, drawing);
  }

  return { el, draw, repaint };
}
