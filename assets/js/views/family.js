// My family (parents): the children linked to this grown-up, making a child's account (typed or
// picture password), and linking a child with a code. Each child's page is in views/child.js.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { secretChooser } from "../pictures.js";
import { getState, setState } from "../store.js";
import { busy, field, h, nextNoteLine, toast, whenText } from "../ui.js";

const MESSAGE_RULES = ["friends", "friends_and_classmates", "nobody"];

/**
 * A child's safety rules, saved as soon as they change: whether new friends need the grown-up's
 * OK first, and who may send the child messages. `idPrefix` keeps label ids unique on a page.
 */
export function safetyBlock(c, idPrefix = "safety") {
  const rules = { friends_need_ok: true, who_may_message: "friends", ...(c.rules ?? {}) };
  const boxId = `${idPrefix}-friends-${c.id}`;
  const selId = `${idPrefix}-messages-${c.id}`;
  const hintId = `${selId}-hint`;
  const okBox = h("input", { type: "checkbox", id: boxId, checked: rules.friends_need_ok, dataset: { test: "rule-friends-ok" } });
  const who = h("select", { id: selId, "aria-describedby": hintId, dataset: { test: "rule-messages" } },
    ...MESSAGE_RULES.map((w) => h("option", { value: w, selected: rules.who_may_message === w }, t(`rule_msg_${w}`))));
  const said = h("p", { class: "rule-status", role: "status", dataset: { test: "rule-status" } });
  let seq = 0;
  async function save(patch, undo) {
    const mine = ++seq;
    said.textContent = t("working");
    said.classList.remove("bad");
    try {
      const r = await api("PATCH", `/api/family/children/${c.id}`, { rules: patch });
      Object.assign(rules, r.child?.rules ?? patch);
      c.rules = { ...rules };
      if (mine === seq) said.textContent = t("rule_saved", { name: c.display_name });
    } catch (err) {
      undo();
      if (mine === seq) {
        said.textContent = errorText(err);
        said.classList.add("bad");
      }
    }
  }
  okBox.addEventListener("change", () => save({ friends_need_ok: okBox.checked }, () => (okBox.checked = rules.friends_need_ok)));
  who.addEventListener("change", () => save({ who_may_message: who.value }, () => (who.value = rules.who_may_message)));
  return h("fieldset", { class: "safety stack", dataset: { test: "child-safety" } },
    h("legend", {}, `🛡️ ${t("rule_title")}`),
    h("div", { class: "check-row" }, okBox, h("label", { for: boxId }, t("rule_friends_ok"))),
    h("p", { class: "hint" }, t("rule_friends_ok_hint", { name: c.display_name })),
    h("div", { class: "field" }, h("label", { for: selId }, t("rule_messages", { name: c.display_name })), who,
      h("p", { class: "hint", id: hintId }, t("rule_messages_hint"))),
    said);
}

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
    h("a", { class: "btn btn-primary", href: `/family/${c.id}`, "data-link": true, dataset: { test: "child-open" } }, `📊 ${t("fam_open", { name: c.display_name })}`),
    safetyBlock(c, "card"));
}

/**
 * Friend requests to the grown-up's children that wait for a yes: each can be approved (the
 * child then answers it) or declined (it ends; the sender is not told).
 */
export function guardianRequests({ title = "fam_requests_title" } = {}) {
  const list = h("ul", { class: "friend-list" });
  const said = h("p", { class: "ok-note", role: "status", tabindex: "-1", dataset: { test: "guardian-said" } });
  const box = h("section", { class: "card stack guardian-box", hidden: true, dataset: { test: "guardian-requests" } },
    h("h2", {}, `🛡️ ${t(title)}`),
    h("p", { class: "muted" }, t("fam_requests_intro")),
    list, said);

  function row(q) {
    const who = q.from?.display_name ?? t("someone");
    const yes = h("button", { type: "button", class: "btn btn-small btn-primary", dataset: { test: "guardian-approve" } }, `✅ ${t("fam_request_yes")}`);
    const no = h("button", { type: "button", class: "btn btn-small", dataset: { test: "guardian-decline" } }, `✖️ ${t("fam_request_no")}`);
    const li = h("li", { class: "friend answer-row", dataset: { test: "guardian-request", id: String(q.id) } },
      h("span", { class: "friend-name" }, `${q.from?.avatar_emoji ?? "🙂"} `, t("fam_request_text", { who, child: q.child_name })),
      h("span", { class: "btn-pair" }, yes, no));
    const answer = async (action) => {
      yes.disabled = no.disabled = true;
      try {
        const r = await api("POST", `/api/family/requests/${q.id}/${action}`);
        // Focus would be lost with the row: move it to the next row's first button, or the list's note.
        const next = li.nextElementSibling ?? li.previousElementSibling;
        li.remove();
        said.textContent = r.status === "approved" ? t("fam_request_approved", { who, child: q.child_name }) : t("fam_request_declined", { who });
        (next?.querySelector("button") ?? said).focus?.();
        if (!list.children.length) list.replaceChildren(h("li", { class: "muted", dataset: { test: "guardian-none" } }, t("fam_requests_none")));
        // The notice about this request is answered too: the bell's count follows.
        api("GET", "/api/notifications?limit=1").then((n) => setState({ unread: n.unread_count })).catch(() => {});
      } catch (err) {
        yes.disabled = no.disabled = false;
        said.textContent = errorText(err);
        if (err.code === "request_not_found") li.remove();
      }
    };
    yes.addEventListener("click", () => answer("approve"));
    no.addEventListener("click", () => answer("decline"));
    return li;
  }

  async function load() {
    try {
      const r = await api("GET", "/api/family/requests");
      list.replaceChildren(...r.items.map(row));
      box.hidden = !r.items.length;
    } catch {
      // The children below still show; this box stays hidden.
    }
  }
  return { box, load };
}

export function familyView(root) {
  const list = h("ul", { class: "child-list", dataset: { test: "child-list" } });
  const status = h("p", { class: "muted", role: "status" }, t("working"));

  // Add a child.
  const username = field({ label: t("fam_child_username"), name: "username", hint: t("username_hint"), autocomplete: "off", attrs: { maxlength: 24, autocapitalize: "none", spellcheck: "false", "data-test": "child-username" } });
  const name = field({ label: t("fam_child_name"), name: "display_name", hint: t("fam_child_name_hint"), autocomplete: "off", attrs: { maxlength: 50, "data-test": "child-name" } });
  const secret = secretChooser({ inputTest: "child-password" });
  const lang = h("select", { id: "f-child-language", dataset: { test: "child-language" } },
    h("option", { value: "en", selected: getState().lang === "en" }, t("adm_lang_en")),
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

  const requests = guardianRequests();
  root.append(h("section", { class: "stack" },
    h("h1", {}, `👪 ${t("fam_title")}`),
    // "Ana's account was deleted", coming back from her page.
    nextNoteLine("family-said"),
    requests.box,
    h("p", {}, t("fam_intro")),
    list, status, addForm, linkForm));
  requests.load();

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
