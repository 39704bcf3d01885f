// Paints a page's vector drawing document (see src/domain/drawing.rs) onto a canvas.

/**
 * Draws `doc` scaled to fit `canvas` (its CSS width, sharp on dense screens, or exactly
 * `pixelWidth` pixels wide); a missing drawing leaves a soft blank page.
 */
export function renderDrawing(canvas, doc, pixelWidth = 0) {
  lastDrawn.set(canvas, [doc, pixelWidth]);
  const ctx = canvas.getContext("2d");
  const w = doc?.width || 1024;
  const hgt = doc?.height || 768;
  const ratio = pixelWidth ? 1 : window.devicePixelRatio || 1;
  const cssWidth = pixelWidth || canvas.clientWidth || w;
  canvas.width = Math.round(cssWidth * ratio);
  canvas.height = Math.round((cssWidth * hgt / w) * ratio);
  const scale = canvas.width / w;
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.fillStyle = doc?.background || "#fffaf0";
  ctx.fillRect(0, 0, w, hgt);
  if (!doc) return;
  const pic = doc.background_media ? picture(doc.background_media) : null;
  if (pic && !pic.ready && !pic.failed) pic.waiting.add(canvas);
  if (!pic?.ready) {
    for (const item of doc.items || []) drawItem(ctx, item);
    return;
  }
  // A photo under the page: drawn whole (letterboxed), with the drawing on its own layer so the
  // eraser rubs out strokes, never the photo.
  const k = Math.min(w / pic.img.naturalWidth, hgt / pic.img.naturalHeight);
  const pw = pic.img.naturalWidth * k;
  const ph = pic.img.naturalHeight * k;
  ctx.drawImage(pic.img, (w - pw) / 2, (hgt - ph) / 2, pw, ph);
  if (!doc.items?.length) return;
  let layer = layers.get(canvas);
  if (!layer) layers.set(canvas, (layer = document.createElement("canvas")));
  layer.width = canvas.width;
  layer.height = canvas.height;
  const lctx = layer.getContext("2d");
  lctx.setTransform(scale, 0, 0, scale, 0, 0);
  for (const item of doc.items) drawItem(lctx, item);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.drawImage(layer, 0, 0);
}

// Background photos (`background_media`). A draft's pictures are served only through signed
// URLs, so a picture is drawn once its URL is known: page answers carry it (`page.background`),
// and the upload answer tells it too (remembered on this device until the signature runs out).
const PICTURES_KEY = "pt.pictures";
const pictures = new Map(); // media id -> {img, ready, failed, waiting: Set<canvas>}
const lastDrawn = new WeakMap(); // canvas -> [doc, pixelWidth] it last showed
const layers = new WeakMap(); // canvas -> its drawing layer over a photo

function storedUrls() {
  try {
    const all = JSON.parse(localStorage.getItem(PICTURES_KEY) || "{}");
    return all && typeof all === "object" ? all : {};
  } catch {
    return {};
  }
}

// Seconds since 1970 when a signed URL stops working (Infinity for a public one).
function expiry(url) {
  const m = /[?&]exp=(\d+)/.exec(url);
  return m ? Number(m[1]) : Infinity;
}

/** Tells the renderer where picture `id` can be fetched; `keep` remembers it on this device. */
export function rememberPicture(id, url, keep = true) {
  if (!id || !url) return;
  if (keep) {
    const now = Date.now() / 1000;
    const all = Object.entries(storedUrls()).filter(([k, u]) => k !== id && expiry(u) > now + 60);
    all.push([id, url]);
    try {
      localStorage.setItem(PICTURES_KEY, JSON.stringify(Object.fromEntries(all.slice(-100))));
    } catch {
      // Full storage: the picture still shows until the page is left.
    }
  }
  const known = pictures.get(id);
  if (!known || known.failed) load(id, url);
}

/** True when picture `id` can be drawn (or is on its way). */
export function knowsPicture(id) {
  return Boolean(picture(id));
}

function picture(id) {
  const known = pictures.get(id);
  if (known) return known.failed ? null : known;
  const url = storedUrls()[id];
  if (!url || expiry(url) < Date.now() / 1000 + 60) return null;
  return load(id, url);
}

function load(id, url) {
  const img = new Image();
  const pic = { img, ready: false, failed: false, waiting: new Set() };
  pictures.set(id, pic);
  img.addEventListener("load", () => {
    pic.ready = true;
    for (const canvas of pic.waiting) {
      const last = lastDrawn.get(canvas);
      if (last?.[0]?.background_media === id) renderDrawing(canvas, ...last);
    }
    pic.waiting.clear();
  });
  img.addEventListener("error", () => {
    pic.failed = true;
    pic.waiting.clear();
  });
  img.src = url;
  return pic;
}

function drawItem(ctx, it) {
  ctx.save();
  ctx.lineCap = "round";
  ctx.lineJoin = "round";
  switch (it.type) {
    case "stroke": {
      const p = it.points || [];
      if (p.length < 2) break;
      ctx.globalAlpha = it.opacity ?? 1;
      ctx.strokeStyle = it.color;
      ctx.lineWidth = it.width;
      if (it.tool === "eraser") ctx.globalCompositeOperation = "destination-out";
      ctx.beginPath();
      ctx.moveTo(p[0], p[1]);
      for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(p[i], p[i + 1]);
      if (p.length === 2) ctx.lineTo(p[0] + 0.1, p[1]);
      ctx.stroke();
      break;
    }
    case "line":
      ctx.strokeStyle = it.color;
      ctx.lineWidth = it.width;
      ctx.beginPath();
      ctx.moveTo(it.x1, it.y1);
      ctx.lineTo(it.x2, it.y2);
      ctx.stroke();
      break;
    case "rect":
      if (it.fill) {
        ctx.fillStyle = it.fill;
        ctx.fillRect(it.x, it.y, it.w, it.h);
      }
      if (it.width > 0) {
        ctx.strokeStyle = it.color;
        ctx.lineWidth = it.width;
        ctx.strokeRect(it.x, it.y, it.w, it.h);
      }
      break;
    case "ellipse":
      ctx.beginPath();
      ctx.ellipse(it.x + it.w / 2, it.y + it.h / 2, Math.abs(it.w / 2), Math.abs(it.h / 2), 0, 0, Math.PI * 2);
      if (it.fill) {
        ctx.fillStyle = it.fill;
        ctx.fill();
      }
      if (it.width > 0) {
        ctx.strokeStyle = it.color;
        ctx.lineWidth = it.width;
        ctx.stroke();
      }
      break;
    case "text":
      ctx.fillStyle = it.color;
      ctx.font = `${it.size}px system-ui, sans-serif`;
      ctx.textBaseline = "top";
      ctx.fillText(it.text, it.x, it.y);
      break;
    case "sticker":
      ctx.translate(it.x, it.y);
      if (it.rotation) ctx.rotate((it.rotation * Math.PI) / 180);
      ctx.font = `${it.size}px "Noto Color Emoji", system-ui, sans-serif`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(it.emoji, 0, 0);
      break;
    default:
      break;
  }
  ctx.restore();
}
