// The library: instant search, genre chips, language and sort, infinite scroll by cursor. On a
// phone the filters fold behind one button, so the first stories are on the first screen.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { genreIds, getState } from "../store.js";
import { h } from "../ui.js";

const SORTS = ["new", "popular", "top", "views", "title"];

export function libraryView(root) {
  const params = new URLSearchParams(location.search);
  const filters = { q: params.get("q") || "", genre: params.get("genre") || "", language: params.get("language") || "", sort: params.get("sort") || "", class: params.get("class") || "" };
  let cursor = null;
  let loading = false;
  let generation = 0;

  const search = h("input", { type: "search", name: "q", value: filters.q, placeholder: t("lib_search_hint"), "aria-label": t("lib_search"), autocomplete: "off", dataset: { test: "lib-search" } });
  const chips = h("div", { class: "chips", role: "group", "aria-label": t("lib_genres") });
  const chip = (value, label) => {
    const b = h("button", { type: "button", class: "chip", "aria-pressed": String(filters.genre === value), dataset: { genre: value } }, label);
    b.addEventListener("click", () => {
      filters.genre = filters.genre === value ? "" : value;
      for (const c of chips.children) c.setAttribute("aria-pressed", String(c.dataset.genre === filters.genre));
      reload();
    });
    return b;
  };
  chips.append(chip("", t("lib_all")), ...genreIds().map((g) => chip(g, t(`genre_${g}`))));
  // A class's own library (its approved stories), for its teacher and children.
  const classChips = h("div", { class: "chips", role: "group", "aria-label": t("lib_class"), dataset: { test: "lib-classes" } });
  if (getState().user) {
    api("GET", "/api/classes")
      .then((r) => {
        const mine = r.items.filter((c) => (c.status ?? "member") === "member" && !c.archived);
        classChips.replaceChildren(...mine.map((c) => {
          const b = h("button", { type: "button", class: "chip", "aria-pressed": String(filters.class === String(c.id)), dataset: { test: "lib-class", id: String(c.id) } }, `🏫 ${c.name}`);
          b.addEventListener("click", () => {
            filters.class = filters.class === String(c.id) ? "" : String(c.id);
            for (const x of classChips.children) x.setAttribute("aria-pressed", String(x.dataset.id === filters.class));
            reload();
          });
          return b;
        }));
      })
      .catch(() => {});
  }
  const lang = h("select", { name: "language", "aria-label": t("language") },
    h("option", { value: "" }, t("lib_any_language")), h("option", { value: "en" }, t("adm_lang_en")), h("option", { value: "tl" }, t("adm_lang_tl")));
  lang.value = filters.language;
  const sort = h("select", { name: "sort", "aria-label": t("lib_sort") },
    h("option", { value: "" }, t("lib_sort_best")), ...SORTS.map((s) => h("option", { value: s }, t(`sort_${s}`))));
  sort.value = filters.sort;
  const panel = h("div", { class: "lib-filter-panel stack", id: "lib-filter-panel", role: "group", "aria-label": t("nav_filters") },
    h("div", { class: "lib-selects" }, lang, sort), chips);
  const fold = h("button", { type: "button", class: "btn lib-filters-btn", "aria-expanded": "false", "aria-controls": panel.id, dataset: { test: "lib-filters" } });
  const foldLabel = () => {
    const n = ["genre", "language", "sort"].filter((k) => filters[k]).length;
    fold.replaceChildren(h("span", { "aria-hidden": "true" }, "🎛️"), n ? t("nav_filters_on", { n }) : t("nav_filters"));
  };
  fold.addEventListener("click", () => {
    const open = fold.getAttribute("aria-expanded") !== "true";
    fold.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("open", open);
  });
  foldLabel();
  const list = h("ul", { class: "story-grid", dataset: { test: "lib-list" }, "aria-live": "polite" });
  const status = h("p", { class: "muted lib-status", role: "status" });
  const more = h("button", { type: "button", class: "btn", hidden: true, dataset: { test: "lib-more" } }, t("lib_more"));
  more.addEventListener("click", () => load());

  let timer = null;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      filters.q = search.value.trim();
      reload();
    }, 250);
  });
  lang.addEventListener("change", () => {
    filters.language = lang.value;
    reload();
  });
  sort.addEventListener("change", () => {
    filters.sort = sort.value;
    reload();
  });

  root.append(
    h("section", { class: "stack" },
      h("h1", {}, t("lib_title")),
      h("div", { class: "lib-controls" }, search, fold),
      // A child's own class stays in sight: for a class, that is the library that matters.
      classChips,
      panel,
      list,
      status,
      h("div", { class: "btn-row" }, more),
    ),
  );

  function query() {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    return q;
  }

  function reload() {
    foldLabel();
    generation += 1;
    cursor = null;
    list.replaceChildren();
    const q = query().toString();
    history.replaceState(null, "", q ? `/library?${q}` : "/library");
    load();
  }

  async function load() {
    if (loading && cursor !== null) return;
    loading = true;
    const mine = generation;
    const q = query();
    q.set("limit", "12");
    if (cursor) q.set("cursor", cursor);
    status.textContent = t("working");
    try {
      // A class library is for the class only: it goes with the sign-in.
      const page = await api("GET", `/api/stories?${q}`, undefined, { auth: Boolean(filters.class) });
      if (mine !== generation) return;
      list.append(...page.items.map(card));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      status.textContent = list.children.length === 0 ? (filters.q ? t("lib_nothing_for", { q: filters.q }) : t("lib_empty")) : "";
    } catch (err) {
      if (mine === generation) status.textContent = errorText(err);
    } finally {
      if (mine === generation) loading = false;
    }
  }

  // Infinite scroll: the "more" button doubles as the sentinel (and works by keyboard).
  const seen = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting) && cursor && !loading) load();
  });
  seen.observe(more);
  load();
  // A phone's keyboard would cover the stories the child came to see.
  if (!matchMedia("(max-width: 720px)").matches) search.focus();
  return () => seen.disconnect();
}

function card(s) {
  const cover = s.cover_url
    ? h("img", { src: s.cover_url, alt: "", loading: "lazy", width: 320, height: 240 })
    : h("div", { class: "cover-blank", "aria-hidden": "true" }, "📖");
  return h("li", {},
    h("a", { class: "story-card", href: `/read/${s.id}`, "data-link": true, dataset: { test: "story-card" } },
      cover,
      h("span", { class: "story-title" }, s.title),
      h("span", { class: "muted" }, `${s.author.avatar_emoji} ${s.author.display_name}`),
      h("span", { class: "counts", "aria-label": t("lib_counts", { likes: s.like_count, pages: s.page_count }) }, `❤️ ${s.like_count} · 📄 ${s.page_count}`),
    ),
  );
}
