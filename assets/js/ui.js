// Tiny DOM helpers shared by the views.

/** Creates an element: h("button", {class: "btn", onclick}, "Go"). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

let fieldSeq = 0;

/** A labelled input with a hint and an error line; returns {wrap, input, setError}. */
export function field({ label, name, type = "text", hint, autocomplete, value = "", attrs = {} }) {
  const id = `f-${name}-${++fieldSeq}`;
  const hintId = `${id}-hint`;
  const errId = `${id}-err`;
  const input = h("input", { id, name, type, autocomplete, value, "aria-describedby": `${hintId} ${errId}`, ...attrs });
  const error = h("p", { class: "error", id: errId, "aria-live": "polite" });
  const wrap = h("div", { class: "field", dataset: { field: name } }, h("label", { for: id }, label), hint ? h("p", { class: "hint", id: hintId }, hint) : null, input, error);
  const setError = (msg) => {
    error.textContent = msg || "";
    wrap.classList.toggle("has-error", Boolean(msg));
    input.setAttribute("aria-invalid", msg ? "true" : "false");
  };
  return { wrap, input, setError };
}

/** A password field with a show/hide button. */
export function passwordField(opts, showText, hideText) {
  const f = field({ ...opts, type: "password" });
  const toggle = h("button", { type: "button", class: "btn btn-small", "aria-pressed": "false" }, showText);
  toggle.addEventListener("click", () => {
    const showing = f.input.type === "text";
    f.input.type = showing ? "password" : "text";
    toggle.textContent = showing ? showText : hideText;
    toggle.setAttribute("aria-pressed", String(!showing));
  });
  const row = h("div", { class: "password-row" });
  f.input.replaceWith(row);
  row.append(f.input, toggle);
  return f;
}

/** Shows a short message at the bottom of the screen. */
export function toast(text, ms = 3500) {
  const box = document.getElementById("toasts");
  if (!box) return;
  const el = h("div", { class: "toast" }, text);
  box.append(el);
  setTimeout(() => el.remove(), ms);
}

/** Puts a submit button into a busy state while `work` runs. */
export async function busy(button, text, work) {
  const label = button.innerHTML;
  button.disabled = true;
  button.replaceChildren(h("span", { class: "spinner", "aria-hidden": "true" }), text);
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.innerHTML = label;
  }
}

/** A Unix time (seconds) as a date, with the time unless `dateOnly`; "" for none. */
export function whenText(secs, dateOnly = false) {
  if (!secs) return "";
  const lang = document.documentElement.lang === "tl" ? "fil" : "en";
  const d = new Date(secs * 1000);
  return dateOnly ? d.toLocaleDateString(lang, { dateStyle: "medium" }) : d.toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
}

/** A file size in words a grown-up reads at a glance: 12 KB, 3.4 MB. */
export function bytesText(n) {
  const units = ["B", "KB", "MB", "GB"];
  let v = Number(n) || 0;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i && v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/** A one-time code shown big, with when it stops working (`expiresText`). */
export function codeBox(code, expiresText, test = "link-code") {
  return h("div", { class: "code-row", role: "status" },
    h("span", { class: "join-code code-big", dataset: { test } }, code),
    expiresText ? h("span", { class: "muted", dataset: { test: `${test}-expires` } }, expiresText) : null);
}

// A note for the next screen (an account was deleted: the welcome page or the family page
// says so). Kept in memory only: a reload forgets it.
let nextNote = "";

/** Leaves `text` for the next screen that shows notes. */
export function noteForNext(text) {
  nextNote = text;
}

/**
 * The note left for this screen as a status line, or null when there is none. It is filled
 * just after it is on the page, and focused, so screen readers say it.
 */
export function nextNoteLine(test) {
  const text = nextNote;
  nextNote = "";
  if (!text) return null;
  const line = h("p", { class: "ok-note next-note", role: "status", tabindex: "-1", dataset: { test } });
  setTimeout(() => {
    line.textContent = text;
    if (!line.isConnected) return;
    // The last screen may have been scrolled down; the note is near the top of this one.
    window.scrollTo(0, 0);
    line.focus({ preventScroll: true });
  }, 60);
  return line;
}
