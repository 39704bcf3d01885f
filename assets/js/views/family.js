// My family (parents): the children linked to this grown-up, making a child's account (typed or
// picture password), and linking a child with a code. Each child's page is in views/child.js.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { secretChooser } from "../pictures.js";
import { getState } from "../store.js";
import { busy, field, h, toast, whenText } from "../ui.js";

/** One child as a card: picture, name, level, stories, last seen, and a way in. */
export function childCard(c) {
  return h("li", { class: "card child-card", dataset: { test: "child-card", id: String(c.id) } },
    h("div", { class: "greeting" },
      h("div", { class: "avatar", "aria-hidden": "true" }, c.avatar_emoji),
      h("div", {},
        h("h3", { class: "child-card-name", dataset: { test: "child-card-name" } }, c.display_name),
        h("p", { class: "muted" }, `@${c.username}`),
        h("span", { class: "level" }, t("level", { n: c.level })))),
    h("p", { dataset: { test: "child-card-stories" } }, t("fam_story_counts", { published: c.stories_published ?? 0, drafts: c.drafts ?? 0 })),
    h("p", { class: "muted", dataset: { test: "child-card-seen" } }, c.last_seen_at ? t("fam_last_seen", { when: whenText(c.last_seen_at) }) : t("fam_never_seen")),
    h("a", { class: "btn btn-primary", href: `/family/${c.id}`, "data-link": true, dataset: { test: "child-open" } }, `📊 ${t("fam_open", { name: c.display_name })}`));
}

export function familyView(root) {
  const list = h("ul", { class: "child-list", dataset: { test: "child-list" } });
  const status = h("p", { class: "muted", role: "status" }, t("working"));

  // Add a child.
  const username = field({ label: t("fam_child_username"), name: "username", hint: t("username_hint"), autocomplete: "off", attrs: { maxlength: 24, autocapitalize: "none", spellcheck: "false", "data-test": "child-username" } });
  const name = field({ label: t("fam_child_name"), name: "display_name", hint: t("fam_child_name_hint"), autocomplete: "off", attrs: { maxlength: 50, "data-test": "child-name" } });
  const secret = secretChooser({ inputTest: "child-password" });
  const lang = h("select", { id: "f-child-language", dataset: { test: "child-language" } },
    h("option", { value: "en", selected: getState().lang === "en" }, "English"),
    h("option", { value: "tl", selected: getState().lang === "tl" }, "Tagalog"));
  const addError = h("div", { class: "form-error", role: "alert", dataset: { test: "add-child-error" } });
  const save = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "save-child" } }, `➕ ${t("fam_add_save")}`);
  const addForm = h("form", { class: "card stack", novalidate: true, dataset: { test: "add-child" } },
    h("h2", {}, `🧒 ${t("fam_add")}`), h("p", { class: "muted" }, t("fam_add_intro")),
    addError, username.wrap, name.wrap, secret.el,
    h("div", { class: "field" }, h("label", { for: "f-child-language" }, t("language")), lang),
    save);
  addForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    addError.textContent = "";
    username.setError("");
    name.setError("");
    if (!username.input.value.trim()) return username.setError(errorText({ code: "invalid_username" })), username.input.focus();
    if (!name.input.value.trim()) return name.setError(errorText({ code: "invalid_display_name" })), name.input.focus();
    const pw = secret.read();
    if (!pw) return;
    await busy(save, t("working"), async () => {
      try {
        const r = await api("POST", "/api/family/children", { username: username.input.value.trim(), display_name: name.input.value.trim(), language: lang.value, ...pw });
        toast(t("fam_added", { name: r.child.display_name }));
        username.input.value = "";
        name.input.value = "";
        secret.clear();
        load();
      } catch (err) {
        const f = err.details?.field;
        if (f === "username") username.setError(errorText(err)), username.input.focus();
        else if (f === "display_name") name.setError(errorText(err)), name.input.focus();
        else if (f === "password" || f === "picture") secret.setError(errorText(err));
        else addError.textContent = errorText(err);
      }
    });
  });

  // Link a child who already has an account, with the code the child (or their other grown-up) made.
  const code = field({ label: t("fam_link_code"), name: "code", hint: t("fam_link_hint"), autocomplete: "off", attrs: { maxlength: 16, autocapitalize: "characters", spellcheck: "false", "data-test": "link-code-input" } });
  const linkBtn = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "link-child-send" } }, `🔗 ${t("fam_link_send")}`);
  const linkForm = h("form", { class: "card stack", novalidate: true, dataset: { test: "link-child" } },
    h("h2", {}, `🔗 ${t("fam_link")}`), code.wrap, linkBtn);
  linkForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    code.setError("");
    const value = code.input.value.trim().toUpperCase();
    if (!value) return code.setError(t("fam_code_needed")), code.input.focus();
    await busy(linkBtn, t("working"), async () => {
      try {
        const r = await api("POST", "/api/family/link", { code: value });
        toast(t("fam_linked", { name: r.child.display_name }));
        code.input.value = "";
        load();
      } catch (err) {
        code.setError(errorText(err));
        code.input.focus();
      }
    });
  });

  root.append(h("section", { class: "stack" },
    h("h1", {}, `👪 ${t("fam_title")}`),
    h("p", {}, t("fam_intro")),
    list, status, addForm, linkForm));

  async function load() {
    try {
      const r = await api("GET", "/api/family/children");
      list.replaceChildren(...r.items.map(childCard));
      status.textContent = r.items.length ? "" : t("fam_none");
    } catch (err) {
      status.textContent = errorText(err);
    }
  }
  load();
}
