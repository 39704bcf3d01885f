// Words on screen, in English and Tagalog, and kind explanations for every server error code.

import { getState } from "./store.js";
import * as en from "./i18n/en.js";
import * as tl from "./i18n/tl.js";

const words = { en: en.words, tl: tl.words };
const errors = { en: en.errors, tl: tl.errors };

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
