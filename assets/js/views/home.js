// The signed-in home: a greeting with the user's picture and level.

import { logout } from "../api.js";
import { t } from "../i18n.js";
import { navigate } from "../router.js";
import { getState, setState } from "../store.js";
import { h, toast } from "../ui.js";

export function homeView(root) {
  const { user } = getState();
  const out = h("button", { class: "btn", type: "button", dataset: { test: "logout" } }, t("logout"));
  out.addEventListener("click", async () => {
    await logout();
    setState({ user: null });
    toast(t("logged_out"));
    navigate("/", { replace: true });
  });
  root.append(
    h("section", { class: "card stack" },
      h("div", { class: "greeting" },
        h("div", { class: "avatar", "aria-hidden": "true" }, user.avatar_emoji),
        h("div", {},
          h("h1", { dataset: { test: "greeting" } }, t("hello", { name: user.display_name })),
          h("span", { class: "level" }, t("level", { n: user.level })),
        ),
      ),
      h("p", {}, user.role === "child" ? t("home_text_child") : t("home_text_adult")),
      h("div", { class: "btn-row" },
        h("a", { class: "btn btn-primary", href: "/library", "data-link": true, dataset: { test: "go-library" } }, `📚 ${t("lib_title")}`),
        h("a", { class: "btn", href: "/friends", "data-link": true, dataset: { test: "go-friends" } }, `👫 ${t("f_title")}`),
        out),
    ),
  );
}
