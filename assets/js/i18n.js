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
