// The story starter ("Help me start") on the new-story screen: the child's idea, a kind of
// story, a language and a number of pages go to POST /api/assist/story; the story that comes
// back is shown to read, to try again (a new seed) or to keep as a draft in the studio.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { genreIds, getState } from "../store.js";
import { busy, h } from "../ui.js";

const IDEA_MAX = 300;
const MIN_PAGES = 3;
const MAX_PAGES = 12;
const DEFAULT_PAGES = 5;
const FIELDS = ["idea", "genre", "language", "pages"];
const SCENES = {
  forest: "🌳", sea: "🌊", sky: "☁️", city: "🏙️", home: "🏠",
  school: "🏫", space: "🚀", castle: "🏰", farm: "🚜", mountain: "⛰️",
};

// A new seed for "Try another" (any whole number the server takes; kept within what JSON
// numbers carry exactly).
function newSeed(old) {
  let seed;
  do seed = Math.floor(Math.random() * 2 ** 48);
  while (seed === old);
  return seed;
}

/** The starter, ready to mount: its own section with the form, the progress and the preview. */
export function storyStarter() {
  const genres = genreIds().length ? genreIds() : ["adventure"];
  let genre = genres.includes("adventure") ? "adventure" : genres[0];
  let language = getState().lang === "tl" ? "tl" : "en";
  let pages = DEFAULT_PAGES;
  let lastAsk = null; // what made the story on show
  let story = null; // the story on show
  let waiting = false;

  const errors = {};
  const errorLine = (field) => (errors[field] = h("p", { class: "error starter-error", id: `starter-${field}-error`, role: "alert", dataset: { test: `starter-error-${field}` } }));
  for (const f of FIELDS) errorLine(f);
  const general = h("p", { class: "form-error", role: "alert", dataset: { test: "starter-error" } });

  // The idea, with a counter.
  const idea = h("textarea", {
    id: "starter-idea", name: "idea", rows: 3, maxlength: IDEA_MAX, placeholder: t("starter_idea_hint"),
    "aria-describedby": "starter-idea-count starter-idea-error", dataset: { test: "starter-idea" },
  });
  const count = h("p", { class: "muted starter-count", id: "starter-idea-count", dataset: { test: "starter-idea-count" } });
  const showCount = () => (count.textContent = t("starter_idea_count", { n: idea.value.length, max: IDEA_MAX }));
  showCount();
  idea.addEventListener("input", () => {
    showCount();
    clearError("idea");
  });

  // One kind of story, one language: chips that act as radio buttons (arrow keys move too).
  const choiceGroup = (label, field, items, selected, pickFn) => {
    const group = h("div", { class: "chips starter-chips", role: "radiogroup", "aria-label": label, "aria-describedby": `starter-${field}-error` });
    const mark = () => {
      for (const c of group.children) c.setAttribute("aria-checked", String(c.dataset.value === selected()));
    };
    for (const [value, text, test] of items) {
      const b = h("button", { type: "button", class: "chip starter-chip", role: "radio", "aria-checked": "false", dataset: { test, value } }, text);
      b.addEventListener("click", () => {
        pickFn(value);
        clearError(field);
        mark();
      });
      b.addEventListener("keydown", (e) => {
        const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
        if (!step) return;
        e.preventDefault();
        const all = [...group.children];
        const next = all[(all.indexOf(b) + step + all.length) % all.length];
        next.focus();
        next.click();
      });
      group.append(b);
    }
    mark();
    return group;
  };
  const genreGroup = choiceGroup(t("starter_genre"), "genre",
    genres.map((g) => [g, t(`genre_${g}`), `starter-genre-${g}`]), () => genre, (v) => (genre = v));
  const langGroup = choiceGroup(t("starter_language"), "language",
    [["en", t("adm_lang_en"), "starter-lang-en"], ["tl", t("adm_lang_tl"), "starter-lang-tl"]], () => language, (v) => (language = v));

  // How many pages: − [n] +.
  const pagesInput = h("input", {
    id: "starter-pages", name: "pages", type: "number", inputmode: "numeric", min: MIN_PAGES, max: MAX_PAGES, step: 1,
    value: pages, class: "starter-pages", "aria-describedby": "starter-pages-error", dataset: { test: "starter-pages" },
  });
  const less = h("button", { type: "button", class: "btn tool", "aria-label": t("starter_fewer"), dataset: { test: "starter-pages-less" } }, "−");
  const more = h("button", { type: "button", class: "btn tool", "aria-label": t("starter_more"), dataset: { test: "starter-pages-more" } }, "+");
  const setPages = (n) => {
    pages = Math.min(MAX_PAGES, Math.max(MIN_PAGES, Math.round(Number(n)) || DEFAULT_PAGES));
    pagesInput.value = String(pages);
    less.disabled = pages <= MIN_PAGES;
    more.disabled = pages >= MAX_PAGES;
    clearError("pages");
  };
  less.addEventListener("click", () => setPages(pages - 1));
  more.addEventListener("click", () => setPages(pages + 1));
  pagesInput.addEventListener("change", () => setPages(pagesInput.value));
  setPages(pages);

  const go = h("button", { type: "button", class: "btn btn-primary btn-big starter-go", dataset: { test: "starter-go" } },
    h("span", { "aria-hidden": "true" }, "✨ "), t("starter_go"));
  const progress = h("div", { class: "starter-busy", role: "status", hidden: true, dataset: { test: "starter-busy" } },
    h("span", { class: "starter-pencil", "aria-hidden": "true" }, "✏️"),
    h("span", {}, t("starter_writing")));
  const preview = h("section", { class: "card stack starter-preview", hidden: true, "aria-labelledby": "starter-preview-title", dataset: { test: "starter-preview" } });

  const form = h("div", { class: "card stack starter" },
    h("p", { class: "starter-intro" }, t("starter_intro")),
    h("div", { class: "field", dataset: { field: "idea" } },
      h("label", { for: "starter-idea" }, t("starter_idea")), idea, count, errors.idea),
    h("div", { class: "field", dataset: { field: "genre" } },
      h("span", { class: "field-label", "aria-hidden": "true" }, t("starter_genre")), genreGroup, errors.genre),
    h("div", { class: "field", dataset: { field: "language" } },
      h("span", { class: "field-label", "aria-hidden": "true" }, t("starter_language")), langGroup, errors.language),
    h("div", { class: "field", dataset: { field: "pages" } },
      h("label", { for: "starter-pages" }, t("starter_pages")),
      h("div", { class: "stepper" }, less, pagesInput, more), errors.pages),
    general,
    h("div", { class: "btn-row" }, go),
    progress);
  go.addEventListener("click", () => write({ idea: idea.value.trim(), genre, language, pages }));

  function clearError(field) {
    errors[field].textContent = "";
    errors[field].closest(".field")?.classList.remove("has-error", "bad-words");
    if (field === "idea") idea.removeAttribute("aria-invalid");
    if (field === "pages") pagesInput.removeAttribute("aria-invalid");
  }

  function clearErrors() {
    for (const f of FIELDS) clearError(f);
    general.textContent = "";
  }

  function showError(err) {
    if (err.status === 429) {
      general.textContent = t("starter_slow_down", { seconds: err.details?.retry_after ?? 60 });
      return;
    }
    const field = err.details?.field;
    if (!FIELDS.includes(field)) {
      general.textContent = errorText(err);
      return;
    }
    const line = errors[field];
    const box = line.closest(".field");
    line.textContent = errorText(err);
    box.classList.add("has-error");
    if (field === "idea") {
      idea.setAttribute("aria-invalid", "true");
      // Words that are not allowed: the idea box says so, in red.
      if (err.code === "profanity") box.classList.add("bad-words");
      idea.focus();
    } else if (field === "pages") {
      pagesInput.setAttribute("aria-invalid", "true");
      pagesInput.focus();
    } else {
      box.querySelector("[aria-checked=true]")?.focus();
    }
  }

  async function write(ask) {
    if (waiting) return;
    waiting = true;
    clearErrors();
    go.disabled = true;
    again.disabled = true;
    use.disabled = true;
    progress.hidden = false;
    preview.setAttribute("aria-busy", "true");
    try {
      story = await api("POST", "/api/assist/story", ask);
      lastAsk = { ...ask, seed: story.seed ?? ask.seed };
      showStory();
    } catch (err) {
      showError(err);
    } finally {
      waiting = false;
      go.disabled = false;
      again.disabled = false;
      use.disabled = false;
      progress.hidden = true;
      preview.removeAttribute("aria-busy");
    }
  }

  const again = h("button", { type: "button", class: "btn btn-big", dataset: { test: "starter-again" } },
    h("span", { "aria-hidden": "true" }, "🔄 "), t("starter_again"));
  const use = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "starter-use" } },
    h("span", { "aria-hidden": "true" }, "✅ "), t("starter_use"));
  again.addEventListener("click", () => lastAsk && write({ ...lastAsk, seed: newSeed(lastAsk.seed) }));
  use.addEventListener("click", () => {
    if (!story || waiting) return;
    clearErrors();
    busy(use, t("working"), async () => {
      try {
        const made = await api("POST", "/api/stories", {
          title: story.title,
          summary: story.summary,
          genres: [story.genre],
          language: story.language,
          pages: story.pages.map((p) => ({ text: p.text })),
        });
        navigate(`/studio/${made.id}`);
      } catch (err) {
        general.textContent = errorText(err);
        general.scrollIntoView({ block: "center" });
      }
    });
  });

  function showStory() {
    const title = h("h2", { id: "starter-preview-title", tabindex: "-1", dataset: { test: "starter-story-title" } }, story.title);
    const list = h("ol", { class: "starter-pages-list" }, ...story.pages.map((p, i) => h("li", { class: "starter-page", dataset: { test: "starter-page", scene: p.scene ?? "" } },
      h("span", { class: "starter-scene", role: "img", "aria-label": t(SCENES[p.scene] ? `scene_${p.scene}` : "starter_page_n", { n: i + 1 }), title: SCENES[p.scene] ? t(`scene_${p.scene}`) : "" }, SCENES[p.scene] ?? "📄"),
      h("p", { class: "starter-page-text", dataset: { test: "starter-page-text" } }, p.text))));
    preview.replaceChildren(
      h("p", { class: "muted starter-preview-note" }, t("starter_preview_note")),
      title,
      story.summary ? h("p", { class: "starter-summary", dataset: { test: "starter-summary" } }, story.summary) : null,
      list,
      h("div", { class: "btn-row" }, again, use));
    preview.hidden = false;
    title.focus({ preventScroll: true });
    const calm = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    preview.scrollIntoView({ block: "start", behavior: calm ? "auto" : "smooth" });
  }

  return h("div", { class: "stack starter-wrap", dataset: { test: "starter" } }, form, preview);
}
