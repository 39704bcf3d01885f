// Picture passwords: a young child taps 4 of the 12 pictures from /api/config in order instead
// of typing. Also the "typed or pictures" choice the grown-up forms share.

import { t } from "./i18n.js";
import { getState } from "./store.js";
import { h, passwordField } from "./ui.js";

const LENGTH = 4;

/** The pictures the server takes: [{id, emoji}]. */
export function pictures() {
  return getState().config?.pictures ?? [];
}

/** A grid of pictures to tap; returns {el, value(), complete(), clear(), setError(), focus()}.
 *  `onComplete` runs when the last picture is tapped (a class sign-in goes on by itself). */
export function picturePicker({ label = t("pic_label"), onComplete = null } = {}) {
  const chosen = [];
  const slots = h("ol", { class: "pic-slots", dataset: { test: "pic-chosen" }, "aria-label": t("pic_chosen") });
  const count = h("p", { class: "muted", "aria-live": "polite", dataset: { test: "pic-count" } });
  const error = h("p", { class: "error", role: "alert" });
  const grid = h("div", { class: "pic-grid", role: "group", "aria-label": label });
  for (const p of pictures()) {
    const b = h("button", { type: "button", class: "pic", "aria-label": t("pic_name", { name: p.id }), dataset: { test: `pic-${p.id}`, pic: p.id } }, p.emoji);
    b.addEventListener("click", () => {
      if (chosen.length >= LENGTH) {
        count.textContent = t("pic_full");
        return;
      }
      chosen.push(p);
      error.textContent = "";
      draw();
      if (chosen.length === LENGTH && onComplete) onComplete();
    });
    grid.append(b);
  }
  const clear = h("button", { type: "button", class: "btn btn-small", dataset: { test: "pic-clear" } }, `↩️ ${t("pic_clear")}`);
  clear.addEventListener("click", () => {
    chosen.length = 0;
    draw();
    grid.querySelector("button")?.focus();
  });
  function draw() {
    const cells = [];
    for (let i = 0; i < LENGTH; i++) {
      const p = chosen[i];
      cells.push(h("li", { class: p ? "pic-slot filled" : "pic-slot", "aria-label": p ? t("pic_name", { name: p.id }) : t("pic_empty") }, p ? p.emoji : "?"));
    }
    slots.replaceChildren(...cells);
    count.textContent = t("pic_count", { n: chosen.length, total: LENGTH });
  }
  draw();
  const el = h("div", { class: "pic-picker stack", dataset: { test: "pic-picker" } },
    h("p", { class: "hint" }, t("pic_hint")), grid,
    h("div", { class: "pic-chosen-row" }, slots, clear), count, error);
  return {
    el,
    value: () => chosen.map((p) => p.id),
    complete: () => chosen.length === LENGTH,
    clear: () => {
      chosen.length = 0;
      draw();
    },
    setError: (msg) => (error.textContent = msg || ""),
    focus: () => grid.querySelector("button")?.focus(),
  };
}

/**
 * A new password for someone else (a child): typed, or 4 pictures when the server has them.
 * Returns {el, read(), clear(), setError()}; read() gives {password} or {picture}, or null after
 * showing what is missing.
 */
export function secretChooser({ name = "password", inputTest = "child-password" } = {}) {
  const typed = passwordField({ label: t("password"), name, hint: t("password_hint_child"), autocomplete: "new-password", attrs: { "data-test": inputTest } }, t("show"), t("hide"));
  const picker = pictures().length ? picturePicker() : null;
  let mode = "typed";
  const chip = (value, label, test) => {
    const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(mode === value), dataset: { test, mode: value } }, label);
    b.addEventListener("click", () => setMode(value));
    return b;
  };
  const modes = picker
    ? h("div", { class: "chips", role: "radiogroup", "aria-label": t("pic_kind") },
      chip("typed", `⌨️ ${t("pic_mode_typed")}`, "pw-mode-typed"), chip("picture", `🖼️ ${t("pic_mode_picture")}`, "pw-mode-picture"))
    : null;
  function setMode(value) {
    mode = value;
    for (const c of modes?.children ?? []) c.setAttribute("aria-checked", String(c.dataset.mode === value));
    typed.wrap.hidden = value !== "typed";
    if (picker) picker.el.hidden = value !== "picture";
  }
  setMode("typed");
  const el = h("div", { class: "stack" }, modes, typed.wrap, picker?.el);
  return {
    el,
    read() {
      if (mode === "picture") {
        if (picker.complete()) return { picture: picker.value() };
        picker.setError(t("pic_need", { n: LENGTH }));
        picker.focus();
        return null;
      }
      if (!typed.input.value) {
        typed.setError(t("pic_type_one"));
        typed.input.focus();
        return null;
      }
      return { password: typed.input.value };
    },
    clear() {
      typed.input.value = "";
      typed.setError("");
      picker?.clear();
      picker?.setError("");
    },
    setError(msg) {
      if (mode === "picture") picker.setError(msg);
      else typed.setError(msg);
    },
  };
}

