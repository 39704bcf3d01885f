// The drawing canvas of the studio and of drawing together: pen, marker, eraser, line,
// rectangle, circle and stickers on a vector document (src/domain/drawing.rs), with undo/redo.
// Pointer events (pen, touch, mouse) and the keyboard draw through the same few steps, so a
// keyboard stroke is saved, undone and shared like any other.

import { renderDrawing } from "./drawing.js";
import { t } from "./i18n.js";

export const PALETTE = ["#2b2340", "#e03131", "#f08c00", "#ffd23f", "#2f9e44", "#1c7ed6", "#ae3ec9", "#ffffff"];
export const SIZES = { small: 4, medium: 10, big: 24 };
export const STICKERS = ["🐉", "🐱", "🐶", "🌞", "🌈", "🌳", "🏠", "⭐", "🚀", "🦋", "🌸", "🥭"];
const MAX_POINTS = 4000;
// Keyboard steps in page units (the page is 1024 wide): small enough to draw with, Shift for
// crossing the page quickly.
const STEP = 12;
const BIG_STEP = 60;

/**
 * An editor bound to `canvas`; `onChange(doc)` runs after every finished change. With
 * `shared`, finished items go to `shared.onItem(item)` instead of the local document (a live
 * session owns the document), unfinished ones to `shared.onPreview(item)`, the keyboard
 * cursor to `shared.onCursor(x, y)`, and `shared.extra()` supplies what others are drawing
 * right now. `editor.status` is a polite live region to put next to the canvas.
 */
export function canvasEditor(canvas, onChange, shared = null) {
  let doc = blank();
  let undo = [];
  let redo = [];
  let tool = "pen";
  let color = PALETTE[0];
  let size = SIZES.medium;
  let sticker = STICKERS[0];
  let live = null;
  let liveBy = null; // "pointer" or "key": who is drawing `live`
  const cursor = { x: 512, y: 384 };

  // The keyboard way in: a focusable canvas that says how to draw with keys. A screen reader
  // passes the keys through to it (role application) instead of reading with them.
  canvas.tabIndex = 0;
  canvas.setAttribute("role", "application");
  canvas.setAttribute("aria-label", `${t("st_canvas")} ${t("kb_canvas_keys")}`);
  const status = document.createElement("p");
  status.className = "sr-only";
  status.setAttribute("aria-live", "polite");
  status.dataset.test = "draw-status";

  function blank() {
    return { v: 1, width: 1024, height: 768, background: "#fffaf0", items: [] };
  }

  function paint() {
    const items = [...doc.items, ...(shared ? shared.extra() : [])];
    if (live) items.push(live);
    renderDrawing(canvas, { ...doc, items });
    if (liveBy === "key" || canvas.matches(":focus-visible")) paintCursor();
  }

  // The keyboard cursor: a ring the size of the brush, dark and light so it shows on any
  // picture, filled while drawing.
  function paintCursor() {
    const ctx = canvas.getContext("2d");
    const k = canvas.width / doc.width;
    // At least 14 screen pixels across, however small the canvas is shown.
    const css = (canvas.clientWidth || canvas.width) / doc.width;
    const px = 1 / css;
    ctx.save();
    ctx.setTransform(k, 0, 0, k, 0, 0);
    const r = Math.max(size / 2 + 4, 14 * px);
    ctx.beginPath();
    ctx.arc(cursor.x, cursor.y, r, 0, Math.PI * 2);
    if (liveBy === "key") {
      ctx.globalAlpha = 0.35;
      ctx.fillStyle = tool === "eraser" ? "#868e96" : color;
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    const cross = new Path2D();
    for (const [dx, dy] of [[-1, 0], [1, 0], [0, -1], [0, 1]]) {
      cross.moveTo(cursor.x + dx * (r - 4 * px), cursor.y + dy * (r - 4 * px));
      cross.lineTo(cursor.x + dx * (r + 9 * px), cursor.y + dy * (r + 9 * px));
    }
    ctx.lineWidth = 6 * px;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke();
    ctx.stroke(cross);
    ctx.lineWidth = 3 * px;
    ctx.strokeStyle = "#1c1630";
    ctx.stroke();
    ctx.stroke(cross);
    ctx.restore();
  }

  function at(e) {
    const r = canvas.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * doc.width;
    const y = ((e.clientY - r.top) / r.height) * doc.height;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
  }

  function commit(item) {
    if (shared) {
      shared.onItem(item);
      return;
    }
    undo.push(doc.items);
    if (undo.length > 100) undo.shift();
    redo = [];
    doc = { ...doc, items: [...doc.items, item] };
    paint();
    onChange(doc);
  }

  // The three steps every stroke and shape goes through, whoever draws it.
  function begin(x, y, by) {
    if (tool === "sticker") {
      commit({ type: "sticker", emoji: sticker, x, y, size: 96 });
      return false;
    }
    if (tool === "pen" || tool === "marker" || tool === "eraser") {
      const width = tool === "marker" ? size * 2 : tool === "eraser" ? size * 2.5 : size;
      live = { type: "stroke", tool: tool === "eraser" ? "eraser" : tool, color: tool === "eraser" ? "#ffffff" : color, width, points: [x, y] };
      if (tool === "marker") live.opacity = 0.6;
    } else if (tool === "line") {
      live = { type: "line", color, width: size, x1: x, y1: y, x2: x, y2: y };
    } else {
      live = { type: tool === "circle" ? "ellipse" : "rect", color, width: size, x, y, w: 0, h: 0, start: [x, y] };
    }
    liveBy = by;
    paint();
    return true;
  }

  function extend(x, y) {
    if (live.type === "stroke") {
      if (live.points.length < MAX_POINTS) live.points.push(x, y);
    } else if (live.type === "line") {
      live.x2 = x;
      live.y2 = y;
    } else {
      const [sx, sy] = live.start;
      live.x = Math.min(sx, x);
      live.y = Math.min(sy, y);
      live.w = Math.abs(x - sx);
      live.h = Math.abs(y - sy);
    }
    if (shared && live.type === "stroke" && live.points.length % 10 === 0) shared.onPreview(live);
    paint();
  }

  function finish() {
    if (!live) return;
    const item = live;
    live = null;
    liveBy = null;
    delete item.start;
    if (item.type === "stroke" && item.points.length === 2) item.points.push(item.points[0] + 0.5, item.points[1]);
    if ((item.type === "rect" || item.type === "ellipse") && (item.w < 2 || item.h < 2)) return paint();
    commit(item);
  }

  function say(text) {
    status.textContent = text;
  }

  // Two fingers zoom (pinch) and pan the page inside its scrolling frame; one finger draws.
  const touches = new Map();
  let gesture = null;
  let zoom = 1;
  const frame = () => canvas.parentElement;
  function setZoom(z, cx = 0.5, cy = 0.5) {
    const f = frame();
    const before = { x: f.scrollLeft + f.clientWidth * cx, y: f.scrollTop + f.clientHeight * cy, w: canvas.clientWidth };
    zoom = Math.min(3, Math.max(1, z));
    canvas.style.setProperty("--zoom", String(zoom));
    canvas.classList.toggle("zoomed", zoom > 1);
    const k = canvas.clientWidth / (before.w || 1);
    f.scrollLeft = before.x * k - f.clientWidth * cx;
    f.scrollTop = before.y * k - f.clientHeight * cy;
    paint();
  }
  const spread = () => {
    const [a, b] = [...touches.values()];
    return { d: Math.hypot(a.x - b.x, a.y - b.y), x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };
  canvas.addEventListener("pointerdown", (e) => {
    if (e.pointerType === "touch") {
      touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (touches.size === 2) {
        live = null;
        liveBy = null;
        gesture = { ...spread(), zoom };
        paint();
        return;
      }
    }
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!touches.has(e.pointerId)) return;
    touches.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (gesture && touches.size === 2) {
      const now = spread();
      setZoom(gesture.zoom * (now.d / (gesture.d || 1)));
      frame().scrollLeft -= now.x - gesture.x;
      frame().scrollTop -= now.y - gesture.y;
      gesture.x = now.x;
      gesture.y = now.y;
    }
  });
  const lift = (e) => {
    touches.delete(e.pointerId);
    if (touches.size < 2) gesture = null;
  };
  canvas.addEventListener("pointerup", lift);
  canvas.addEventListener("pointercancel", lift);

  canvas.addEventListener("pointerdown", (e) => {
    e.preventDefault();
    if (gesture) return;
    // A keyboard stroke still open ends where it is; the pointer starts its own.
    if (liveBy === "key") finish();
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = at(e);
    cursor.x = x;
    cursor.y = y;
    begin(x, y, "pointer");
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!live || liveBy !== "pointer" || gesture) return;
    const [x, y] = at(e);
    extend(x, y);
  });
  canvas.addEventListener("pointerup", () => {
    if (liveBy === "pointer") finish();
  });
  canvas.addEventListener("pointercancel", () => {
    if (liveBy !== "pointer") return;
    live = null;
    liveBy = null;
    paint();
  });

  // Keyboard drawing: arrows move the cursor (Shift for big steps), Space puts the pen down
  // and lifts it again, Enter lifts it too, Escape drops what is being drawn.
  const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  canvas.addEventListener("keydown", (e) => {
    // A locked canvas (drawing together before it starts) takes no keys, as it takes no taps.
    if (e.ctrlKey || e.metaKey || e.altKey || canvas.classList.contains("locked")) return;
    const arrow = ARROWS[e.key];
    if (arrow) {
      e.preventDefault();
      const step = e.shiftKey ? BIG_STEP : STEP;
      cursor.x = Math.min(doc.width, Math.max(0, cursor.x + arrow[0] * step));
      cursor.y = Math.min(doc.height, Math.max(0, cursor.y + arrow[1] * step));
      if (liveBy === "key") extend(cursor.x, cursor.y);
      else paint();
      shared?.onCursor?.(cursor.x, cursor.y);
    } else if (e.key === " " || e.key === "Spacebar") {
      e.preventDefault();
      if (e.repeat) return;
      if (liveBy === "key") {
        finish();
        say(t("kb_not_drawing"));
      } else if (begin(cursor.x, cursor.y, "key")) {
        say(t("kb_drawing"));
      } else {
        say(t("kb_sticker_added"));
      }
    } else if (e.key === "Enter" && liveBy === "key") {
      e.preventDefault();
      finish();
      say(t("kb_not_drawing"));
    } else if (e.key === "Escape" && liveBy === "key") {
      e.preventDefault();
      live = null;
      liveBy = null;
      paint();
      say(t("kb_not_drawing"));
    }
  });
  canvas.addEventListener("focus", () => paint());
  canvas.addEventListener("blur", () => {
    // Leaving the canvas lifts the pen: what was drawn stays.
    if (liveBy === "key") {
      finish();
      say(t("kb_not_drawing"));
    } else paint();
  });

  return {
    /** The polite live region saying "Drawing" / "Not drawing" (put it near the canvas). */
    status,
    /** Zooms in or out by a step (buttons and keyboard). */
    zoomBy(step) {
      setZoom(zoom + step);
    },
    get zoom() {
      return zoom;
    },
    load(d) {
      doc = d && d.items ? { ...blank(), ...d, items: [...d.items] } : blank();
      undo = [];
      redo = [];
      paint();
    },
    paint,
    get doc() {
      return doc;
    },
    /** True while a stroke or shape is being drawn (by a pointer or the keyboard). */
    get drawing() {
      return live !== null;
    },
    setTool(name) {
      tool = name;
    },
    setColor(c) {
      color = c;
      if (liveBy === "key") paint();
    },
    setSize(s) {
      size = s;
    },
    setSticker(s) {
      sticker = s;
      tool = "sticker";
    },
    undo() {
      if (!undo.length) return;
      redo.push(doc.items);
      doc = { ...doc, items: undo.pop() };
      paint();
      onChange(doc);
    },
    redo() {
      if (!redo.length) return;
      undo.push(doc.items);
      doc = { ...doc, items: redo.pop() };
      paint();
      onChange(doc);
    },
    /** Puts an uploaded picture under the drawing (`null` takes it away); not an undo step. */
    setBackground(mediaId) {
      doc = { ...doc, background_media: mediaId || undefined };
      if (!mediaId) delete doc.background_media;
      paint();
      onChange(doc);
    },
    clear() {
      if (!doc.items.length) return;
      undo.push(doc.items);
      redo = [];
      doc = { ...doc, items: [] };
      paint();
      onChange(doc);
    },
  };
}
