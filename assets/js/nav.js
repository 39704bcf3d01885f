// The top bar (language, the bell, and on wider screens the main links) and, on phones, the
// bottom tab bar. Also the background music's start, which needs the account and a first tap.

import { looking } from "./api.js";
import { setMusic, soundsOn } from "./delight.js";
import { t } from "./i18n.js";
import { render } from "./router.js";
import { getState, setState, subscribe } from "./store.js";
import { h } from "./ui.js";

let drawnTop = "";
let drawnTabs = "";

// Only what a bar shows decides a redraw: replacing buttons under a finger (say, when a
// notification arrives) would swallow the tap. The unread badge and the current tab are
// updated in place.
function draw() {
  const nav = document.getElementById("topnav");
  if (!nav) return;
  sayWords(nav);
  drawTop(nav);
  drawTabs();
  updateBadge(nav);
  markCurrent();
}

// Words outside any view: the skip link and the two menus' names follow the language.
function sayWords(nav) {
  const skip = document.getElementById("skip");
  if (skip) skip.textContent = t("nav_skip");
  nav.setAttribute("aria-label", t("nav_top"));
  document.getElementById("tabbar")?.setAttribute("aria-label", t("nav_tabs"));
}

function drawTop(nav) {
  const { user, lang } = getState();
  const key = JSON.stringify([user?.id, user?.display_name, user?.avatar_emoji, user?.role, lang, location.pathname === "/login"]);
  if (key === drawnTop && nav.childElementCount) return;
  drawnTop = key;
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
  // "wide-only" links move to the tab bar (or to Me) on phones; a guest has no tab bar, so
  // keeps the library link.
  const wide = user ? "wide-only" : "";
  const items = [
    h("div", { class: "lang-switch", role: "group", "aria-label": "Language / Wika" }, langButton("en", "EN"), langButton("tl", "TL")),
    h("a", { class: `btn btn-small ${wide}`, href: "/library", "data-link": true, dataset: { test: "nav-library" }, "aria-label": t("lib_title") }, h("span", { "aria-hidden": "true" }, "📚"), h("span", { class: "nav-label" }, t("lib_title"))),
  ];
  if (user) {
    const place = grownUpPlace(user.role);
    if (place) items.push(h("a", { class: "btn btn-small wide-only", href: place.href, "data-link": true, dataset: { test: place.nav }, "aria-label": t(place.tab) }, h("span", { "aria-hidden": "true" }, place.icon), h("span", { class: "nav-label" }, t(place.tab))));
    items.push(
      h("a", { class: "btn btn-small bell", href: "/notifications", "data-link": true, dataset: { test: "bell" } }, h("span", { "aria-hidden": "true" }, "🔔")),
      h("a", { class: "btn btn-small wide-only", href: "/settings", "data-link": true, dataset: { test: "nav-settings" }, "aria-label": t("set_title") }, h("span", { "aria-hidden": "true" }, "⚙️")),
      h("a", { class: "btn btn-small nav-user wide-only", href: "/me", "data-link": true, dataset: { test: "nav-user" }, "aria-label": user.display_name },
        h("span", { class: "nav-avatar", "aria-hidden": "true" }, user.avatar_emoji), h("span", { class: "nav-label" }, user.display_name)),
    );
  } else if (location.pathname !== "/login") {
    items.push(h("a", { class: "btn btn-small btn-primary", href: "/login", "data-link": true }, t("login")));
  }
  nav.replaceChildren(...items);
}

/** The grown-up's own page for a role: parents' family, teachers' classes, the admin console. */
export function grownUpPlace(role) {
  return {
    parent: { href: "/family", icon: "👪", label: "fam_title", tab: "nav_family", nav: "nav-family", home: "go-family" },
    teacher: { href: "/classes", icon: "🍎", label: "cls_title", tab: "nav_classes", nav: "nav-classes", home: "go-classes" },
    admin: { href: "/admin", icon: "🛡️", label: "adm_title", tab: "adm_title", nav: "nav-admin", home: "go-admin" },
  }[role] ?? null;
}

// The five tabs; `at` says which paths belong to a tab (for aria-current).
function tabsFor(user) {
  const under = (...roots) => (p) => roots.some((r) => p === r || p.startsWith(`${r}/`));
  const place = grownUpPlace(user.role);
  const create = place
    ? { test: "tab-create", href: place.href, icon: place.icon, label: place.tab, at: under(place.href) }
    : { test: "tab-create", href: "/studio/new", icon: "✏️", label: "nav_create", at: under("/studio", "/together") };
  return [
    { test: "tab-home", href: "/", icon: "🏠", label: "nav_home", at: (p) => p === "/" },
    { test: "tab-library", href: "/library", icon: "📚", label: "lib_title", at: under("/library", "/read", "/play") },
    create,
    { test: "tab-friends", href: "/friends", icon: "👫", label: "nav_friends", at: under("/friends", "/chat", "/people") },
    // The child's own picture, unless it is another tab's picture (the default 📚 is Library's).
    { test: "tab-me", href: "/me", icon: ["📚", "🏠", "✏️", "👫"].includes(user.avatar_emoji) ? "🙂" : user.avatar_emoji || "🙂", label: "nav_me", at: under("/me", "/settings") },
  ];
}

let tabs = [];

function drawTabs() {
  const bar = document.getElementById("tabbar");
  if (!bar) return;
  const { user, lang } = getState();
  document.body.classList.toggle("with-tabs", Boolean(user));
  const key = JSON.stringify([user?.id, user?.avatar_emoji, user?.role, lang]);
  if (key === drawnTabs) return;
  drawnTabs = key;
  bar.hidden = !user;
  tabs = user ? tabsFor(user) : [];
  bar.replaceChildren(...tabs.map((tab) => (tab.el = h("a", { class: "dock-tab", href: tab.href, "data-link": true, dataset: { test: tab.test } },
    h("span", { class: "dock-icon", "aria-hidden": "true" }, tab.icon),
    h("span", { class: "dock-label" }, t(tab.label))))));
}

function markCurrent() {
  const path = location.pathname;
  const mark = (el, on) => (on ? el.setAttribute("aria-current", "page") : el.removeAttribute("aria-current"));
  for (const tab of tabs) mark(tab.el, tab.at(path));
  for (const a of document.querySelectorAll("#topnav a[href]")) {
    const href = a.getAttribute("href");
    mark(a, path === href || path.startsWith(`${href}/`));
  }
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

// Browsers keep sound silent until the first tap or key, so the music waits for one. Never in a
// grown-up's look, and never when sounds are off (the child's or a grown-up's switch).
let tapped = false;
let playing = null;
function syncMusic() {
  const { user } = getState();
  const want = Boolean(tapped && user && !looking() && user.prefs?.music === true && soundsOn());
  if (want === playing) return;
  playing = want;
  setMusic(want);
}

/** Keeps the bars in step with the store and the location; starts the music if it is on. */
export function startNav() {
  subscribe(draw);
  subscribe(syncMusic);
  window.addEventListener("popstate", draw);
  document.addEventListener("click", () => setTimeout(draw, 0));
  // Every route change replaces the page's children: the current tab follows, however the
  // page was reached (a link, a form, a redirect).
  const app = document.getElementById("app");
  if (app) new MutationObserver(draw).observe(app, { childList: true });
  const first = () => {
    tapped = true;
    syncMusic();
    removeEventListener("pointerdown", first, true);
    removeEventListener("keydown", first, true);
  };
  addEventListener("pointerdown", first, true);
  addEventListener("keydown", first, true);
  draw();
}
