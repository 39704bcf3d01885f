// Word search: the letters as a grid of buttons. Tap (or press Enter on) the first letter of a
// word, then its last letter; a straight line in any of the 8 directions that spells a listed
// word, forwards or backwards, is found. Arrow keys move between letters.

import { t } from "../../i18n.js";
import { h } from "../../ui.js";
import { langOf, problemLine, sendAttempt } from "./common.js";

/** A word as the grid compares it: one Unicode form, small letters, no spaces or dashes. */
export const norm = (s) => String(s ?? "").normalize("NFC").toLocaleLowerCase().replace(/[\s\-'’]/g, "");

/** The cells from `a` to `b` ([row, col] each) when they are on one straight line, else null. */
export function lineBetween(a, b) {
  const dr = b[0] - a[0];
  const dc = b[1] - a[1];
  if (dr !== 0 && dc !== 0 && Math.abs(dr) !== Math.abs(dc)) return null;
  const steps = Math.max(Math.abs(dr), Math.abs(dc));
  return Array.from({ length: steps + 1 }, (_, i) => [a[0] + Math.sign(dr) * i, a[1] + Math.sign(dc) * i]);
}

/** The letters of a grid as a read-only picture (the result screen), `marks` painting lines. */
export function gridPicture(grid, size, marks, lang) {
  const cells = grid.map((row) => row.map((letter) => h("span", { class: "ws-cell" }, letter)));
  for (const { start, end, cls } of marks) for (const [r, c] of lineBetween(start, end) ?? []) cells[r]?.[c]?.classList.add(cls);
  const el = h("div", { class: "ws-grid ws-picture", "aria-hidden": "true", lang }, ...cells.flat());
  el.style.setProperty("--size", String(size));
  return el;
}

// Letters narrower than this are hard for small fingers to hit (and to read).
const MIN_CELL = 40;
// The gap between letters in app.css's .ws-grid.
const GAP = 3;

/**
 * The grid width to ask for instead of `game`'s when its letters would be under MIN_CELL on a
 * screen `width` px wide: the biggest size that keeps them MIN_CELL (or the smallest there is).
 * Null when the grid fits, or for other games.
 */
export function fitSize(game, width) {
  if (game?.kind !== "word_search" || !(width > 0)) return null;
  const size = game.size ?? game.grid?.length ?? 0;
  const cell = (n) => (width - (n - 1) * GAP) / n;
  if (!size || cell(size) >= MIN_CELL) return null;
  const smaller = [...(game.sizes ?? [])].filter((n) => n < size).sort((a, b) => a - b);
  return smaller.filter((n) => cell(n) >= MIN_CELL).pop() ?? smaller[0] ?? null;
}

export function wordSearchGame(stage, game, { submit, resize }) {
  const grid = game.grid ?? [];
  const size = game.size ?? grid.length;
  const words = game.words ?? [];
  const wanted = words.map(norm);
  const found = new Map(); // word index -> {start, end}
  let start = null;
  let sending = false;

  const said = h("p", { class: "ws-said", role: "status", dataset: { test: "ws-said" } }, t("ws_intro"));
  const count = h("p", { class: "play-progress", dataset: { test: "found-count" } });
  const cells = grid.map((row, r) => row.map((letter, c) => {
    const b = h("button", {
      type: "button", class: "ws-cell", tabindex: r === 0 && c === 0 ? "0" : "-1", "aria-pressed": "false",
      "aria-label": t("ws_cell", { letter, row: r + 1, col: c + 1 }), dataset: { test: "cell", row: String(r), col: String(c) },
    }, letter);
    b.addEventListener("click", () => pick(r, c));
    b.addEventListener("focus", () => rove(r, c));
    return b;
  }));
  const board = h("div", { class: "ws-grid", role: "group", "aria-label": t("ws_grid", { n: size }), lang: langOf(game), dataset: { test: "ws-grid" } }, ...cells.flat());
  board.style.setProperty("--size", String(size));
  board.addEventListener("keydown", onKey);
  const list = h("ul", { class: "find-list", "aria-label": t("ws_words"), lang: langOf(game), dataset: { test: "find-list" } },
    ...words.map((w, i) => h("li", { class: "find-word", dataset: { test: "find-word", index: String(i), word: w } }, w)));
  const done = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "done" } }, `🏁 ${t("ws_done")}`);
  const problem = problemLine();
  done.addEventListener("click", send);
  // Smaller grids for younger players; the server picks by age, the player may change it.
  const sizes = h("div", { class: "chips ws-sizes", role: "radiogroup", "aria-label": t("ws_size"), dataset: { test: "ws-sizes" } },
    ...(game.sizes ?? []).map((n) => {
      const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(n === size), dataset: { size: String(n) } }, t("ws_size_n", { n }));
      b.addEventListener("click", () => n !== size && resize?.(n));
      return b;
    }));

  stage.append(h("div", { class: "stack wordsearch", dataset: { test: "wordsearch" } },
    sizes.children.length ? sizes : null, said, board,
    h("div", { class: "card stack" }, h("h2", {}, `🔎 ${t("ws_words")}`), count, list, h("div", { class: "btn-row btn-row-end" }, done), problem)));
  drawCount();

  function pick(r, c) {
    if (sending) return;
    if (!start) {
      start = [r, c];
      cells[r][c].setAttribute("aria-pressed", "true");
      return say(t("ws_start"));
    }
    const from = start;
    clearStart();
    if (from[0] === r && from[1] === c) return say(t("ws_cancel"));
    const line = lineBetween(from, [r, c]);
    if (!line) {
      start = [r, c];
      cells[r][c].setAttribute("aria-pressed", "true");
      return say(t("ws_straight"));
    }
    const letters = line.map(([y, x]) => grid[y][x]);
    const forwards = norm(letters.join(""));
    const backwards = norm([...letters].reverse().join(""));
    const matches = wanted.flatMap((w, i) => (w === forwards || w === backwards ? [i] : []));
    const k = matches.find((i) => !found.has(i));
    if (k === undefined) {
      flash(line);
      return say(matches.length ? t("ws_again", { word: words[matches[0]] }) : t("ws_miss"));
    }
    found.set(k, { start: from, end: [r, c] });
    for (const [y, x] of line) cells[y][x].classList.add("found");
    const item = list.children[k];
    item.classList.add("found");
    item.dataset.found = "1";
    say(t("ws_found", { word: words[k] }));
    drawCount();
    if (found.size === words.length) send();
  }

  function send() {
    if (sending) return;
    clearStart();
    sending = true;
    const body = { found: [...found.values()].map(({ start: s, end: e }) => ({ start: s, end: e })), size };
    sendAttempt(done, problem, submit, body).finally(() => (sending = false));
  }

  function clearStart() {
    if (start) cells[start[0]][start[1]].setAttribute("aria-pressed", "false");
    start = null;
  }

  // A short shake on letters that are not a word from the list.
  function flash(line) {
    for (const [y, x] of line) cells[y][x].classList.add("miss");
    setTimeout(() => line.forEach(([y, x]) => cells[y][x].classList.remove("miss")), 700);
  }

  function say(text) {
    said.textContent = text;
  }

  function drawCount() {
    count.textContent = t("ws_found_n", { n: found.size, total: words.length });
  }

  // One letter is in the tab order at a time; arrows move it (and the focus) around.
  function rove(r, c) {
    for (const row of cells) for (const b of row) b.tabIndex = -1;
    cells[r][c].tabIndex = 0;
  }

  function onKey(e) {
    const b = e.target.closest(".ws-cell");
    if (!b) return;
    let r = Number(b.dataset.row);
    let c = Number(b.dataset.col);
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (moves[e.key]) {
      r = Math.min(size - 1, Math.max(0, r + moves[e.key][0]));
      c = Math.min(size - 1, Math.max(0, c + moves[e.key][1]));
    } else if (e.key === "Home") c = 0;
    else if (e.key === "End") c = size - 1;
    else return;
    e.preventDefault();
    cells[r]?.[c]?.focus();
  }
}
