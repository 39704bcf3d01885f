// Words on screen, in English and Tagalog, and kind explanations for every server error code.

import { getState } from "./store.js";
import * as en from "./i18n/en.js";
import * as enNav from "./i18n/en-nav.js";
import * as enReader from "./i18n/en-reader.js";
import * as enStudio from "./i18n/en-studio.js";
import * as enTour from "./i18n/en-tour.js";
import * as tl from "./i18n/tl.js";
import * as tlNav from "./i18n/tl-nav.js";
import * as tlReader from "./i18n/tl-reader.js";
import * as tlStudio from "./i18n/tl-studio.js";
import * as tlTour from "./i18n/tl-tour.js";

// Each area's words sit in their own file (en-studio.js beside tl-studio.js), so a screen's
// two languages are read side by side.
const words = {
  en: { ...en.words, ...enNav.words, ...enReader.words, ...enStudio.words, ...enTour.words },
  tl: { ...tl.words, ...tlNav.words, ...tlReader.words, ...tlStudio.words, ...tlTour.words },
};
const errors = { en: en.errors, tl: tl.errors };

/** Every screen word of a language (the browser tests look for English left on a Tagalog screen). */
export function allWords(lang) {
  return words[lang];
}

function fill(text, vars) {
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** A screen word in the current language. */
export function t(key, vars = {}) {
  const lang = getState().lang;
  return fill(words[lang][key] ?? words.en[key] ?? key, vars);
}

/** The name of the field a refusal is about ("title", "comment"...), in words. */
function fieldName(field) {
  const key = `field_${field}`;
  const lang = getState().lang;
  return words[lang][key] ?? words.en[key] ?? t("field_other");
}

const KINDS = ["phone", "email", "link", "handle", "address"];

/** Kind words for an API error (an ApiError or any Error). */
export function errorText(err) {
  const lang = getState().lang;
  const code = err?.code ?? "network";
  const table = errors[lang];
  // A personal detail of no known kind (a drawing room's refusal names none): say it generally.
  const found = err?.details?.words ?? [];
  const key = code === "personal_details" && !KINDS.includes(found[0]) ? "personal_details_any" : code;
  const template = table[key] ?? errors.en[key];
  if (!template) return err?.message || errors[lang].internal_error;
  const vars = {
    words: found.join(", "),
    seconds: err.details?.retry_after ?? 60,
    field: fieldName(err.details?.field),
    // A personal detail's kind (phone, email, link, handle, address) is the first "word".
    kind: t(`kind_${KINDS.includes(found[0]) ? found[0] : "address"}`),
  };
  let text = fill(template, vars);
  // A rude word is only hinted at by its first letter (s***), which helps a child find it.
  if (code === "profanity" && found.length) text += ` ${fill(table.profanity_words ?? errors.en.profanity_words, vars)}`;
  return text;
}
