// Any path the app does not know, and a page meant for another kind of account.

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

/** A signed-in person on a page for another kind of account (a child on /admin, say). */
export function grownUpsOnlyView(root, roles) {
  root.append(
    h("section", { class: "card stack center", dataset: { test: "wrong-role" } },
      h("div", { class: "big-emoji", "aria-hidden": "true" }, "🧑‍🏫"),
      h("h1", {}, t("only_title")),
      h("p", {}, t(`only_${roles[0]}`)),
      h("a", { class: "btn btn-primary", href: "/", "data-link": true }, t("go_home")),
    ),
  );
}
