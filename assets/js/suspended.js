// A paused (suspended) account: instead of quietly signing out, a full-screen note says until
// when. It comes from any API answer "account_suspended" (whose message holds the date), or
// from the socket closing with 4003, after which one request asks the server why.

import { api, logout, onSuspended } from "./api.js";
import { t } from "./i18n.js";
import { navigate } from "./router.js";
import { on } from "./socket.js";
import { getState, setState } from "./store.js";
import { h } from "./ui.js";

let screen = null;

/** When the pause ends (Unix seconds), from the error's details or the date in its message. */
export function pausedUntil(err) {
  const given = Number(err?.details?.suspended_until);
  if (given > 0) return given;
  const m = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/.exec(String(err?.message ?? ""));
  const at = m ? Date.parse(m[0]) : NaN;
  return Number.isNaN(at) ? null : Math.floor(at / 1000);
}

/** Shows the note (once; a second report only updates the date). */
export function showSuspended(err) {
  const until = pausedUntil(err);
  const lang = getState().lang === "tl" ? "fil" : "en";
  const text = until
    ? t("paused_until", { date: new Date(until * 1000).toLocaleString(lang, { dateStyle: "long", timeStyle: "short" }) })
    : t("paused");
  if (screen) {
    screen.querySelector("h1").textContent = text;
    return;
  }
  const ok = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "suspended-ok" } }, t("paused_ok"));
  screen = h("div", { class: "suspended-screen", role: "alertdialog", "aria-modal": "true", "aria-labelledby": "paused-title", "aria-describedby": "paused-text", dataset: { test: "suspended" } },
    h("div", { class: "card stack center" },
      h("div", { class: "big-emoji", "aria-hidden": "true" }, "⏸️"),
      h("h1", { id: "paused-title" }, text),
      h("p", { id: "paused-text" }, t("paused_text")),
      ok));
  ok.addEventListener("click", async () => {
    screen.remove();
    screen = null;
    setBehind(false);
    await logout();
    setState({ user: null });
    navigate("/", { replace: true });
  });
  document.body.append(screen);
  setBehind(true);
  ok.focus();
}

// The page behind the note takes no clicks or keys while it shows.
function setBehind(inert) {
  for (const el of document.querySelectorAll("body > header, body > main")) el.inert = inert;
}

/** Listens for a paused account from now on. */
export function startSuspension() {
  onSuspended(showSuspended);
  on("socket.closed", (f) => {
    if (f.code !== 4003 || !getState().user) return;
    // The reason may already say it; otherwise ask. A short wait lets a password change in this
    // tab store its new tokens first, so that case is not mistaken for anything else. An answer
    // "account_suspended" shows the note through onSuspended; "session ended" signs out as
    // before.
    if (/suspend|paused/i.test(f.reason ?? "")) return showSuspended({ message: f.reason });
    setTimeout(() => {
      if (getState().user) api("GET", "/api/me").catch(() => {});
    }, 1500);
  });
}
