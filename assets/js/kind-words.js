// Live hints while someone types: a short pause after typing, the text is sent to
// POST /api/text/check, and the server's answer (a rude word, or a phone number, address,
// e-mail, link or social media name) is explained next to the box before sending. The word
// list never comes to the browser; the server still decides when the text is sent.

import { api, looking } from "./api.js";
import { errorText } from "./i18n.js";
import { getState } from "./store.js";

const PAUSE_MS = 400;

// Answers already had (text + field -> problem or null), so typing back and forth or the same
// words in two boxes ask once. Small: the oldest answer goes first.
const answers = new Map();
const KEEP = 50;

function remember(key, problem) {
  answers.delete(key);
  answers.set(key, problem);
  if (answers.size > KEEP) answers.delete(answers.keys().next().value);
}

// The server says "too many checks": stay quiet until then (the send still gets the answer).
let quietUntil = 0;

/**
 * Watches `input` (a text input or textarea) and explains a problem with its text in
 * `hintElement` while typing; clears it when the text is fine. `field` names the box for the
 * server ("comment", "title", "text", "message", "chat"...). Returns a controller:
 * `show(err)` puts a refusal from sending into the same place, `clear()` empties it (after
 * the text is sent or replaced), `check()` checks now.
 */
export function liveHint(input, hintElement, field) {
  hintElement.classList.add("kind-hint");
  if (!hintElement.id) hintElement.id = `hint-${field}-${Math.random().toString(36).slice(2, 8)}`;
  if (!hintElement.hasAttribute("aria-live")) hintElement.setAttribute("aria-live", "polite");
  const described = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  if (!described.includes(hintElement.id)) input.setAttribute("aria-describedby", [...described, hintElement.id].join(" "));

  let timer = null;
  let last = ""; // the text the hint is about
  let seq = 0;

  function show(err) {
    hintElement.textContent = err ? errorText(err) : "";
    hintElement.dataset.problem = err?.code ?? "";
    if (err) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function answer(problem) {
    show(problem ? { code: problem.code, message: problem.message, details: problem } : null);
  }

  async function check() {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      last = "";
      seq++;
      return show(null);
    }
    if (text === last) return;
    const key = `${field}\n${text}`;
    if (answers.has(key)) {
      last = text;
      return answer(answers.get(key));
    }
    // Only a signed-in person (not a look-only visit) may ask, and not while told to wait.
    if (!getState().user || looking() || Date.now() < quietUntil) return;
    const mine = ++seq;
    try {
      const r = await api("POST", "/api/text/check", { text, field });
      remember(key, r.ok ? null : r.problem);
      if (mine !== seq || input.value.trim() !== text) return;
      last = text;
      answer(r.ok ? null : r.problem);
    } catch (err) {
      // A hint is extra: say nothing, and after "too many" wait as told.
      if (err?.code === "rate_limited") quietUntil = Date.now() + (err.details?.retry_after ?? 60) * 1000;
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return check();
    if (text !== last) timer = setTimeout(check, PAUSE_MS);
  });

  return {
    check,
    /** Shows a refusal the server gave when the text was sent (an ApiError). */
    show(err) {
      clearTimeout(timer);
      seq++;
      last = input.value.trim();
      show(err);
    },
    /** Empties the hint (the text was sent, or the box now holds other text). */
    clear() {
      clearTimeout(timer);
      seq++;
      last = input.value.trim();
      show(null);
    },
  };
}
