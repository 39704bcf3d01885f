// My classes (teachers): each class with its join code shown big, making, renaming and deleting
// classes; one class's page with join requests, members and the class report (also as CSV).

import { api, download } from "../api.js";
import { dataTable } from "../charts.js";
import { errorText, t } from "../i18n.js";
import { getState, setState } from "../store.js";
import { busy, field, h, toast, whenText } from "../ui.js";

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
        const r = await api("POST", "/api/classes", { name: name.input.value.trim() });
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

/** A games average as "80%"; "–" for a student who has not played (nothing in the totals row). */
function percent(value, total) {
  if (value === null || value === undefined) return total ? "" : "–";
  return `${Math.round(value)}%`;
}

export function classView(root, { id }) {
  const box = h("section", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(h("a", { class: "btn btn-small", href: "/classes", "data-link": true, dataset: { test: "back-classes" } }, `◀ ${t("cls_back")}`), box);
  const pending = h("ul", { class: "friend-list", dataset: { test: "pending-list" } });
  const members = h("ul", { class: "friend-list", dataset: { test: "member-list" } });
  const report = h("div", { dataset: { test: "report" } });
  const csv = h("button", { type: "button", class: "btn", dataset: { test: "report-csv" } }, `⬇️ ${t("cls_csv")}`);
  csv.addEventListener("click", () => busy(csv, t("working"), async () => {
    try {
      await download(`/api/classes/${id}/report?format=csv`, `class-${id}-report.csv`);
    } catch (err) {
      toast(errorText(err));
    }
  }));

  const person = (m) => `${m.avatar_emoji ?? "🙂"} ${m.display_name} (@${m.username})`;

  async function act(method, path, done) {
    try {
      await api(method, path);
      toast(done);
      load();
    } catch (err) {
      toast(errorText(err));
    }
  }

  async function load() {
    try {
      const [c, r] = await Promise.all([api("GET", `/api/classes/${id}`), api("GET", `/api/classes/${id}/report`)]);
      pending.replaceChildren(...(c.pending.length ? c.pending.map((m) => {
        const yes = h("button", { type: "button", class: "btn btn-small btn-primary", dataset: { test: "approve" } }, `✅ ${t("cls_approve")}`);
        const no = h("button", { type: "button", class: "btn btn-small", dataset: { test: "reject" } }, `✖️ ${t("cls_reject")}`);
        yes.addEventListener("click", () => act("POST", `/api/classes/${id}/members/${m.id}/approve`, t("cls_approved", { name: m.display_name })));
        no.addEventListener("click", () => act("DELETE", `/api/classes/${id}/members/${m.id}`, t("cls_rejected", { name: m.display_name })));
        return h("li", { class: "friend", dataset: { test: "pending-row", id: String(m.id) } },
          h("span", { class: "friend-name" }, person(m)),
          m.requested_at ? h("span", { class: "muted" }, whenText(m.requested_at)) : null, yes, no);
      }) : [h("li", { class: "muted" }, t("cls_no_pending"))]));
      members.replaceChildren(...(c.members.length ? c.members.map((m) => {
        const out = h("button", { type: "button", class: "btn btn-small", dataset: { test: "remove-member" } }, `🚪 ${t("cls_remove")}`);
        out.addEventListener("click", () => confirm(t("cls_remove_confirm", { name: m.display_name })) && act("DELETE", `/api/classes/${id}/members/${m.id}`, t("cls_removed", { name: m.display_name })));
        return h("li", { class: "friend", dataset: { test: "member-row", id: String(m.id) } }, h("span", { class: "friend-name" }, person(m)), out);
      }) : [h("li", { class: "muted" }, t("cls_no_members"))]));
      report.replaceChildren(r.students.length ? dataTable({
        caption: t("cls_report_caption", { name: c.class.name }),
        test: "report-table",
        rowTest: "report-row",
        columns: [
          { label: t("cls_student"), value: (s) => s.display_name },
          { label: t("stat_stories_published"), value: (s) => s.stories_published },
          { label: t("stat_drafts"), value: (s) => s.drafts ?? "" },
          { label: t("stat_pages_written"), value: (s) => s.pages_written },
          { label: t("stat_stories_read"), value: (s) => s.stories_read },
          { label: t("stat_xp"), value: (s) => s.xp ?? "" },
          { label: t("cls_games"), value: (s) => s.games_played ?? (s.total ? "" : 0) },
          { label: t("cls_games_average"), value: (s) => percent(s.games_average, s.total) },
          { label: t("cls_last_active"), value: (s) => (s.total ? "" : s.last_active_at ? whenText(s.last_active_at, true) : t("cls_never")) },
        ],
        rows: r.students,
        foot: { ...r.totals, total: true, display_name: t("cls_totals", { n: r.totals?.students ?? r.students.length }) },
      }) : h("p", { class: "muted" }, t("cls_no_members")));
      box.replaceChildren(
        h("h1", { dataset: { test: "class-title" } }, `🏫 ${c.class.name}`),
        h("div", { class: "code-row" }, h("span", {}, t("cls_join_code")), h("span", { class: "join-code code-big", dataset: { test: "join-code" } }, c.class.join_code)),
        h("h2", {}, `🙋 ${t("cls_requests")}`), pending,
        h("h2", {}, `👧 ${t("cls_members")}`), members,
        h("h2", {}, `📊 ${t("cls_report")}`), report, h("div", { class: "btn-row" }, csv));
    } catch (err) {
      box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
    }
  }
  load();
}
