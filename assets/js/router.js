// History-based routing: a path picks a view; links with data-link navigate without reloading.

import { errorText, t } from "./i18n.js";
import { getState } from "./store.js";

const routes = [];
let cleanup = null;

/** Registers a view for a path (`:name` segments become params); `needs` is "user",
 *  "guest" or "any". */
export function route(path, view, needs = "any") {
  routes.push({ path, view, needs });
}

/** A view whose module is fetched the first time it is shown (grown-ups' pages, the admin
 *  console, drawing together, games): a child's first visit never downloads them. `pick`
 *  takes the view out of the loaded module. */
export function lazy(load, pick) {
  let view = null;
  return (root, params) => {
    if (view) return view(root, params);
    let gone = false;
    let inner = null;
    const note = document.createElement("p");
    note.className = "muted";
    note.setAttribute("role", "status");
    note.textContent = t("working");
    root.append(note);
    load().then(
      (module) => {
        view = pick(module);
        if (gone) return;
        note.remove();
        inner = view(root, params) ?? null;
      },
      () => {
        if (!gone) note.textContent = errorText({ code: "network" });
      },
    );
    return () => {
      gone = true;
      if (typeof inner === "function") inner();
    };
  };
}

/** Goes to `path` (adds a history entry unless `replace`). */
export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  render();
}

/** Renders the view for the current location. */
export function render() {
  const path = location.pathname;
  const { user } = getState();
  let params = {};
  let r = routes.find((x) => {
    const m = match(x.path, path);
    if (m) params = m;
    return Boolean(m);
  }) ?? routes.find((x) => x.path === "*");
  if (r.needs === "user" && !user) return navigate("/login", { replace: true });
  if (r.needs === "guest" && user) return navigate("/", { replace: true });
  if (typeof cleanup === "function") cleanup();
  const root = document.getElementById("app");
  root.replaceChildren();
  cleanup = r.view(root, params) ?? null;
  // Views focus their first field; otherwise focus the page so screen readers start there.
  if (!root.contains(document.activeElement)) root.focus({ preventScroll: true });
}

// "/read/:id" against "/read/12" gives {id: "12"}; null when it does not match.
function match(pattern, path) {
  if (pattern === "*") return null;
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      // Ids are numbers; a class code (":code") is letters and numbers.
      const rule = want[i] === ":code" ? /^[A-Za-z0-9]{1,12}$/ : /^[1-9][0-9]{0,17}$/;
      if (!rule.test(got[i])) return null;
      params[want[i].slice(1)] = got[i];
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** Wires link clicks and back/forward. */
export function start() {
  document.addEventListener("click", (e) => {
    const a = e.target.closest("a[data-link]");
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || a.target) return;
    e.preventDefault();
    navigate(a.getAttribute("href"));
  });
  window.addEventListener("popstate", render);
  render();
}
