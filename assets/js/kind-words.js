// Live hints while a child types: the server's word list, checked in the browser so a rude word
// is pointed out before sending (the server still decides).

import { api } from "./api.js";

let words = null;
let loading = null;

function load() {
  loading ??= api("GET", "/api/profanity/words", undefined, { auth: false })
    .then((r) => {
      words = r.words.filter((w) => w.severity !== "mild").map((w) => w.word.toLowerCase());
    })
    .catch(() => {
      words = [];
    });
  return loading;
}

/** The listed words found in `text` (whole words, ignoring case). */
export function rudeWords(text) {
  if (!words) {
    load();
    return [];
  }
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return words.filter((w) => lower.includes(` ${w} `));
}

load();
