// Log in with username and password, or (young children) username and 4 pictures.

import { api, saveSession } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { setState } from "../store.js";
import { picturePicker, pictures } from "../pictures.js";
import { busy, field, h, passwordField } from "../ui.js";

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

  root.append(form);
  username.input.focus();
}
