// Numbers for grown-ups: stat tiles, bar charts drawn by hand in SVG (each with a sentence for
// screen readers and the numbers in a table under "Show the numbers"), and plain tables.

import { t } from "./i18n.js";
import { getState } from "./store.js";
import { h } from "./ui.js";

const NS = "http://www.w3.org/2000/svg";

/** "2026-01-05" as a short day in the page's language: "Jan 5". */
export function dayLabel(day) {
  const lang = getState().lang === "tl" ? "fil" : "en";
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? String(day) : d.toLocaleDateString(lang, { day: "numeric", month: "short", timeZone: "UTC" });
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Big numbers in a grid: items are {key, label, value, icon?}. */
export function statTiles(items, test) {
  return h("ul", { class: "tiles", dataset: { test } }, ...items.map((it) =>
    h("li", { class: "tile", dataset: { test: `stat-${it.key}` } },
      h("span", { class: "tile-value" }, it.icon ? h("span", { "aria-hidden": "true" }, `${it.icon} `) : null, h("span", { class: "tile-number" }, String(it.value ?? 0))),
      h("span", { class: "tile-label" }, it.label))));
}

/**
 * A bar chart: `labels` along the bottom, one bar per series for each label (`series` is
 * [{name, values}]). `summary` is what a screen reader hears; `tick(i)` says which labels to
 * print under the bars (all of them would crowd a phone).
 */
export function barChart({ labels, series, summary, test, caption, tick = () => true }) {
  // A narrower drawing on phones, so its words stay readable when it shrinks to the screen.
  const narrow = typeof innerWidth === "number" && innerWidth < 600;
  const W = narrow ? 400 : 640;
  const H = narrow ? 250 : 240;
  const left = 40;
  const right = 8;
  const top = 14;
  const bottom = 30;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => Number(v) || 0)));
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, (slot * 0.8) / series.length);
  const y = (v) => top + plotH - (v / max) * plotH;
  const parts = [];
  for (const v of [...new Set([0, Math.round(max / 2), max])]) {
    parts.push(svg("line", { class: "chart-grid", x1: left, x2: W - right, y1: y(v), y2: y(v) }));
    parts.push(svg("text", { class: "chart-axis", x: left - 6, y: y(v) + 5, "text-anchor": "end" }, String(v)));
  }
  labels.forEach((label, i) => {
    series.forEach((s, k) => {
      const v = Number(s.values[i]) || 0;
      const x = left + i * slot + slot * 0.1 + k * barW;
      parts.push(svg("rect", { class: `bar s${k}`, x: x.toFixed(1), y: y(v).toFixed(1), width: barW.toFixed(1), height: ((v / max) * plotH).toFixed(1), rx: Math.min(3, barW / 3).toFixed(1) },
        svg("title", {}, `${label}: ${s.name} ${v}`)));
    });
    // The first and last labels line up with the ends so they are not cut off.
    const edge = i === 0 ? ["start", left + i * slot] : i === labels.length - 1 ? ["end", left + (i + 1) * slot] : ["middle", left + i * slot + slot / 2];
    if (tick(i)) parts.push(svg("text", { class: "chart-axis", x: edge[1].toFixed(1), y: H - 8, "text-anchor": edge[0] }, label));
  });
  const picture = svg("svg", { class: "chart-svg", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": summary, focusable: "false" }, parts);
  const legend = series.length > 1
    ? h("ul", { class: "chart-legend", "aria-hidden": "true" }, ...series.map((s, k) => h("li", {}, h("span", { class: `key s${k}` }), s.name)))
    : null;
  const numbers = dataTable({
    caption,
    columns: [{ label: "", value: (r) => r.label }, ...series.map((s) => ({ label: s.name, value: (r) => r.values[s.name] }))],
    rows: labels.map((label, i) => ({ label, values: Object.fromEntries(series.map((s) => [s.name, Number(s.values[i]) || 0])) })),
    test: `${test}-table`,
  });
  return h("figure", { class: "chart", dataset: { test } },
    caption ? h("figcaption", { class: "chart-title" }, caption) : null,
    picture, legend,
    h("details", { class: "chart-numbers" }, h("summary", {}, t("chart_numbers")), numbers));
}

/**
 * A table that scrolls sideways on a phone instead of widening the page. `columns` are
 * {label, value(row)} (a value may be a Node); `rowTest` marks each row for tests.
 */
let tableSeq = 0;

export function dataTable({ caption, columns, rows, test, rowTest, foot }) {
  // Numbers never break across lines ("35 5" for 355) and line up on the right.
  const numeric = (v) => typeof v === "number" || (typeof v === "string" && /^[0-9.,%–-]+$/.test(v) && v !== "");
  const cell = (tag, v) => h(tag, tag === "th" ? { scope: "row" } : { class: numeric(v) ? "num" : null }, v instanceof Node ? v : String(v ?? ""));
  // The caption sits above the scrolling area (inside it, a phone would cut it off); the table
  // is named by it all the same.
  const id = `table-${++tableSeq}`;
  return h("div", { class: "table-block" },
    caption ? h("p", { class: "table-caption", id }, caption) : null,
    h("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": caption ? id : null },
      h("table", { class: "data-table", dataset: { test }, "aria-labelledby": caption ? id : null },
        h("thead", {}, h("tr", {}, ...columns.map((c) => h("th", { scope: "col" }, c.label)))),
        h("tbody", {}, ...rows.map((r) => h("tr", { dataset: rowTest ? { test: rowTest } : undefined }, ...columns.map((c, i) => cell(i === 0 ? "th" : "td", c.value(r)))))),
        foot ? h("tfoot", {}, h("tr", {}, ...columns.map((c, i) => cell(i === 0 ? "th" : "td", c.value(foot))))) : null)));
}
