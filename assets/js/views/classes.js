// My classes (teachers): each class with its join code shown big, making, renaming and deleting
// classes. One class's page is class-page.js.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { getState, setState } from "../store.js";
import { busy, field, h, toast } from "../ui.js";

/**
 * For a teacher who signed up and waits for an admin's OK: a friendly note instead of the form
 * to make a class, and a way to check again. `approved()` runs once the account is approved.
 */
function pendingPanel(approved) {
  const again = h("button", { type: "button", class: "btn", dataset: { test: "teacher-check-again" } }, `🔄 ${t("cls_pending_check")}`);
  const said = h("p", { class: "muted", role: "status" });
  again.addEventListener("click", () => busy(again, t("working"), async () => {
    try {
      const me = await api("GET", "/api/me");
      setState({ user: { ...getState().user, ...me } });
      if (me.pending_approval) said.textContent = t("cls_pending_still");
      else approved();
    } catch (err) {
      said.textContent = errorText(err);
    }
  }));
  return h("section", { class: "card stack pending-panel", role: "note", dataset: { test: "teacher-pending" } },
    h("h2", {}, h("span", { "aria-hidden": "true" }, "⏳ "), t("cls_pending_title")),
    h("p", {}, t("cls_pending_text")),
    h("p", { class: "muted" }, t("cls_pending_meanwhile")),
    h("div", { class: "btn-row" }, again, h("a", { class: "btn", href: "/library", "data-link": true }, `📚 ${t("cls_pending_library")}`)), said);
}

export function classesView(root) {
  const list = h("ul", { class: "class-list", dataset: { test: "class-list" } });
  const status = h("p", { class: "muted", role: "status" }, t("working"));
  const name = field({ label: t("cls_name"), name: "class_name", hint: t("cls_name_hint"), autocomplete: "off", attrs: { maxlength: 60, "data-test": "class-name" } });
  const create = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "class-create" } }, `➕ ${t("cls_create")}`);
  const form = h("form", { class: "card stack", novalidate: true, dataset: { test: "class-create-form" } }, h("h2", {}, `🏫 ${t("cls_new")}`), name.wrap, create);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    name.setError("");
    if (!name.input.value.trim()) return name.setError(t("cls_name_needed")), name.input.focus();
    await busy(create, t("working"), async () => {
      try {
        const r = await api("POST", "/api/classes", { name: name.input.value.trim(), utc_offset: -new Date().getTimezoneOffset() });
        name.input.value = "";
        toast(t("cls_created", { name: r.class.name }));
        load();
      } catch (err) {
        if (err.code === "teacher_pending") {
          setState({ user: { ...getState().user, pending_approval: true } });
          form.replaceWith(waiting());
        } else name.setError(errorText(err));
      }
    });
  });
  // A teacher an admin has not approved yet cannot make classes: say so kindly instead.
  const waiting = () => {
    const panel = pendingPanel(() => {
      panel.replaceWith(form);
      toast(t("cls_pending_done"));
      name.input.focus();
    });
    return panel;
  };
  const pending = Boolean(getState().user?.pending_approval);
  root.append(h("section", { class: "stack" }, h("h1", {}, `🍎 ${t("cls_title")}`), h("p", {}, t("cls_intro")), list, status, pending ? waiting() : form));

  function card(c) {
    const title = h("h2", { class: "class-title", dataset: { test: "class-title" } }, c.name);
    const code = h("span", { class: "join-code code-big", dataset: { test: "join-code" } }, c.join_code);
    const newCode = h("button", { type: "button", class: "btn btn-small", dataset: { test: "new-code" } }, `🔄 ${t("cls_new_code")}`);
    newCode.addEventListener("click", async () => {
      if (!confirm(t("cls_new_code_confirm"))) return;
      try {
        const r = await api("POST", `/api/classes/${c.id}/join-code`);
        code.textContent = r.join_code;
        toast(t("cls_code_changed"));
      } catch (err) {
        toast(errorText(err));
      }
    });
    // Renaming happens in place: the name becomes a field with Save and Cancel.
    const renameIn = h("input", { type: "text", value: c.name, maxlength: 60, "aria-label": t("cls_name"), dataset: { test: "rename-input" } });
    const renameSave = h("button", { type: "submit", class: "btn btn-small btn-primary", dataset: { test: "rename-save" } }, t("cls_save"));
    const renameCancel = h("button", { type: "button", class: "btn btn-small" }, t("cancel"));
    const renameForm = h("form", { class: "inline-form", hidden: true }, renameIn, renameSave, renameCancel);
    const rename = h("button", { type: "button", class: "btn btn-small", dataset: { test: "class-rename" } }, `✏️ ${t("cls_rename")}`);
    rename.addEventListener("click", () => {
      renameForm.hidden = false;
      renameIn.focus();
      renameIn.select();
    });
    renameCancel.addEventListener("click", () => {
      renameForm.hidden = true;
      rename.focus();
    });
    renameForm.addEventListener("submit", async (e) => {
      e.preventDefault();
      const value = renameIn.value.trim();
      if (!value) return renameIn.focus();
      try {
        const r = await api("PATCH", `/api/classes/${c.id}`, { name: value });
        c.name = r.class?.name ?? value;
        title.textContent = c.name;
        renameForm.hidden = true;
        toast(t("set_saved"));
      } catch (err) {
        toast(errorText(err));
      }
    });
    const del = h("button", { type: "button", class: "btn btn-small btn-danger", dataset: { test: "class-delete" } }, `🗑️ ${t("cls_delete")}`);
    del.addEventListener("click", async () => {
      if (!confirm(t("cls_delete_confirm", { name: c.name }))) return;
      try {
        await api("DELETE", `/api/classes/${c.id}`);
        toast(t("cls_deleted"));
        load();
      } catch (err) {
        toast(errorText(err));
      }
    });
    return h("li", { class: "card stack class-card", dataset: { test: "class-card", id: String(c.id) } },
      title, renameForm,
      h("div", { class: "code-row" }, h("span", {}, t("cls_join_code")), code),
      h("p", { class: "hint" }, t("cls_code_hint")),
      h("p", {},
        h("span", { dataset: { test: "class-members" } }, t("cls_members_n", { n: c.members ?? 0 })), " · ",
        h("span", { dataset: { test: "class-pending" } }, t("cls_pending_n", { n: c.pending ?? 0 }))),
      h("div", { class: "btn-row" },
        h("a", { class: "btn btn-primary btn-small", href: `/classes/${c.id}`, "data-link": true, dataset: { test: "class-open" } }, `👀 ${t("cls_open")}`),
        rename, newCode, del));
  }

  async function load() {
    try {
      const r = await api("GET", "/api/classes");
      list.replaceChildren(...r.items.map(card));
      status.textContent = r.items.length || getState().user?.pending_approval ? "" : t("cls_none");
    } catch (err) {
      status.textContent = errorText(err);
    }
  }
  load();
}
