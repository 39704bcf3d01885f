// The drawing tools the studio and drawing together share: one toolbar (pens and shapes,
// stickers, named colours, sizes, undo and zoom), page thumbnails, and the sizing that keeps
// the whole page picture and its tools on the first screen.

import { PALETTE, SIZES, STICKERS } from "./canvas-editor.js";
import { renderDrawing } from "./drawing.js";
import { t } from "./i18n.js";
import { h } from "./ui.js";

// Said names, in PALETTE's and STICKERS' order: a screen reader says "Red", never "#e03131".
const COLOR_NAMES = ["black", "red", "orange", "yellow", "green", "blue", "purple", "white"];
const STICKER_NAMES = ["dragon", "cat", "dog", "sun", "rainbow", "tree", "house", "star", "rocket", "butterfly", "flower", "mango"];
// The shapes are drawn in the text colour, so they show on every theme (a black square emoji
// vanished on the night theme).
const SHAPES = {
  line: ["line", { x1: 5, y1: 19, x2: 19, y2: 5 }],
  rect: ["rect", { x: 3.5, y: 6, width: 17, height: 12, rx: 1.5 }],
  circle: ["circle", { cx: 12, cy: 12, r: 8 }],
};
const TOOLS = [["pen", "✏️"], ["marker", "🖍️"], ["eraser", "🧽"], ["line"], ["rect"], ["circle"]];

function shapeIcon(name) {
  const svg = svgEl("svg", {
    class: "shape-icon", viewBox: "0 0 24 24", width: 26, height: 26, "aria-hidden": "true",
    focusable: "false", fill: "none", stroke: "currentColor", "stroke-width": 2.6,
    "stroke-linecap": "round",
  });
  const [tag, attrs] = SHAPES[name];
  svg.append(svgEl(tag, attrs));
  return svg;
}

function svgEl(tag, attrs) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** The words for a palette colour ("Red"), or "" for any other colour. */
export function colorName(hex) {
  const i = PALETTE.indexOf(hex);
  return i < 0 ? "" : t(`color_${COLOR_NAMES[i]}`);
}

let traySeq = 0;

/**
 * The toolbar for `editor` (a canvasEditor). `undo` is what Undo does; `redo` and `clear` add
 * those buttons; `zoom` adds the zoom buttons; `extra` are more buttons placed after the
 * sticker button (the studio's photo button). Returns the element to place under or beside
 * the canvas; `bar` is the toolbar row alone (what must fit on the first screen).
 */
export function drawTools(editor, { undo, redo = null, clear = null, zoom = true, extra = [] } = {}) {
  const button = (attrs, ...children) => h("button", { type: "button", class: "btn tool", ...attrs }, ...children);
  const pick = (group, el) => {
    for (const b of group.querySelectorAll("[aria-pressed]")) b.setAttribute("aria-pressed", "false");
    el.setAttribute("aria-pressed", "true");
  };

  const drawWith = h("div", { class: "tool-group", role: "group", "aria-label": t("dt_draw_with") });
  const trayId = `sticker-tray-${++traySeq}`;
  const tray = h("div", { class: "sticker-tray", id: trayId, role: "group", "aria-label": t("dt_stickers"), hidden: true, dataset: { test: "sticker-tray" } });
  for (const [name, icon] of TOOLS) {
    const b = button({ "aria-pressed": String(name === "pen"), "aria-label": t(`tool_${name}`), title: t(`tool_${name}`), dataset: { tool: name } }, icon ?? shapeIcon(name));
    b.addEventListener("click", () => {
      editor.setTool(name);
      pick(drawWith, b);
      showTray(false);
    });
    drawWith.append(b);
  }
  // One sticker button (showing the sticker chosen last) opens the tray of stickers.
  let sticker = STICKERS[0];
  const stickerBtn = button({ "aria-pressed": "false", "aria-expanded": "false", "aria-controls": trayId, "aria-label": t("tool_sticker"), title: t("tool_sticker"), dataset: { tool: "sticker", test: "sticker-tool" } }, sticker);
  stickerBtn.addEventListener("click", () => {
    editor.setSticker(sticker);
    pick(drawWith, stickerBtn);
    showTray(tray.hidden);
  });
  drawWith.append(stickerBtn, ...extra);
  STICKERS.forEach((s, i) => {
    const label = t(`stk_${STICKER_NAMES[i]}`);
    const b = button({ "aria-pressed": String(i === 0), "aria-label": label, title: label, dataset: { sticker: s } }, s);
    b.addEventListener("click", () => {
      sticker = s;
      stickerBtn.textContent = s;
      editor.setSticker(s);
      pick(tray, b);
      pick(drawWith, stickerBtn);
      showTray(false);
      stickerBtn.focus({ preventScroll: true });
    });
    tray.append(b);
  });
  tray.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    showTray(false);
    stickerBtn.focus({ preventScroll: true });
  });
  function showTray(open) {
    tray.hidden = !open;
    stickerBtn.setAttribute("aria-expanded", String(open));
  }

  const colors = h("div", { class: "tool-group", role: "group", "aria-label": t("st_colors") });
  PALETTE.forEach((c, i) => {
    const name = t(`color_${COLOR_NAMES[i]}`);
    const b = h("button", { type: "button", class: "swatch", "aria-pressed": String(i === 0), "aria-label": name, title: name, dataset: { color: c } });
    b.style.setProperty("--swatch", c);
    b.addEventListener("click", () => {
      editor.setColor(c);
      pick(colors, b);
    });
    colors.append(b);
  });
  const custom = h("input", { type: "color", class: "custom-color", "aria-label": t("st_custom_color"), title: t("st_custom_color"), value: "#5f3dc4" });
  custom.addEventListener("input", () => {
    editor.setColor(custom.value);
    for (const b of colors.querySelectorAll("[aria-pressed]")) b.setAttribute("aria-pressed", "false");
  });
  colors.append(custom);

  const sizes = h("div", { class: "tool-group", role: "group", "aria-label": t("st_sizes") });
  for (const [name, px] of Object.entries(SIZES)) {
    const b = button({ "aria-pressed": String(name === "medium"), "aria-label": t(`size_${name}`), title: t(`size_${name}`), dataset: { size: name } }, h("span", { class: "size-dot", "aria-hidden": "true", dataset: { size: name } }));
    b.addEventListener("click", () => {
      editor.setSize(px);
      pick(sizes, b);
    });
    sizes.append(b);
  }
  editor.setSize(SIZES.medium);

  const more = h("div", { class: "tool-group", role: "group", "aria-label": t("dt_more") });
  const action = (label, icon, fn, test) => {
    const b = button({ "aria-label": label, title: label, dataset: test ? { test } : {} }, icon);
    b.addEventListener("click", fn);
    more.append(b);
  };
  action(t("st_undo"), "↩️", undo, "undo");
  if (redo) action(t("st_redo"), "↪️", redo, "redo");
  if (clear) action(t("st_clear"), "🗑️", clear, "clear");
  if (zoom) {
    action(t("st_zoom_in"), "🔍+", () => editor.zoomBy(0.5), "zoom-in");
    action(t("st_zoom_out"), "🔍−", () => editor.zoomBy(-0.5), "zoom-out");
  }

  const bar = h("div", { class: "draw-bar", role: "toolbar", "aria-label": t("st_tools"), dataset: { test: "draw-tools" } }, drawWith, colors, sizes, more);
  roving(bar);
  roving(tray);
  const el = h("div", { class: "draw-tools" }, bar, tray, editor.status);
  return { el, bar };
}

// One Tab stop for a whole row of buttons: arrow keys (and Home, End) move between them, and
// Tab goes on to what comes after, as a toolbar should.
function roving(box) {
  const items = () => [...box.querySelectorAll("button, input")].filter((el) => !el.disabled && el.getClientRects().length);
  const all = [...box.querySelectorAll("button, input")];
  all.forEach((el, i) => (el.tabIndex = i === 0 ? 0 : -1));
  box.addEventListener("focusin", (e) => {
    if (!box.contains(e.target) || e.target.tabIndex === 0) return;
    for (const el of box.querySelectorAll("button, input")) el.tabIndex = el === e.target ? 0 : -1;
  });
  box.addEventListener("keydown", (e) => {
    const list = items();
    const i = list.indexOf(document.activeElement);
    if (i < 0) return;
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: list.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    list[(to + list.length) % list.length].focus();
  });
}

/** Paints a small picture of a page (`doc` may be null: a blank page) into `canvas`. */
export function paintThumb(canvas, doc) {
  renderDrawing(canvas, doc ?? null, 128);
}

// Tools beside the canvas on wide, landscape screens; under it on phones and upright tablets.
const SIDE = "(orientation: landscape) and (min-width: 640px)";
// Phones and small tablets get the app's tab bar at the bottom (64 px and a little air).
const TAB_BAR = 72;

/**
 * Keeps the page picture whole on the first screen: `frame` (the canvas's scrolling frame)
 * gets at most the width whose 4:3 height fits between what is above it and what must stay
 * under it: the toolbar `bar` when the tools are under the canvas, or the page's words box
 * `words` beside the tools, and the tab bar on narrow screens. Sets `--fit-w` on `host`.
 * Returns `{ refit, stop }`.
 */
export function fitCanvas(host, frame, { bar, words }) {
  let last = "";
  const refit = () => {
    const stage = frame.parentElement;
    if (!stage?.isConnected) return;
    const side = matchMedia(SIDE).matches;
    const top = frame.getBoundingClientRect().top + scrollY;
    const under = side
      ? (words && innerHeight >= 640 ? Math.min(words.offsetHeight, 140) + 16 : 12)
      : (bar?.offsetHeight ?? 0) + 20;
    const tabBar = innerWidth <= 720 ? TAB_BAR : 0;
    const room = innerHeight - top - tabBar - under;
    const width = Math.floor(Math.max(200, Math.min(stage.clientWidth, (room * 4) / 3)));
    const value = `${width}px`;
    if (value === last) return;
    last = value;
    host.style.setProperty("--fit-w", value);
    host.dispatchEvent(new Event("canvasfit"));
  };
  const ro = new ResizeObserver(() => refit());
  ro.observe(host);
  if (bar) ro.observe(bar);
  addEventListener("resize", refit);
  requestAnimationFrame(refit);
  return {
    refit,
    stop() {
      ro.disconnect();
      removeEventListener("resize", refit);
    },
  };
}

/**
 * After the page changed (added, chosen, moved), brings the canvas back into view if it is not
 * whole on the screen (a tap low in the page strip may have scrolled it away).
 */
export function keepInView(canvas) {
  const r = canvas.getBoundingClientRect();
  const bottom = innerHeight - (innerWidth <= 720 ? TAB_BAR : 0);
  if (r.top >= 0 && r.bottom <= bottom) return;
  // The first screen is laid out to hold it; a screen too short for that shows its top.
  scrollTo({ top: 0, behavior: "instant" });
  const again = canvas.getBoundingClientRect();
  if (again.bottom > bottom) scrollBy({ top: again.top - 8, behavior: "instant" });
}
