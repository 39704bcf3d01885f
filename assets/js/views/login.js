// Log in with username and password, or (young children) username and 4 pictures.

import { api, saveSession } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { setState } from "../store.js";
import { picturePicker, pictures, secretChooser } from "../pictures.js";
import { busy, field, h, passwordField, toast } from "../ui.js";

export function loginView(root) {
  const username = field({ label: t("username"), name: "username", autocomplete: "username", attrs: { required: true, autocapitalize: "none", spellcheck: "false" } });
  const password = passwordField({ label: t("password"), name: "password", autocomplete: "current-password", attrs: { required: true } }, t("show"), t("hide"));
  const formError = h("div", { class: "form-error", role: "alert", dataset: { test: "form-error" } });
  const submit = h("button", { class: "btn btn-primary btn-big", type: "submit" }, t("login"));

  // Typed password or picture password (only when the server has pictures).
  const picker = pictures().length ? picturePicker({ label: t("pic_login_label") }) : null;
  let usePictures = false;
  const modes = picker && h("div", { class: "chips", role: "radiogroup", "aria-label": t("pic_kind") });
  const setMode = (pics) => {
    usePictures = pics;
    for (const c of modes.children) c.setAttribute("aria-checked", String((c.dataset.mode === "picture") === pics));
    password.wrap.hidden = pics;
    picker.el.hidden = !pics;
    formError.textContent = "";
  };
  if (picker) {
    for (const [mode, label, test] of [["typed", `⌨️ ${t("pic_mode_typed")}`, "typed-toggle"], ["picture", `🖼️ ${t("pic_mode_picture")}`, "picture-toggle"]]) {
      const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(mode === "typed"), dataset: { mode, test } }, label);
      b.addEventListener("click", () => {
        setMode(mode === "picture");
        if (mode === "picture") picker.focus();
        else password.input.focus();
      });
      modes.append(b);
    }
    picker.el.hidden = true;
  }

  const form = h("form", { class: "card stack", novalidate: true },
    h("h1", {}, t("login")),
    formError, username.wrap, modes, password.wrap, picker?.el, submit,
    h("p", {}, t("no_account"), " ", h("a", { href: "/signup", "data-link": true }, t("signup"))),
  );

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    formError.textContent = "";
    username.setError("");
    password.setError("");
    if (!username.input.value.trim()) return username.setError(errorText({ code: "invalid_username" })), username.input.focus();
    if (usePictures && !picker.complete()) return picker.setError(t("pic_need", { n: 4 })), picker.focus();
    if (!usePictures && !password.input.value) return password.setError(errorText({ code: "password_too_short" })), password.input.focus();
    const secret = usePictures ? { picture: picker.value() } : { password: password.input.value };
    await busy(submit, t("working"), async () => {
      try {
        const answer = await api("POST", "/api/auth/login", { username: username.input.value.trim(), ...secret }, { auth: false });
        saveSession(answer);
        setState({ user: answer.user });
        navigate("/", { replace: true });
      } catch (err) {
        formError.textContent = errorText(err);
        if (usePictures) picker.clear();
        else password.input.select();
      }
    });
  });

  // Children of a class sign in by tapping their name on the class's page.
  const classWay = h("p", { class: "btn-row" }, h("a", { class: "btn btn-big", href: "/c", "data-link": true, dataset: { test: "login-class-signin" } }, `🏫 ${t("csi_title")}`));
  root.append(form, classWay, resetForm(username));
  username.input.focus();
}

// A one-time code from the admin (no e-mail needed) sets a new password.
function resetForm(loginName) {
  const username = field({ label: t("username"), name: "reset_username", autocomplete: "username", attrs: { autocapitalize: "none", spellcheck: "false", "data-test": "reset-username" } });
  const code = field({ label: t("reset_code"), name: "reset_code", autocomplete: "one-time-code", attrs: { maxlength: 16, autocapitalize: "characters", spellcheck: "false", "data-test": "reset-code-input" } });
  const secret = secretChooser({ name: "reset_password", inputTest: "reset-new-password" });
  const problem = h("div", { class: "form-error", role: "alert", dataset: { test: "reset-error" } });
  const send = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "reset-send" } }, `🔑 ${t("reset_send")}`);
  const form = h("form", { class: "stack", novalidate: true }, h("p", { class: "muted" }, t("reset_intro")), problem, username.wrap, code.wrap, secret.el, send);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    problem.textContent = "";
    if (!username.input.value.trim()) return username.setError(errorText({ code: "invalid_username" })), username.input.focus();
    if (!code.input.value.trim()) return code.setError(errorText({ code: "invalid_code" })), code.input.focus();
    const pw = secret.read();
    if (!pw) return;
    await busy(send, t("working"), async () => {
      try {
        await api("POST", "/api/auth/reset", { username: username.input.value.trim(), code: code.input.value.trim().toUpperCase(), ...pw }, { auth: false });
        toast(t("reset_done"));
        loginName.input.value = username.input.value.trim();
        secret.clear();
        code.input.value = "";
        details.open = false;
        loginName.input.focus();
      } catch (err) {
        problem.textContent = errorText(err);
      }
    });
  });
  const details = h("details", { class: "card stack", dataset: { test: "reset-with-code" } }, h("summary", {}, `🔑 ${t("reset_have_code")}`), form);
  return details;
}
