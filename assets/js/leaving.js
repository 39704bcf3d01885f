// Leaving PixelTales: a button that downloads everything someone made (with their pictures),
// and deleting an account, which first says exactly what goes and what stays, and asks for a
// password. Settings uses it for your own account, the family page for a child's.

import { download } from "./api.js";
import { errorText, t } from "./i18n.js";
import { picturePicker, pictures } from "./pictures.js";
import { busy, h, passwordField } from "./ui.js";

let seq = 0;

/**
 * A button that saves the export file at `path`; says the file's name (and size) when it is
 * saved, or the error. Returns the element (a button and its status line).
 */
export function exportButton({ label, test, path, filename }) {
  const said = h("p", { class: "ok-note", role: "status", dataset: { test: `${test}-status` } });
  const btn = h("button", { type: "button", class: "btn", dataset: { test } }, h("span", { "aria-hidden": "true" }, "⬇️ "), label);
  btn.addEventListener("click", () => busy(btn, t("leave_exporting"), async () => {
    said.textContent = "";
    said.classList.remove("bad");
    try {
      const r = await download(path, filename);
      said.textContent = t("leave_exported", { name: r.name });
    } catch (err) {
      said.textContent = errorText(err);
      said.classList.add("bad");
    }
  }));
  return h("div", { class: "stack leave-export" }, h("div", { class: "btn-row" }, btn), said);
}

/**
 * The delete button and, once it is pressed, the explanation: what goes (`goes`, a list of
 * sentences), what stays (`stays`), that it cannot be undone (and `keepCopy`: download first), a
 * password, and the final button.
 * `send(password)` does the deleting (throws an ApiError); `done(answer)` runs after it worked.
 * `pictureOk` lets a child who logs in with pictures tap them instead of typing.
 */
export function deleteAccount({ label, test, title, goes, stays, keepCopy = t("leave_keep_copy"), passwordLabel, confirmLabel, cancelLabel, send, done, pictureOk = false }) {
  const n = ++seq;
  const panelId = `leave-panel-${n}`;
  const headId = `leave-head-${n}`;
  const open = h("button", { type: "button", class: "btn btn-danger", "aria-expanded": "false", "aria-controls": panelId, dataset: { test } },
    h("span", { "aria-hidden": "true" }, "🗑️ "), label);

  const pw = passwordField({ label: passwordLabel, name: `${test}-password`, autocomplete: "current-password", attrs: { "data-test": `${test}-password` } }, t("show"), t("hide"));
  // A child whose password is four pictures taps them (sent as the server keeps them).
  const picker = pictureOk && pictures().length ? picturePicker({ label: passwordLabel }) : null;
  let usePictures = false;
  let modes = null;
  if (picker) {
    const chip = (pics, text, chipTest) => {
      const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(pics === usePictures), dataset: { test: chipTest, mode: pics ? "picture" : "typed" } }, text);
      b.addEventListener("click", () => setMode(pics));
      return b;
    };
    modes = h("div", { class: "chips", role: "radiogroup", "aria-label": t("pic_kind") },
      chip(false, `⌨️ ${t("pic_mode_typed")}`, `${test}-typed`), chip(true, `🖼️ ${t("pic_mode_picture")}`, `${test}-pictures`));
    picker.el.hidden = true;
  }
  function setMode(pics) {
    usePictures = pics;
    for (const c of modes?.children ?? []) c.setAttribute("aria-checked", String((c.dataset.mode === "picture") === pics));
    pw.wrap.hidden = pics;
    if (picker) picker.el.hidden = !pics;
    (pics ? picker : pw.input).focus();
  }

  const confirm = h("button", { type: "submit", class: "btn btn-danger", dataset: { test: `${test}-confirm` } }, h("span", { "aria-hidden": "true" }, "🗑️ "), confirmLabel);
  const cancel = h("button", { type: "button", class: "btn", dataset: { test: `${test}-cancel` } }, cancelLabel);
  const list = (items, test2) => h("ul", { class: "leave-list", dataset: { test: test2 } }, ...items.map((s) => h("li", {}, s)));
  const form = h("form", { class: "card stack leave-panel", id: panelId, hidden: true, novalidate: true, "aria-labelledby": headId, dataset: { test: `${test}-panel` } },
    h("h3", { id: headId, tabindex: "-1" }, `⚠️ ${title}`),
    h("h4", {}, t("leave_goes")), list(goes, `${test}-goes`),
    h("h4", {}, t("leave_stays")), list(stays, `${test}-stays`),
    h("p", { class: "leave-forever" }, h("strong", {}, t("leave_forever")), " ", keepCopy),
    modes, pw.wrap, picker?.el,
    h("div", { class: "btn-row" }, confirm, cancel));

  function show(opening) {
    form.hidden = !opening;
    open.setAttribute("aria-expanded", String(opening));
    if (opening) {
      form.querySelector("h3").focus();
      form.scrollIntoView({ block: "start", behavior: "smooth" });
    } else {
      pw.input.value = "";
      pw.setError("");
      picker?.clear();
      picker?.setError("");
      open.focus();
    }
  }
  open.addEventListener("click", () => show(form.hidden));
  cancel.addEventListener("click", () => show(false));
  form.addEventListener("keydown", (e) => {
    if (e.key === "Escape") show(false);
  });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    pw.setError("");
    picker?.setError("");
    let secret;
    if (usePictures) {
      if (!picker.complete()) {
        picker.setError(t("pic_need", { n: 4 }));
        return picker.focus();
      }
      secret = { picture: picker.value() };
    } else {
      secret = { password: pw.input.value };
      if (!secret.password) {
        pw.setError(t("leave_password_needed"));
        return pw.input.focus();
      }
    }
    await busy(confirm, t("working"), async () => {
      let answer;
      try {
        answer = await send(secret);
      } catch (err) {
        if (usePictures) {
          picker.setError(errorText(err));
          picker.clear();
          picker.focus();
        } else {
          pw.setError(errorText(err));
          pw.input.focus();
          pw.input.select();
        }
        return;
      }
      done(answer);
    });
  });

  return h("div", { class: "stack leave-delete" }, h("div", { class: "btn-row" }, open), form);
}
