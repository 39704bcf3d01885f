// Admin words: the list of words the kind-words filter blocks. Numbers on top, search, add one,
// import many (typed or from a .txt file), and per word: severity, on/off, delete.

import { api } from "../../api.js";
import { statTiles } from "../../charts.js";
import { errorText, t } from "../../i18n.js";
import { busy, h, toast } from "../../ui.js";

const LANGS = ["en", "tl"];
const SEVERITIES = ["mild", "moderate", "severe"];
const MAX_FILE = 1024 * 1024;

function select(options, attrs, value) {
  const s = h("select", attrs, ...options.map(([v, label]) => h("option", { value: v }, label)));
  if (value !== undefined) s.value = value;
  return s;
}
const langOptions = () => LANGS.map((l) => [l, t(`adm_lang_${l}`)]);
const sevOptions = () => SEVERITIES.map((s) => [s, t(`adm_sev_${s}`)]);

export function wordsTab(box) {
  const stats = h("div", { class: "stack", dataset: { test: "word-stats" } });

  // Add one word.
  const word = h("input", { type: "text", id: "f-word", maxlength: 60, autocomplete: "off", autocapitalize: "none", spellcheck: "false", dataset: { test: "word-input" } });
  const lang = select(langOptions(), { "aria-label": t("language"), dataset: { test: "word-language" } });
  const sev = select(sevOptions(), { "aria-label": t("adm_severity"), dataset: { test: "word-severity" } }, "moderate");
  const add = h("button", { type: "submit", class: "btn btn-primary btn-small", dataset: { test: "word-add" } }, `➕ ${t("adm_word_add")}`);
  const addError = h("p", { class: "error", role: "alert" });
  const addForm = h("form", { class: "card stack", novalidate: true, dataset: { test: "word-add-form" } },
    h("h3", {}, t("adm_word_add_title")),
    h("div", { class: "field" }, h("label", { for: "f-word" }, t("adm_word")), word),
    h("div", { class: "inline-form" }, lang, sev, add), addError);
  addForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    addError.textContent = "";
    if (!word.value.trim()) return word.focus();
    try {
      await api("POST", "/api/admin/profanity", { word: word.value.trim(), language: lang.value, severity: sev.value });
      toast(t("adm_word_added", { word: word.value.trim() }));
      word.value = "";
      word.focus();
      load();
      loadStats();
    } catch (err) {
      addError.textContent = errorText(err);
    }
  });

  // Many words at once: one per line, "#" starts a comment. Typed, pasted or read from a file.
  const bulkText = h("textarea", { id: "f-bulk", rows: 6, spellcheck: "false", dataset: { test: "word-bulk-text" } });
  const file = h("input", { type: "file", id: "f-bulk-file", accept: ".txt,text/plain", dataset: { test: "word-bulk-file" } });
  const bulkLang = select(langOptions(), { "aria-label": t("language"), dataset: { test: "word-bulk-language" } });
  const bulkSev = select(sevOptions(), { "aria-label": t("adm_severity"), dataset: { test: "word-bulk-severity" } }, "moderate");
  const bulkSend = h("button", { type: "submit", class: "btn btn-small btn-primary", dataset: { test: "word-bulk-send" } }, `📥 ${t("adm_bulk_send")}`);
  const bulkResult = h("p", { role: "status", dataset: { test: "word-bulk-result" } });
  const bulk = h("form", { class: "card stack", novalidate: true, dataset: { test: "word-bulk" } },
    h("h3", {}, t("adm_bulk_title")),
    h("div", { class: "field" }, h("label", { for: "f-bulk" }, t("adm_bulk_label")), h("p", { class: "hint" }, t("adm_bulk_hint")), bulkText),
    h("div", { class: "field" }, h("label", { for: "f-bulk-file" }, t("adm_bulk_file")), file),
    h("div", { class: "inline-form" }, bulkLang, bulkSev, bulkSend), bulkResult);
  file.addEventListener("change", () => {
    const f = file.files?.[0];
    if (!f) return;
    if (f.size > MAX_FILE) {
      bulkResult.textContent = t("adm_bulk_too_big");
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      bulkText.value = String(reader.result ?? "");
      const lines = bulkText.value.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith("#")).length;
      bulkResult.textContent = t("adm_bulk_read", { n: lines, name: f.name });
    };
    reader.onerror = () => (bulkResult.textContent = t("adm_bulk_unreadable"));
    reader.readAsText(f);
  });
  bulk.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!bulkText.value.trim()) return bulkText.focus();
    await busy(bulkSend, t("working"), async () => {
      try {
        const r = await api("POST", "/api/admin/profanity/bulk", { text: bulkText.value, language: bulkLang.value, severity: bulkSev.value });
        bulkResult.textContent = t("adm_bulk_done", { added: r.added ?? 0, skipped: r.skipped ?? 0 });
        toast(bulkResult.textContent);
        bulkText.value = "";
        file.value = "";
        load();
        loadStats();
      } catch (err) {
        bulkResult.textContent = errorText(err);
      }
    });
  });

  // Search and the list.
  const q = h("input", { type: "search", placeholder: t("adm_word_search"), "aria-label": t("adm_word_search"), dataset: { test: "word-search" } });
  const langF = select([["", t("lib_any_language")], ...langOptions()], { "aria-label": t("language"), dataset: { test: "word-language-filter" } });
  const activeF = select([["", t("adm_word_any")], ["true", t("adm_word_on")], ["false", t("adm_word_off")]], { "aria-label": t("adm_word_active"), dataset: { test: "word-active-filter" } });
  const note = h("p", { class: "muted", role: "status" });
  const rows = h("tbody", {});
  const table = h("div", { class: "table-wrap" }, h("table", { class: "data-table", dataset: { test: "word-list" } },
    h("thead", {}, h("tr", {}, ...[t("adm_word"), t("language"), t("adm_severity"), t("adm_word_active"), t("adm_hits"), ""].map((c) => h("th", { scope: "col" }, c)))),
    rows));
  let typing = null;
  q.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(load, 300);
  });
  langF.addEventListener("change", load);
  activeF.addEventListener("change", load);

  box.append(stats, addForm, bulk, h("h3", {}, t("adm_word_list")), h("div", { class: "lib-controls", role: "search" }, q, langF, activeF), note, table);

  async function change(w, body) {
    try {
      const r = await api("PATCH", `/api/admin/profanity/${w.id}`, body);
      Object.assign(w, r.word ?? body);
      toast(t("adm_saved"));
      loadStats();
    } catch (err) {
      toast(errorText(err));
      load();
    }
  }

  function row(w) {
    const sevSel = select(sevOptions(), { "aria-label": t("adm_severity_of", { word: w.word }), dataset: { test: "word-row-severity" } }, w.severity);
    sevSel.addEventListener("change", () => change(w, { severity: sevSel.value }));
    const on = h("input", { type: "checkbox", checked: Boolean(w.active), "aria-label": t("adm_word_active_of", { word: w.word }), dataset: { test: "word-row-active" } });
    on.addEventListener("change", () => change(w, { active: on.checked }));
    const del = h("button", { type: "button", class: "btn btn-tiny", "aria-label": t("adm_word_delete", { word: w.word }), dataset: { test: "word-row-delete" } }, "🗑️");
    del.addEventListener("click", async () => {
      if (!confirm(t("adm_word_delete_confirm", { word: w.word }))) return;
      try {
        await api("DELETE", `/api/admin/profanity/${w.id}`);
        tr.remove();
        loadStats();
      } catch (err) {
        toast(errorText(err));
      }
    });
    const tr = h("tr", { dataset: { test: "word-row", id: String(w.id) } },
      h("th", { scope: "row", dataset: { test: "word-row-word" } }, w.word), h("td", {}, t(`adm_lang_${w.language}`)), h("td", {}, sevSel), h("td", {}, on), h("td", {}, String(w.hits ?? 0)), h("td", {}, del));
    return tr;
  }

  async function load() {
    const query = new URLSearchParams();
    if (q.value.trim()) query.set("q", q.value.trim());
    if (langF.value) query.set("language", langF.value);
    if (activeF.value) query.set("active", activeF.value);
    note.textContent = t("working");
    try {
      const r = await api("GET", `/api/admin/profanity?${query}`);
      rows.replaceChildren(...r.items.map(row));
      note.textContent = r.items.length ? t("adm_word_count", { n: r.items.length }) : t("adm_word_none");
    } catch (err) {
      note.textContent = errorText(err);
    }
  }

  async function loadStats() {
    try {
      const s = await api("GET", "/api/admin/profanity/stats");
      stats.replaceChildren(...[
        statTiles([
          { key: "words", icon: "🧼", label: t("adm_words_total"), value: s.total },
          { key: "active", icon: "✅", label: t("adm_words_active"), value: s.active },
          { key: "en", icon: "🇬🇧", label: t("adm_lang_en"), value: s.by_language?.en },
          { key: "tl", icon: "🇵🇭", label: t("adm_lang_tl"), value: s.by_language?.tl },
          ...SEVERITIES.map((k) => ({ key: k, label: t(`adm_sev_${k}`), value: s.by_severity?.[k] })),
          { key: "violations", icon: "🚫", label: t("adm_violations_7d"), value: s.violations_7d },
        ], "word-stat-tiles"),
        s.top?.length ? h("p", { dataset: { test: "word-top" } }, `${t("adm_top_hits")}: `, s.top.map((w) => `${w.word} (${w.language}) ${w.hits}`).join(" · ")) : null].filter(Boolean));
    } catch {
      // The list still works without the numbers.
    }
  }

  load();
  loadStats();
}
