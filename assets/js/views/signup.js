// Sign up: pick who you are (with pictures), a username, your name and a password.

import { api, saveSession } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { getState, setState } from "../store.js";
import { busy, field, h, passwordField } from "../ui.js";

const ROLES = [
  { value: "child", pic: "🧒", name: "role_child", what: "role_child_what" },
  { value: "parent", pic: "👪", name: "role_parent", what: "role_parent_what" },
  { value: "teacher", pic: "🍎", name: "role_teacher", what: "role_teacher_what" },
];

export function signupView(root) {
  const { lang } = getState();
  const roleError = h("p", { class: "error", "aria-live": "polite" });
  const roles = h("fieldset", { class: "roles", dataset: { field: "role" } },
    h("legend", {}, t("who_are_you")),
    ...ROLES.map((r) =>
      h("label", { class: "role" },
        h("input", { type: "radio", name: "role", value: r.value, dataset: { test: `role-${r.value}` } }),
        h("span", { class: "face" },
          h("span", { class: "pic", "aria-hidden": "true" }, r.pic),
          h("span", { class: "name" }, t(r.name)),
          h("span", { class: "what" }, t(r.what)),
        ),
      ),
    ),
  );
  const username = field({ label: t("username"), name: "username", hint: t("username_hint"), autocomplete: "username", attrs: { required: true, autocapitalize: "none", spellcheck: "false", maxlength: 24 } });
  const displayName = field({ label: t("display_name"), name: "display_name", hint: t("display_name_hint"), autocomplete: "nickname", attrs: { required: true, maxlength: 50 } });
  const password = passwordField({ label: t("password"), name: "password", hint: t("password_hint_child"), autocomplete: "new-password", attrs: { required: true } }, t("show"), t("hide"));
  const language = h("select", { name: "language", id: "f-language" },
    h("option", { value: "en", selected: lang === "en" }, "English"),
    h("option", { value: "tl", selected: lang === "tl" }, "Tagalog"),
  );
  const formError = h("div", { class: "form-error", role: "alert", dataset: { test: "form-error" } });
  const submit = h("button", { class: "btn btn-primary btn-big", type: "submit" }, t("create_account"));
  const fields = { username, display_name: displayName, password };

  roles.addEventListener("change", () => {
    const role = roles.querySelector("input:checked")?.value;
    const hint = password.wrap.querySelector(".hint");
    if (hint) hint.textContent = role === "child" ? t("password_hint_child") : t("password_hint_adult");
    roleError.textContent = "";
  });

  const form = h("form", { class: "card stack", novalidate: true },
    h("h1", {}, t("signup")),
    formError, roles, roleError, username.wrap, displayName.wrap, password.wrap,
    h("div", { class: "field" }, h("label", { for: "f-language" }, t("language")), language),
    submit,
    h("p", {}, t("have_account"), " ", h("a", { href: "/login", "data-link": true }, t("login"))),
  );

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    formError.textContent = "";
    roleError.textContent = "";
    for (const f of Object.values(fields)) f.setError("");
    const role = roles.querySelector("input:checked")?.value;
    if (!role) {
      roleError.textContent = errorText({ code: "invalid_role" });
      return roles.querySelector("input").focus();
    }
    await busy(submit, t("working"), async () => {
      try {
        const answer = await api("POST", "/api/auth/register", {
          role,
          username: username.input.value.trim(),
          display_name: displayName.input.value,
          password: password.input.value,
          language: language.value,
        }, { auth: false });
        saveSession(answer);
        setState({ user: answer.user, lang: answer.user.language });
        navigate("/", { replace: true });
      } catch (err) {
        const target = fields[err.details?.field];
        if (target) {
          target.setError(errorText(err));
          target.input.focus();
        } else if (err.details?.field === "role") {
          roleError.textContent = errorText(err);
        } else {
          formError.textContent = errorText(err);
        }
      }
    });
  });

  root.append(form);
  roles.querySelector("input").focus();
}
