// The top bar: language switch, and who is signed in.

import { logout } from "./api.js";
import { t } from "./i18n.js";
import { navigate, render } from "./router.js";
import { getState, setState, subscribe } from "./store.js";
import { h, toast } from "./ui.js";

let drawn = "";

// Only what the bar shows decides a redraw: replacing buttons under a finger (say, when a
// notification arrives) would swallow the tap. The unread badge is updated in place.
function draw() {
  const nav = document.getElementById("topnav");
  if (!nav) return;
  const { user, lang } = getState();
  const key = JSON.stringify([user?.id, user?.display_name, user?.avatar_emoji, user?.role, lang, location.pathname === "/login"]);
  if (key === drawn && nav.childElementCount) return updateBadge(nav);
  drawn = key;
  const langButton = (code, label) => {
    const b = h("button", { type: "button", class: "btn btn-small", "aria-pressed": String(lang === code), lang: code }, label);
    b.addEventListener("click", () => {
      if (getState().lang !== code) {
        setState({ lang: code });
        render();
      }
    });
    return b;
  };
  const items = [
    h("div", { class: "lang-switch", role: "group", "aria-label": "Language / Wika" }, langButton("en", "EN"), langButton("tl", "TL")),
    h("a", { class: "btn btn-small", href: "/library", "data-link": true, dataset: { test: "nav-library" }, "aria-label": t("lib_title") }, "📚", h("span", { class: "nav-label" }, ` ${t("lib_title")}`)),
  ];
  if (user) {
    const out = h("button", { type: "button", class: "btn btn-small" }, t("logout"));
    out.addEventListener("click", async () => {
      await logout();
      setState({ user: null });
      toast(t("logged_out"));
      navigate("/", { replace: true });
    });
    const bell = h("a", { class: "btn btn-small bell", href: "/notifications", "data-link": true, dataset: { test: "bell" } }, "🔔");
    const gear = h("a", { class: "btn btn-small", href: "/settings", "data-link": true, dataset: { test: "nav-settings" }, "aria-label": t("set_title") }, "⚙️");
    const place = grownUpPlace(user.role);
    if (place) items.push(h("a", { class: "btn btn-small", href: place.href, "data-link": true, dataset: { test: place.nav }, "aria-label": t(place.label) }, place.icon, h("span", { class: "nav-label" }, ` ${t(place.label)}`)));
    items.push(bell, gear, h("a", { class: "nav-user", href: "/me", "data-link": true, dataset: { test: "nav-user" }, "aria-label": user.display_name }, user.avatar_emoji, h("span", { class: "nav-label" }, ` ${user.display_name}`)), out);
  } else if (location.pathname !== "/login") {
    items.push(h("a", { class: "btn btn-small", href: "/login", "data-link": true }, t("login")));
  }
  nav.replaceChildren(...items);
  updateBadge(nav);
}

/** The grown-up's own page for a role: parents' family, teachers' classes, the admin console. */
export function grownUpPlace(role) {
  return {
    parent: { href: "/family", icon: "👪", label: "fam_title", nav: "nav-family", home: "go-family" },
    teacher: { href: "/classes", icon: "🍎", label: "cls_title", nav: "nav-classes", home: "go-classes" },
    admin: { href: "/admin", icon: "🛡️", label: "adm_title", nav: "nav-admin", home: "go-admin" },
  }[role] ?? null;
}

function updateBadge(nav) {
  const bell = nav.querySelector("[data-test=bell]");
  if (!bell) return;
  const unread = getState().unread;
  bell.setAttribute("aria-label", t("n_bell", { n: unread }));
  let badge = bell.querySelector("[data-test=bell-count]");
  if (unread > 0) {
    badge ??= bell.appendChild(h("span", { class: "badge", dataset: { test: "bell-count" } }));
    badge.textContent = unread > 99 ? "99+" : String(unread);
  } else {
    badge?.remove();
  }
}

/** Keeps the top bar in step with the store and the location. */
export function startNav() {
  subscribe(draw);
  window.addEventListener("popstate", draw);
  document.addEventListener("click", () => setTimeout(draw, 0));
  draw();
}
