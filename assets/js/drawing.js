// Paints a page's vector drawing document (see src/domain/drawing.rs) onto a canvas.

/**
 * Draws `doc` scaled to fit `canvas` (its CSS width, sharp on dense screens, or exactly
 * `pixelWidth` pixels wide); a missing drawing leaves a soft blank page.
 */
export function renderDrawing(canvas, doc, pixelWidth = 0) {
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
  for (const item of doc.items || []) drawItem(ctx, item);
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
