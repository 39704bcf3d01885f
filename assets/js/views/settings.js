// Settings: theme, language, sounds and music, which notifications arrive, password, linking a
// grown-up and joining a class (children), your data (download it, or delete the account), and
// at the very bottom logging out, here or everywhere.

import { api, clearSession, logout, saveSession } from "../api.js";
import { play, setMusic } from "../delight.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { getState, setState } from "../store.js";
import { deleteAccount, exportButton } from "../leaving.js";
import { h, noteForNext, passwordField, toast } from "../ui.js";
import { childLinksSection } from "./settings-links.js";

const THEMES = ["sunny", "night", "contrast", "ocean", "forest"];

/** Shows the theme on the page. */
export function applyTheme(theme) {
  document.documentElement.dataset.theme = THEMES.includes(theme) ? theme : "sunny";
}

export function settingsView(root) {
  const { user } = getState();
  const save = async (patch) => {
    try {
      const me = await api("PATCH", "/api/me", patch);
      setState({ user: { ...getState().user, ...me } });
      toast(t("set_saved"));
    } catch (err) {
      toast(errorText(err));
    }
  };

  const themes = h("div", { class: "chips", role: "radiogroup", "aria-label": t("set_theme") });
  for (const th of THEMES) {
    const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(user.theme === th), dataset: { theme: th } }, t(`theme_${th}`));
    b.addEventListener("click", () => {
      for (const c of themes.children) c.setAttribute("aria-checked", String(c === b));
      applyTheme(th);
      save({ theme: th });
    });
    themes.append(b);
  }

  const langs = h("div", { class: "chips", role: "radiogroup", "aria-label": t("language") });
  for (const [code, label] of [["en", "English"], ["tl", "Tagalog"]]) {
    const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(getState().lang === code), lang: code }, label);
    b.addEventListener("click", async () => {
      setState({ lang: code });
      await save({ language: code });
      navigate("/settings", { replace: true });
    });
    langs.append(b);
  }

  const privacy = h("div", { class: "chips", role: "radiogroup", "aria-label": t("set_privacy"), dataset: { test: "privacy" } });
  for (const p of ["friends", "public", "private"]) {
    const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String(user.privacy === p), dataset: { privacy: p } }, t(`privacy_${p}`));
    b.addEventListener("click", () => {
      for (const c of privacy.children) c.setAttribute("aria-checked", String(c === b));
      save({ privacy: p });
    });
    privacy.append(b);
  }

  // An age band (never a birthday) sizes the games: a word search is 8, 10 or 12 letters wide.
  const ages = h("div", { class: "chips", role: "radiogroup", "aria-label": t("set_age"), dataset: { test: "age-band" } });
  for (const band of ["5-7", "8-9", "10-12", ""]) {
    const b = h("button", { type: "button", class: "chip", role: "radio", "aria-checked": String((user.age_band ?? "") === band), dataset: { band } },
      band ? t("age_band", { band }) : t("age_unset"));
    b.addEventListener("click", () => {
      for (const c of ages.children) c.setAttribute("aria-checked", String(c === b));
      save({ age_band: band });
    });
    ages.append(b);
  }

  const notes = h("ul", { class: "friend-list", dataset: { test: "notify-prefs" } });
  for (const [kind, on] of Object.entries(user.notifications ?? {})) {
    const box = h("input", { type: "checkbox", id: `n-${kind}`, checked: on, dataset: { kind } });
    box.addEventListener("change", () => save({ notifications: { [kind]: box.checked } }));
    notes.append(h("li", { class: "friend" }, box, h("label", { for: `n-${kind}`, class: "friend-name" }, t(`pref_${kind}`))));
  }

  const current = passwordField({ label: t("set_current_password"), name: "current_password", autocomplete: "current-password" }, t("show"), t("hide"));
  const fresh = passwordField({ label: t("set_new_password"), name: "new_password", autocomplete: "new-password", hint: user.role === "child" ? t("password_hint_child") : t("password_hint_adult") }, t("show"), t("hide"));
  const pwForm = h("form", { class: "stack", dataset: { test: "password-form" } }, current.wrap, fresh.wrap, h("button", { type: "submit", class: "btn btn-primary" }, t("set_change_password")));
  pwForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    current.setError("");
    fresh.setError("");
    try {
      const answer = await api("POST", "/api/me/password", { current_password: current.input.value, new_password: fresh.input.value });
      saveSession(answer);
      current.input.value = "";
      fresh.input.value = "";
      toast(t("set_password_changed"));
    } catch (err) {
      (err.details?.field === "new_password" ? fresh : current).setError(errorText(err));
    }
  });

  const out = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "logout" } }, `👋 ${t("logout")}`);
  out.addEventListener("click", async () => {
    await logout();
    setState({ user: null });
    toast(t("logged_out"));
    navigate("/", { replace: true });
  });
  const everywhere = h("button", { type: "button", class: "btn", dataset: { test: "logout-all" } }, `🚪 ${t("set_logout_all")}`);
  everywhere.addEventListener("click", async () => {
    if (!confirm(t("set_logout_all_confirm"))) return;
    try {
      await api("POST", "/api/auth/logout-all");
    } catch {
      // Signed out locally either way.
    }
    clearSession();
    setState({ user: null });
    navigate("/", { replace: true });
  });

  root.append(h("section", { class: "stack" },
    h("h1", {}, `⚙️ ${t("set_title")}`),
    h("h2", {}, t("set_theme")), themes,
    h("h2", {}, t("language")), langs,
    soundSection(),
    h("h2", {}, t("set_privacy")), privacy,
    user.role === "child" ? h("h2", {}, t("set_age")) : null, user.role === "child" ? h("p", { class: "muted" }, t("set_age_intro")) : null,
    user.role === "child" ? ages : null,
    h("h2", {}, t("set_notifications")), notes,
    h("h2", {}, t("set_password")), pwForm,
    user.role === "child" ? childLinksSection() : null,
    yourData(user),
    h("section", { class: "stack card logout-box", dataset: { test: "logout-box" } },
      h("h2", {}, h("span", { "aria-hidden": "true" }, "🚪 "), t("logout")),
      h("p", { class: "muted" }, t("nav_logout_hint")),
      h("div", { class: "btn-row" }, out, everywhere))));
}

/** Sounds and music: two switches saved in the account's prefs (a grown-up's "quiet" wins). */
function soundSection() {
  // Shown at once, saved after; other prefs (the tour, muted kinds) are kept as they are.
  const savePrefs = async (change) => {
    const before = getState().user;
    const prefs = { ...(before.prefs ?? {}), ...change };
    setState({ user: { ...before, prefs } });
    paint();
    try {
      const me = await api("PATCH", "/api/me", { prefs });
      setState({ user: { ...getState().user, ...me } });
      toast(t("set_saved"));
    } catch (err) {
      setState({ user: { ...getState().user, prefs: before.prefs } });
      paint();
      toast(errorText(err));
    }
  };
  const sounds = switchRow("set-sounds", "🔊", t("nav_sounds"), t("nav_sounds_hint"));
  const music = switchRow("set-music", "🎵", t("nav_music"), t("nav_music_hint"));
  const quiet = h("p", { class: "sound-quiet", dataset: { test: "sounds-quiet" } }, h("span", { "aria-hidden": "true" }, "🤫 "), t("nav_quiet"));
  const needsSounds = h("p", { class: "hint", dataset: { test: "music-needs-sounds" } }, t("nav_music_needs_sounds"));
  function paint() {
    const user = getState().user;
    const soundOn = !user.quiet && user.prefs?.sounds !== false;
    sounds.set(soundOn, Boolean(user.quiet));
    music.set(soundOn && user.prefs?.music === true, !soundOn);
    quiet.hidden = !user.quiet;
    needsSounds.hidden = soundOn || Boolean(user.quiet);
  }
  sounds.button.addEventListener("click", async () => {
    const on = sounds.button.getAttribute("aria-checked") !== "true";
    // The store changes before the answer comes, so the little "on" tune may play at once.
    const saving = savePrefs({ sounds: on });
    if (on) play("badge");
    await saving;
  });
  music.button.addEventListener("click", () => {
    const on = music.button.getAttribute("aria-checked") !== "true";
    // Started inside the tap: browsers only let sound begin from one.
    setMusic(on);
    savePrefs({ music: on });
  });
  paint();
  return h("section", { class: "stack sound-box", dataset: { test: "sound-settings" } },
    h("h2", {}, h("span", { "aria-hidden": "true" }, "🔊 "), t("nav_sounds_title")),
    quiet, sounds.button, music.button, needsSounds);
}

/** A big on/off switch: the whole row is the button, its name is the label, the hint describes it. */
function switchRow(test, icon, label, hint) {
  const id = `sw-${test}`;
  const state = h("span", { class: "switch-state", "aria-hidden": "true" });
  const button = h("button", { type: "button", role: "switch", class: "switch-row", "aria-checked": "false", "aria-labelledby": `${id}-label`, "aria-describedby": `${id}-hint`, dataset: { test } },
    h("span", { class: "switch-icon", "aria-hidden": "true" }, icon),
    h("span", { class: "switch-text" }, h("span", { class: "switch-label", id: `${id}-label` }, label), h("span", { class: "switch-hint", id: `${id}-hint` }, hint)),
    h("span", { class: "switch-track", "aria-hidden": "true" }, h("span", { class: "switch-knob" })),
    state);
  const set = (on, disabled) => {
    button.setAttribute("aria-checked", String(on));
    button.disabled = disabled;
    state.textContent = on ? t("nav_on") : t("nav_off");
  };
  return { button, set };
}

/** Your data: download everything you made, or delete the account (after saying what that does). */
function yourData(user) {
  const child = user.role === "child";
  const remove = deleteAccount({
    label: t("leave_delete"),
    test: "delete-me",
    title: t("leave_confirm_title"),
    goes: ["leave_goes_stories", "leave_goes_things", "leave_goes_rewards", "leave_goes_friends", "leave_goes_pictures", "leave_goes_account"].map((k) => t(k)),
    stays: [t("leave_stays_coauthored"), t("leave_stays_log")],
    passwordLabel: t("leave_password"),
    confirmLabel: t("leave_confirm"),
    cancelLabel: t("leave_cancel"),
    pictureOk: child,
    send: (secret) => api("DELETE", "/api/me", secret),
    done: () => {
      // The account is gone: forget this device's sign-in and say goodbye on the welcome page.
      noteForNext(t("leave_done"));
      setState({ user: null });
      clearSession();
      navigate("/", { replace: true });
    },
  });
  return h("section", { class: "stack your-data", dataset: { test: "your-data" } },
    h("h2", {}, h("span", { "aria-hidden": "true" }, "📦 "), t("leave_title")),
    h("p", {}, t("leave_intro")),
    exportButton({ label: t("leave_export"), test: "export-me", path: "/api/me/export", filename: "pixeltales-my-data.json" }),
    h("h3", {}, t("leave_leaving")),
    child ? h("p", { class: "leave-ask card", dataset: { test: "delete-me-ask" } }, h("span", { "aria-hidden": "true" }, "🧑‍🤝‍🧒 "), t("leave_child_ask")) : null,
    h("p", { class: "muted" }, t("leave_delete_intro")),
    remove);
}
