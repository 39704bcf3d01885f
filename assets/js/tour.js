// The first-run tour: three short steps after the first sign-in, on the home page, for children,
// parents and teachers (admins know their way). It is shown once per account, ever: the moment
// it opens it is remembered in this browser and in the account's prefs ("tour": "done"), so a
// reload, a closed tab or another device never shows it again.
//
// It points at places in words and emoji, never by highlighting elements: the home page and the
// menus change shape between phone and desktop, and a child finds "the ✏️ pencil" on either.

import { api, looking } from "./api.js";
import { play } from "./delight.js";
import { t } from "./i18n.js";
import { getState, setState, subscribe } from "./store.js";
import { h } from "./ui.js";

const STEPS = {
  child: [
    { icon: "✏️", title: "st_new", text: "tour_child_write_text" },
    { icon: "📚", title: "tour_child_read", text: "tour_child_read_text" },
    { icon: "👫", title: "tour_child_friends", text: "tour_child_friends_text" },
  ],
  parent: [
    { icon: "👪", title: "tour_parent_family", text: "tour_parent_family_text" },
    { icon: "📈", title: "tour_parent_report", text: "tour_parent_report_text" },
    { icon: "🛡️", title: "tour_parent_safety", text: "tour_parent_safety_text" },
  ],
  teacher: [
    { icon: "🍎", title: "tour_teacher_class", text: "tour_teacher_class_text" },
    { icon: "🖨️", title: "tour_teacher_kids", text: "tour_teacher_kids_text" },
    { icon: "✅", title: "tour_teacher_approve", text: "tour_teacher_approve_text" },
  ],
};

const localKey = (id) => `pt.tour.${id}`;
let open = null; // {dialog, userId, draw, close} while the tour is on screen

function seen(user) {
  if (user.prefs?.tour === "done") return true;
  try {
    return localStorage.getItem(localKey(user.id)) === "done";
  } catch {
    return false;
  }
}

function wanted() {
  const { user } = getState();
  return Boolean(user && STEPS[user.role] && location.pathname === "/" && !looking() && !seen(user)
    // A paused account's full-screen note comes first; the tour waits for the next visit.
    && !document.querySelector("[data-test=suspended]"));
}

// Opens at once when the home page is drawn, in the same turn as the page itself: anything that
// looks at the page after sign-in (a person, a screen reader, a browser test) finds the tour
// already there, never arriving a moment later under a finger.
function check() {
  if (open) {
    // Back, or a link from a notification: the tour belongs to the home page only.
    if (location.pathname !== "/") open.close(false);
    return;
  }
  if (wanted()) show(getState().user);
}

/** Watches for the home page of someone who has not had the tour yet. */
export function startTour() {
  const app = document.getElementById("app");
  if (app) new MutationObserver(check).observe(app, { childList: true });
  subscribe(({ user, lang }) => {
    if (!open) return check();
    // Signed out, or another person signed in (a shared computer): this tour is not theirs.
    if (user?.id !== open.userId) open.close(false);
    else if (lang !== open.lang) open.draw();
  });
  check();
}

// Marks the tour as done for this account: in this browser at once, then in the account's prefs
// (the prefs it signed in with, which Settings keeps up to date, plus "tour"; nothing else is
// lost). One request, sent as the tour opens: a tab closed at once still remembers.
async function remember(user) {
  try {
    localStorage.setItem(localKey(user.id), "done");
  } catch {
    // Private browsing without storage: the account's prefs still remember it.
  }
  const prefs = { ...(user.prefs ?? {}), tour: "done" };
  try {
    const saved = await api("PATCH", "/api/me", { prefs });
    const now = getState().user;
    if (now?.id === user.id) setState({ user: { ...now, prefs: saved?.prefs ?? prefs } });
  } catch {
    // Offline or refused: this browser still remembers; another device may show it once more.
  }
}

function show(user) {
  const steps = STEPS[user.role];
  let at = 0;
  const back = document.activeElement;
  remember(user);

  const count = h("p", { class: "tour-count", dataset: { test: "tour-count" } });
  const dots = h("div", { class: "tour-dots", "aria-hidden": "true" }, ...steps.map(() => h("span", { class: "tour-dot" })));
  const hello = h("p", { class: "tour-hello" });
  const icon = h("div", { class: "tour-icon", "aria-hidden": "true" });
  const title = h("h2", { id: "tour-title", class: "tour-title" });
  const text = h("p", { id: "tour-text", class: "tour-text" });
  const skip = h("button", { type: "button", class: "btn tour-skip", dataset: { test: "tour-skip" } });
  const next = h("button", { type: "button", class: "btn btn-primary btn-big tour-next", dataset: { test: "tour-next" } });
  const done = h("button", { type: "button", class: "btn btn-primary btn-big tour-done", dataset: { test: "tour-done" } });
  // The step is a live region: pressing Next keeps the focus on Next (a child can press Enter
  // three times), and a screen reader still hears "2 of 3" and the new step.
  const step = h("div", { "aria-live": "polite" },
    h("div", { class: "tour-top" }, count, dots),
    h("div", { class: "tour-body" }, hello, icon, title, text));
  const dialog = h("dialog", {
    class: "tour", "aria-modal": "true", "aria-labelledby": "tour-title", "aria-describedby": "tour-text",
    dataset: { test: "tour", role: user.role },
  }, step, h("div", { class: "tour-buttons" }, skip, next, done));

  skip.addEventListener("click", () => close(true));
  done.addEventListener("click", () => close(true, true));
  next.addEventListener("click", () => {
    at = Math.min(at + 1, steps.length - 1);
    draw();
    // "Next" is gone on the last step: the focus goes to "Let's go!" in its place.
    if (at === steps.length - 1) done.focus();
  });
  // Escape is the same as Skip.
  dialog.addEventListener("cancel", (e) => {
    e.preventDefault();
    close(true);
  });
  dialog.addEventListener("keydown", (e) => e.key === "Tab" && trap(e, dialog));

  function draw() {
    if (open) open.lang = getState().lang;
    const { icon: picture, title: heading, text: words } = steps[at];
    const last = at === steps.length - 1;
    dialog.dataset.step = String(at + 1);
    count.textContent = t("tour_step", { n: at + 1, total: steps.length });
    [...dots.children].forEach((d, i) => d.classList.toggle("on", i <= at));
    hello.textContent = t("tour_hello", { name: getState().user?.display_name ?? user.display_name });
    hello.hidden = at > 0;
    icon.textContent = picture;
    title.textContent = t(heading);
    text.textContent = t(words);
    skip.textContent = t("tour_skip");
    skip.hidden = last;
    next.textContent = `${t("quiz_next")} ▶`;
    next.hidden = last;
    done.textContent = `${t("tour_done")} 🚀`;
    done.hidden = !last;
    // Restarts the little pop of the picture (none under reduced motion: see tour.css).
    icon.classList.remove("pop");
    void icon.offsetWidth;
    icon.classList.add("pop");
  }

  function close(byPerson, finished = false) {
    if (!open) return;
    open = null;
    if (dialog.open) dialog.close();
    dialog.remove();
    if (finished) play("badge");
    if (!byPerson) return;
    // Back to where the person was; the page itself when that is gone.
    if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
    else document.getElementById("app")?.focus({ preventScroll: true });
  }

  open = { dialog, userId: user.id, lang: getState().lang, draw, close };
  draw();
  document.body.append(dialog);
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", "");
  next.focus();
}

// Tab and Shift+Tab go round the dialog's buttons and never leave it.
function trap(e, dialog) {
  const stops = [...dialog.querySelectorAll("button:not([hidden]):not([disabled])")];
  if (!stops.length) return;
  const first = stops[0];
  const last = stops[stops.length - 1];
  const inside = dialog.contains(document.activeElement);
  if (e.shiftKey && (document.activeElement === first || !inside)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
    e.preventDefault();
    first.focus();
  }
}
