// The first screen for someone not signed in.

import { h, nextNoteLine } from "../ui.js";
import { t } from "../i18n.js";

export function welcomeView(root) {
  root.append(
    h("section", { class: "hero stack" },
      // "Your account was deleted", after leaving.
      nextNoteLine("welcome-note"),
      h("div", { class: "big-emoji", "aria-hidden": "true" }, "📖✏️🎨"),
      h("h1", {}, t("welcome_title")),
      h("p", {}, t("welcome_text")),
      h("div", { class: "btn-row btn-row-center" },
        h("a", { class: "btn btn-primary btn-big", href: "/signup", "data-link": true, dataset: { test: "go-signup" } }, t("signup")),
        h("a", { class: "btn btn-big", href: "/login", "data-link": true, dataset: { test: "go-login" } }, t("login")),
      ),
      h("a", { class: "btn btn-big", href: "/c", "data-link": true, dataset: { test: "go-class-signin" } }, `🏫 ${t("csi_title")}`),
      h("a", { class: "btn", href: "/library", "data-link": true, dataset: { test: "guest-library" } }, `📚 ${t("lib_browse")}`),
    ),
  );
}
