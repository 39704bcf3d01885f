// The drawing canvas of the studio: pen, marker, eraser, line, rectangle, circle and stickers on
// a vector document (src/domain/drawing.rs), with undo/redo. Pointer events: pen, touch, mouse.

import { renderDrawing } from "./drawing.js";

export const PALETTE = ["#2b2340", "#e03131", "#f08c00", "#ffd23f", "#2f9e44", "#1c7ed6", "#ae3ec9", "#ffffff"];
export const SIZES = { small: 4, medium: 10, big: 24 };
export const STICKERS = ["🐉", "🐱", "🐶", "🌞", "🌈", "🌳", "🏠", "⭐", "🚀", "🦋", "🌸", "🥭"];
const MAX_POINTS = 4000;

/**
 * An editor bound to `canvas`; `onChange(doc)` runs after every finished change. With
 * `shared`, finished items go to `shared.onItem(item)` instead of the local document (a live
 * session owns the document), unfinished ones to `shared.onPreview(item)`, and `shared.extra()`
 * supplies what others are drawing right now.
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

  function blank() {
    return { v: 1, width: 1024, height: 768, background: "#fffaf0", items: [] };
  }

  function paint() {
    const items = [...doc.items, ...(shared ? shared.extra() : [])];
    if (live) items.push(live);
    renderDrawing(canvas, { ...doc, items });
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
    canvas.setPointerCapture(e.pointerId);
    const [x, y] = at(e);
    if (tool === "sticker") {
      commit({ type: "sticker", emoji: sticker, x, y, size: 96 });
      return;
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
    paint();
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!live || gesture) return;
    const [x, y] = at(e);
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
  });
  const finish = () => {
    if (!live) return;
    const item = live;
    live = null;
    delete item.start;
    if (item.type === "stroke" && item.points.length === 2) item.points.push(item.points[0] + 0.5, item.points[1]);
    if ((item.type === "rect" || item.type === "ellipse") && (item.w < 2 || item.h < 2)) return paint();
    commit(item);
  };
  canvas.addEventListener("pointerup", finish);
  canvas.addEventListener("pointercancel", () => {
    live = null;
    paint();
  });

  return {
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
    setTool(t) {
      tool = t;
    },
    setColor(c) {
      color = c;
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
