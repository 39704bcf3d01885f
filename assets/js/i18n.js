// Words on screen, in English and Tagalog, and kind explanations for every server error code.

import { getState } from "./store.js";

const words = {
  en: {
    welcome_title: "Make your own stories!",
    welcome_text: "Write, draw and read stories with your friends.",
    login: "Log in",
    signup: "Sign up",
    logout: "Log out",
    username: "Username",
    username_hint: "3 to 24 letters or numbers. You will use it to log in.",
    display_name: "Your name",
    display_name_hint: "This is the name your friends will see.",
    password: "Password",
    password_hint_child: "At least 6 letters or numbers. Keep it secret!",
    password_hint_adult: "At least 8 characters.",
    show: "Show",
    hide: "Hide",
    who_are_you: "Who are you?",
    role_child: "Kid",
    role_child_what: "I want to write and draw stories",
    role_parent: "Parent",
    role_parent_what: "I help my child",
    role_teacher: "Teacher",
    role_teacher_what: "I help my class",
    language: "Language",
    create_account: "Make my account",
    have_account: "Already have an account?",
    no_account: "New here?",
    hello: "Hello, {name}!",
    level: "Level {n}",
    home_text_child: "What story will you make today?",
    home_text_adult: "Welcome back to PixelTales.",
    logged_out: "You are logged out. See you soon!",
    working: "Just a moment…",
    not_found_title: "We could not find that page",
    go_home: "Go home",
    offline: "We cannot reach PixelTales right now. Check the internet and try again.",
  },
  tl: {
    welcome_title: "Gumawa ng sariling kuwento!",
    welcome_text: "Sumulat, gumuhit at magbasa ng kuwento kasama ang mga kaibigan.",
    login: "Mag-log in",
    signup: "Mag-sign up",
    logout: "Mag-log out",
    username: "Username",
    username_hint: "3 hanggang 24 na titik o numero. Ito ang gagamitin mo sa pag-log in.",
    display_name: "Pangalan mo",
    display_name_hint: "Ito ang pangalang makikita ng mga kaibigan mo.",
    password: "Password",
    password_hint_child: "Hindi bababa sa 6 na titik o numero. Ilihim mo ito!",
    password_hint_adult: "Hindi bababa sa 8 karakter.",
    show: "Ipakita",
    hide: "Itago",
    who_are_you: "Sino ka?",
    role_child: "Bata",
    role_child_what: "Gusto kong sumulat at gumuhit ng kuwento",
    role_parent: "Magulang",
    role_parent_what: "Tinutulungan ko ang anak ko",
    role_teacher: "Guro",
    role_teacher_what: "Tinutulungan ko ang klase ko",
    language: "Wika",
    create_account: "Gawin ang account ko",
    have_account: "May account ka na?",
    no_account: "Bago ka rito?",
    hello: "Kumusta, {name}!",
    level: "Antas {n}",
    home_text_child: "Anong kuwento ang gagawin mo ngayon?",
    home_text_adult: "Maligayang pagbabalik sa PixelTales.",
    logged_out: "Naka-log out ka na. Hanggang sa muli!",
    working: "Sandali lang…",
    not_found_title: "Hindi namin makita ang pahinang iyan",
    go_home: "Umuwi",
    offline: "Hindi maabot ang PixelTales ngayon. Tingnan ang internet at subukan ulit.",
  },
};

// Server error codes in words a child can follow. Anything not listed falls back to the
// server's own message.
const errors = {
  en: {
    invalid_credentials: "That username and password do not match. Try again!",
    username_taken: "Someone already has that username. Try another one!",
    invalid_username: "Use 3 to 24 letters or numbers (you can use _ and . too).",
    invalid_display_name: "Your name needs 1 to 50 letters.",
    password_too_short: "Your password is too short.",
    password_too_long: "Your password is too long.",
    password_blank: "Your password cannot be only spaces.",
    profanity: "Please use kind words. These words are not allowed: {words}",
    rate_limited: "Too many tries. Take a break and try again in {seconds} seconds.",
    account_suspended: "This account is paused. Please ask a grown-up.",
    account_closed: "This account has been closed.",
    invalid_role: "Please pick who you are.",
    role_not_allowed: "You cannot make that kind of account here.",
    session_ended: "Please log in again.",
    network: "We cannot reach PixelTales right now. Check the internet and try again.",
    internal_error: "Something went wrong on our side. Please try again.",
  },
  tl: {
    invalid_credentials: "Hindi tugma ang username at password. Subukan ulit!",
    username_taken: "May gumagamit na ng username na iyan. Pumili ng iba!",
    invalid_username: "Gumamit ng 3 hanggang 24 na titik o numero (puwede rin ang _ at .).",
    invalid_display_name: "Ang pangalan mo ay dapat may 1 hanggang 50 titik.",
    password_too_short: "Masyadong maikli ang password mo.",
    password_too_long: "Masyadong mahaba ang password mo.",
    password_blank: "Hindi puwedeng puro espasyo ang password.",
    profanity: "Gumamit ng mabubuting salita. Bawal ang mga salitang ito: {words}",
    rate_limited: "Masyadong maraming subok. Magpahinga at subukan ulit sa loob ng {seconds} segundo.",
    account_suspended: "Naka-pause ang account na ito. Magtanong sa nakatatanda.",
    account_closed: "Sarado na ang account na ito.",
    invalid_role: "Pumili kung sino ka.",
    role_not_allowed: "Hindi puwedeng gumawa ng ganyang account dito.",
    session_ended: "Mag-log in ulit.",
    network: "Hindi maabot ang PixelTales ngayon. Tingnan ang internet at subukan ulit.",
    internal_error: "May nangyaring mali sa amin. Subukan ulit.",
  },
};

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** A screen word in the current language. */
export function t(key, vars = {}) {
  const lang = getState().lang;
  return fill(words[lang][key] ?? words.en[key] ?? key, vars);
}

/** Kind words for an API error (an ApiError or any Error). */
export function errorText(err) {
  const lang = getState().lang;
  const code = err?.code ?? "network";
  const table = errors[lang];
  const template = table[code] ?? errors.en[code];
  if (!template) return err?.message || errors[lang].internal_error;
  return fill(template, {
    words: (err.details?.words ?? []).join(", "),
    seconds: err.details?.retry_after ?? 60,
  });
}
