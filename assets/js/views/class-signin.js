// Signing in without typing. /c asks for the class code; /c/CODE shows the class's children as
// big tiles: a child taps their name, then their four pictures, and is in. /card#SECRET is
// where a printed card's QR code leads: the secret signs the child in on this device.

import { api, saveSession } from "../api.js";
import { errorText, t } from "../i18n.js";
import { picturePicker } from "../pictures.js";
import { navigate } from "../router.js";
import { setState } from "../store.js";
import { busy, field, h, passwordField } from "../ui.js";

/** A full-width note for a class that is closed, finished or unknown, with a way back. */
function stopNote(err) {
  const icon = err.code === "class_closed" ? "🌙" : err.code === "card_revoked" ? "🎟️" : "🔎";
  return h("section", { class: "card stack signin-stop", role: "alert", dataset: { test: "class-signin-stop", code: err.code ?? "" } },
    h("p", { class: "signin-stop-icon", "aria-hidden": "true" }, icon),
    h("h1", {}, errorText(err)),
    h("div", { class: "btn-row" },
      h("a", { class: "btn btn-primary btn-big", href: "/c", "data-link": true }, `🏫 ${t("csi_other_code")}`),
      h("a", { class: "btn btn-big", href: "/login", "data-link": true }, `🔑 ${t("login")}`)));
}

function signedIn(answer) {
  saveSession(answer);
  setState({ user: answer.user });
  navigate("/", { replace: true });
}

/** `/c`: type the class code (as on the board). */
export function classCodeView(root) {
  const code = field({ label: t("csi_code"), name: "class_code", hint: t("csi_code_hint"), autocomplete: "off", attrs: { maxlength: 12, autocapitalize: "characters", spellcheck: "false", "data-test": "class-code-input", inputmode: "text" } });
  const go = h("button", { type: "submit", class: "btn btn-primary btn-big", dataset: { test: "class-code-go" } }, `➡️ ${t("csi_go")}`);
  const form = h("form", { class: "card stack", novalidate: true },
    h("h1", {}, `🏫 ${t("csi_title")}`), code.wrap, go);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = code.input.value.replace(/[^a-z0-9]/gi, "").toUpperCase();
    if (v.length !== 6) return code.setError(errorText({ code: "invalid_code" })), code.input.focus();
    navigate(`/c/${v}`);
  });
  root.append(form);
  code.input.focus();
}

/** `/c/:code`: the class's children as tiles, then the chosen child's pictures. */
export function classSignInView(root, { code }) {
  const box = h("div", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(box);
  let page = null;

  function tiles() {
    const list = h("ul", { class: "kid-tiles", dataset: { test: "kid-tiles" } },
      ...page.children.map((kid) => {
        const b = h("button", { type: "button", class: "kid-tile", dataset: { test: "kid-tile", id: String(kid.id), name: kid.display_name } },
          h("span", { class: "kid-tile-avatar", "aria-hidden": "true" }, kid.avatar_emoji),
          h("span", { class: "kid-tile-name" }, kid.display_name));
        b.addEventListener("click", () => pictures(kid));
        return h("li", {}, b);
      }));
    box.replaceChildren(
      h("h1", { dataset: { test: "class-signin-title" } }, `🏫 ${page.class.name}`),
      h("p", { class: "lead" }, t("csi_tap_name")),
      page.children.length ? list : h("p", { class: "muted" }, t("csi_no_children")),
      h("p", {}, h("a", { class: "btn btn-small", href: "/login", "data-link": true }, `⌨️ ${t("csi_type_instead")}`)));
    list.querySelector("button")?.focus();
  }

  function pictures(kid) {
    const problem = h("p", { class: "form-error", role: "alert", dataset: { test: "class-signin-error" } });
    let typed = false;
    const send = async (secret) => {
      problem.textContent = "";
      try {
        signedIn(await api("POST", `/api/class-signin/${encodeURIComponent(code)}`, { user_id: kid.id, ...secret }, { auth: false }));
      } catch (err) {
        if (["class_closed", "class_archived"].includes(err.code)) return box.replaceChildren(stopNote(err));
        problem.textContent = errorText(err);
        picker.clear();
        picker.focus();
        problem.scrollIntoView({ block: "nearest" });
      }
    };
    const picker = picturePicker({ label: t("pic_login_label"), onComplete: () => send({ picture: picker.value() }) });
    const password = passwordField({ label: t("password"), name: "password", autocomplete: "current-password" }, t("show"), t("hide"));
    const typedGo = h("button", { type: "submit", class: "btn btn-primary" }, t("login"));
    const typedForm = h("form", { class: "stack", hidden: true, novalidate: true }, password.wrap, typedGo);
    typedForm.addEventListener("submit", (e) => {
      e.preventDefault();
      if (!password.input.value) return password.input.focus();
      busy(typedGo, t("working"), () => send({ password: password.input.value }));
    });
    const toggle = h("button", { type: "button", class: "btn btn-small", dataset: { test: "class-signin-typed" } }, `⌨️ ${t("csi_i_type")}`);
    toggle.addEventListener("click", () => {
      typed = !typed;
      typedForm.hidden = !typed;
      picker.el.hidden = typed;
      toggle.textContent = typed ? `🖼️ ${t("csi_i_tap")}` : `⌨️ ${t("csi_i_type")}`;
      (typed ? password.input : picker).focus();
    });
    const back = h("button", { type: "button", class: "btn", dataset: { test: "class-signin-back" } }, `◀ ${t("csi_not_me")}`);
    back.addEventListener("click", tiles);
    // A new step starts at the top (the tiles may have been scrolled to a name far down).
    window.scrollTo(0, 0);
    box.replaceChildren(
      h("div", { class: "kid-chosen" },
        h("span", { class: "kid-tile-avatar", "aria-hidden": "true" }, kid.avatar_emoji),
        h("h1", { dataset: { test: "class-signin-kid" } }, t("csi_hello", { name: kid.display_name }))),
      h("p", { class: "lead" }, t("pic_login_label")),
      problem, picker.el, typedForm,
      h("div", { class: "btn-row" }, back, toggle));
    picker.focus();
  }

  api("GET", `/api/class-signin/${encodeURIComponent(code)}`, undefined, { auth: false })
    .then((p) => {
      page = p;
      tiles();
    })
    .catch((err) => box.replaceChildren(err.status === 403 || err.status === 404 ? stopNote(err) : h("p", { class: "error", role: "alert" }, errorText(err))));
}

/** `/card#SECRET`: a printed card's QR code. The secret leaves the address bar at once. */
export function cardView(root) {
  const secret = location.hash.slice(1);
  history.replaceState(null, "", "/card");
  const box = h("div", { class: "stack", dataset: { test: "card-signin" } }, h("p", { class: "lead", role: "status" }, `🎟️ ${t("card_signing_in")}`));
  root.append(box);
  if (!secret) return box.replaceChildren(stopNote({ code: "card_revoked" }));
  api("POST", "/api/auth/card", { secret }, { auth: false })
    .then(signedIn)
    .catch((err) => box.replaceChildren(stopNote(err)));
}
