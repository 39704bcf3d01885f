// The one store: a small observable state object shared by every view.

const state = {
  config: null, // GET /api/config
  user: null, // the signed-in user, or null
  unread: 0, // unread notifications, kept live by the socket
  online: new Set(), // ids of friends online, kept live by the socket
  lang: localStorage.getItem("pt.lang") === "tl" ? "tl" : "en",
};
const listeners = new Set();

export function getState() {
  return state;
}

export function setState(patch) {
  Object.assign(state, patch);
  if ("lang" in patch) {
    localStorage.setItem("pt.lang", state.lang);
    document.documentElement.lang = state.lang === "tl" ? "tl" : "en";
  }
  for (const fn of listeners) fn(state);
}

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The genre ids the server takes (from /api/config). */
export function genreIds() {
  return state.config?.genres ?? [];
}
