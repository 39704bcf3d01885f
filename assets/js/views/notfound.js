// Any path the app does not know.

import { t } from "../i18n.js";
import { h } from "../ui.js";

export function notFoundView(root) {
  root.append(
    h("section", { class: "card stack center" },
      h("div", { class: "big-emoji", "aria-hidden": "true" }, "🗺️"),
      h("h1", {}, t("not_found_title")),
      h("a", { class: "btn btn-primary", href: "/", "data-link": true }, t("go_home")),
    ),
  );
}
