// Log in with username and password.

import { api, saveSession } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { setState } from "../store.js";
import { busy, field, h, passwordField } from "../ui.js";

export function loginView(root) {
  const username = field({ label: t("username"), name: "username", autocomplete: "username", attrs: { required: true, autocapitalize: "none", spellcheck: "false" } });
  const password = passwordField({ label: t("password"), name: "password", autocomplete: "current-password", attrs: { required: true } }, t("show"), t("hide"));
  const formError = h("div", { class: "form-error", role: "alert", dataset: { test: "form-error" } });
  const submit = h("button", { class: "btn btn-primary btn-big", type: "submit" }, t("login"));

  const form = h("form", { class: "card stack", novalidate: true },
    h("h1", {}, t("login")),
    formError, username.wrap, password.wrap, submit,
    h("p", {}, t("no_account"), " ", h("a", { href: "/signup", "data-link": true }, t("signup"))),
  );

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    formError.textContent = "";
    username.setError("");
    password.setError("");
    if (!username.input.value.trim()) return username.setError(errorText({ code: "invalid_username" })), username.input.focus();
    if (!password.input.value) return password.setError(errorText({ code: "password_too_short" })), password.input.focus();
    await busy(submit, t("working"), async () => {
      try {
        const answer = await api("POST", "/api/auth/login", { username: username.input.value.trim(), password: password.input.value }, { auth: false });
        saveSession(answer);
        setState({ user: answer.user });
        navigate("/", { replace: true });
      } catch (err) {
        formError.textContent = errorText(err);
        password.input.select();
      }
    });
  });

  root.append(form);
  username.input.focus();
}
