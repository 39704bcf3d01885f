// Boot: read server settings, restore the sign-in, then route.

import { api, hasSession, looking, onSessionChange } from "./api.js";
import { showLookBanner } from "./look.js";
import { errorText } from "./i18n.js";
import { startNav } from "./nav.js";
import { startNotices } from "./notices.js";
import { startPresence } from "./presence.js";
import { connect, disconnect } from "./socket.js";
import { lazy, navigate, route, start } from "./router.js";
import { getState, setState, subscribe } from "./store.js";
import { startSuspension } from "./suspended.js";
import { startTour } from "./tour.js";
import { chatView } from "./views/chat.js";
import { friendsView } from "./views/friends.js";
import { homeView } from "./views/home.js";
import { libraryView } from "./views/library.js";
import { readerView } from "./views/reader.js";
import { personView, profileView } from "./views/profile.js";
import { applyTheme, settingsView } from "./views/settings.js";
import { ADMIN_TABS } from "./views/admin-tabs.js";
import { loginView } from "./views/login.js";
import { grownUpsOnlyView, notFoundView } from "./views/notfound.js";
import { notificationsView } from "./views/notifications.js";
import { signupView } from "./views/signup.js";
import { welcomeView } from "./views/welcome.js";

// Screens most children never open load on first use.
const admin = () => import("./views/admin.js");
const classes = () => import("./views/classes.js");
const together = () => import("./views/together.js");
const studio = () => import("./views/studio.js");
const adminView = lazy(admin, (m) => m.adminView);
const childView = lazy(() => import("./views/child.js"), (m) => m.childView);
const classView = lazy(() => import("./views/class-page.js"), (m) => m.classView);
const classPrint = () => import("./views/class-print.js");
const cardsView = lazy(classPrint, (m) => m.cardsView);
const bookView = lazy(classPrint, (m) => m.bookView);
const classSignIn = () => import("./views/class-signin.js");
const classCodeView = lazy(classSignIn, (m) => m.classCodeView);
const classSignInView = lazy(classSignIn, (m) => m.classSignInView);
const cardView = lazy(classSignIn, (m) => m.cardView);
const classesView = lazy(classes, (m) => m.classesView);
const familyView = lazy(() => import("./views/family.js"), (m) => m.familyView);
const togetherStartView = lazy(together, (m) => m.togetherStartView);
const togetherView = lazy(together, (m) => m.togetherView);
const newStoryView = lazy(studio, (m) => m.newStoryView);
const studioView = lazy(studio, (m) => m.studioView);
const playView = lazy(() => import("./views/play.js"), (m) => m.playView);

route("/", (root) => (getState().user ? homeView(root) : welcomeView(root)));
route("/library", libraryView);
route("/read/:id", readerView);
route("/notifications", notificationsView, "user");
route("/friends", friendsView, "user");
route("/studio/new", newStoryView, "user");
route("/together", togetherStartView, "user");
route("/settings", settingsView, "user");
route("/me", profileView, "user");
route("/people/:id", personView, "user");
route("/together/:id", togetherView, "user");
route("/studio/:id", studioView, "user");
route("/chat/:id", chatView, "user");
route("/play/:id", playView, "user");
// Grown-ups' pages: signed in, and the right kind of account (anyone else gets a kind note).
const only = (roles, view) => (root, params) => (roles.includes(getState().user?.role) ? view(root, params) : grownUpsOnlyView(root, roles));
route("/family", only(["parent"], familyView), "user");
route("/family/:id", only(["parent"], childView), "user");
route("/classes", only(["teacher"], classesView), "user");
route("/classes/:id", only(["teacher"], classView), "user");
route("/classes/:id/cards", only(["teacher"], cardsView), "user");
route("/classes/:id/book", only(["teacher"], bookView), "user");
// Signing in without typing: anyone may open these (a shared tablet may still hold the last
// child's sign-in; tapping another name switches to them).
route("/c", classCodeView);
route("/c/:code", classSignInView);
route("/card", cardView);
route("/admin", only(["admin"], adminView), "user");
for (const tab of ADMIN_TABS) route(`/admin/${tab}`, only(["admin"], (root) => adminView(root, { tab })), "user");
route("/login", loginView, "guest");
route("/signup", signupView, "guest");
route("*", notFoundView);

async function boot() {
  document.documentElement.lang = getState().lang;
  // A paused account gets a full-screen note (from any request, or the socket closing).
  startSuspension();
  try {
    setState({ config: await api("GET", "/api/config", undefined, { auth: false }) });
  } catch {
    // The app still works with defaults; requests will report their own errors.
  }
  if (hasSession() || looking()) {
    try {
      setState({ user: await api("GET", "/api/me") });
    } catch (err) {
      if (err.code === "network") document.getElementById("boot-loading").textContent = errorText(err);
      setState({ user: null });
    }
  }
  // Logging out in one tab logs out every tab; signing in as someone else in another tab
  // (a shared family computer) switches this tab to that person too.
  onSessionChange(async (session) => {
    if (looking()) return;
    const { user } = getState();
    if (!session && user) {
      setState({ user: null });
      navigate("/", { replace: true });
    } else if (session && user && session.sub !== String(user.id)) {
      try {
        setState({ user: await api("GET", "/api/me") });
        navigate("/", { replace: true });
      } catch {
        // The next request will report the problem.
      }
    }
  });
  // One socket while someone is signed in.
  startNotices();
  startPresence();
  // A parent's look has no socket: it is read-only and must not show the child as online.
  subscribe(({ user }) => (user && !looking() ? connect() : disconnect()));
  subscribe(({ user }) => applyTheme(user?.theme));
  applyTheme(getState().user?.theme);
  if (getState().user && !looking()) connect();
  showLookBanner();
  startNav();
  start();
  // After the first route, so the tour finds the page it opens on.
  startTour();
}

boot();
