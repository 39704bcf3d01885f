// Admin users: search and filters, and a panel per person to change the role, pause (suspend)
// until a day, lift a pause, archive or restore, make a password reset code, see what they
// did lately, and delete the account for good (after a confirm step).

import { api } from "../../api.js";
import { errorText, t } from "../../i18n.js";
import { codeBox, field, h, toast, whenText } from "../../ui.js";

const ROLES = ["child", "parent", "teacher", "admin"];
const STATUSES = ["active", "suspended", "archived"];

/** The end of a chosen day (input type=date, "YYYY-MM-DD") on this device's clock, in Unix seconds. */
export function endOfDay(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || "");
  if (!m) return null;
  return Math.floor(new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59).getTime() / 1000);
}

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function statusText(u) {
  if (u.status === "suspended") return u.suspended_until ? t("adm_paused_until", { when: whenText(u.suspended_until) }) : t("adm_status_suspended");
  return t(`adm_status_${u.status}`);
}

/** A teacher who signed up and waits for an admin to approve them. */
function waitingTeacher(u) {
  return u.role === "teacher" && Boolean(u.pending_approval);
}

function select(options, attrs) {
  return h("select", attrs, ...options.map(([value, label]) => h("option", { value }, label)));
}

export function usersTab(box) {
  const params = new URLSearchParams(location.search);
  const q = h("input", { type: "search", value: params.get("q") ?? "", placeholder: t("adm_user_search"), "aria-label": t("adm_user_search"), dataset: { test: "user-search" } });
  const role = select([["", t("adm_any_role")], ...ROLES.map((r) => [r, t(`role_${r}`)])], { "aria-label": t("adm_role"), dataset: { test: "user-role-filter" } });
  const status = select([["", t("adm_any_status")], ...STATUSES.map((s) => [s, t(`adm_status_${s}`)])], { "aria-label": t("adm_status"), dataset: { test: "user-status-filter" } });
  const list = h("ul", { class: "user-list", dataset: { test: "user-list" } });
  const note = h("p", { class: "muted", role: "status" });
  const more = h("button", { type: "button", class: "btn", hidden: true, dataset: { test: "user-more" } }, t("adm_more"));
  box.append(h("div", { class: "lib-controls", role: "search" }, q, role, status), note, list, more);

  let cursor = null;
  let seq = 0;
  let typing = null;
  q.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => load(true), 300);
  });
  role.addEventListener("change", () => load(true));
  status.addEventListener("change", () => load(true));
  more.addEventListener("click", () => load(false));

  async function load(reset) {
    const mine = ++seq;
    if (reset) cursor = null;
    const query = new URLSearchParams({ limit: "30" });
    if (q.value.trim()) query.set("q", q.value.trim());
    if (role.value) query.set("role", role.value);
    if (status.value) query.set("status", status.value);
    if (cursor) query.set("cursor", cursor);
    note.textContent = t("working");
    try {
      const r = await api("GET", `/api/admin/users?${query}`);
      if (mine !== seq) return;
      if (reset) list.replaceChildren();
      list.append(...r.items.map(row));
      cursor = r.next_cursor ?? null;
      more.hidden = !cursor;
      note.textContent = list.children.length ? "" : t("adm_no_users");
    } catch (err) {
      if (mine === seq) note.textContent = errorText(err);
    }
  }

  function summary(u) {
    return [
      h("span", { class: "friend-name" }, `${u.display_name} `, h("span", { class: "muted" }, `@${u.username}`)),
      h("span", { class: "tag" }, t(`role_${u.role}`)),
      h("span", { class: u.status === "active" ? "tag tag-ok" : "tag tag-bad", dataset: { test: "user-status" } }, statusText(u)),
      waitingTeacher(u) ? h("span", { class: "tag tag-wait", dataset: { test: "user-pending" } }, `⏳ ${t("adm_waiting_approval")}`) : null,
      u.flagged || u.violation_count ? h("span", { class: "tag tag-bad" }, `⚠️ ${t("adm_violations", { n: u.violation_count ?? 0 })}`) : null,
    ].filter(Boolean);
  }

  function row(u) {
    const spot = h("div", { class: "user-panel-spot" });
    const open = h("button", { type: "button", class: "user-row", "aria-expanded": "false", dataset: { test: "user-row", id: String(u.id) } }, ...summary(u));
    open.addEventListener("click", () => {
      const opening = open.getAttribute("aria-expanded") !== "true";
      open.setAttribute("aria-expanded", String(opening));
      if (!opening) return spot.replaceChildren();
      spot.replaceChildren(h("p", { class: "muted", role: "status" }, t("working")));
      panel(u.id, spot, (fresh) => {
        Object.assign(u, fresh);
        open.replaceChildren(...summary(u));
      }, (r) => {
        // Deleted: the row goes, and the list's status line says what was removed.
        item.remove();
        note.textContent = t("adm_deleted", { name: u.username, ...(r?.removed ?? {}) });
        note.setAttribute("tabindex", "-1");
        note.focus();
      });
    });
    const item = h("li", { class: "user-item" }, open, spot);
    return item;
  }

  load(true);
}

/** The panel under a row: loads the person and offers the actions. */
async function panel(id, spot, changed, gone) {
  let d;
  try {
    d = await api("GET", `/api/admin/users/${id}`);
  } catch (err) {
    return spot.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
  }
  const u = d.user;
  const reason = field({ label: t("adm_reason"), name: "reason", hint: t("adm_reason_hint"), autocomplete: "off", attrs: { maxlength: 300, "data-test": "user-reason" } });
  const problem = h("p", { class: "error", role: "alert", dataset: { test: "user-error" } });

  async function patch(body, needsReason = false) {
    problem.textContent = "";
    const why = reason.input.value.trim();
    if (needsReason && !why) {
      reason.setError(t("adm_reason_needed"));
      return reason.input.focus();
    }
    reason.setError("");
    try {
      const r = await api("PATCH", `/api/admin/users/${id}`, why ? { ...body, reason: why } : body);
      changed(r.user);
      toast(t("adm_saved"));
      panel(id, spot, changed, gone);
    } catch (err) {
      problem.textContent = errorText(err);
    }
  }

  // Role.
  const roleSel = select(ROLES.map((r) => [r, t(`role_${r}`)]), { id: `f-role-${id}`, dataset: { test: "user-role" } });
  roleSel.value = u.role;
  const roleSave = h("button", { type: "button", class: "btn btn-small", dataset: { test: "user-role-save" } }, t("adm_role_save"));
  roleSave.addEventListener("click", () => roleSel.value !== u.role && confirm(t("adm_role_confirm", { name: u.username, role: t(`role_${roleSel.value}`) })) && patch({ role: roleSel.value }));

  // Pause until the end of a chosen day.
  const date = h("input", { type: "date", id: `f-until-${id}`, min: today(), dataset: { test: "suspend-date" } });
  const suspend = h("button", { type: "button", class: "btn btn-small btn-danger", dataset: { test: "suspend" } }, `⏸️ ${t("adm_suspend")}`);
  suspend.addEventListener("click", () => {
    const until = endOfDay(date.value);
    if (!until || until * 1000 <= Date.now()) {
      problem.textContent = t("adm_pick_day");
      return date.focus();
    }
    patch({ status: "suspended", suspended_until: until }, true);
  });
  const lift = h("button", { type: "button", class: "btn btn-small", dataset: { test: "unsuspend" } }, `▶️ ${t("adm_lift")}`);
  lift.addEventListener("click", () => patch({ status: "active" }));
  const archive = h("button", { type: "button", class: "btn btn-small btn-danger", dataset: { test: "archive" } }, `📦 ${t("adm_archive")}`);
  archive.addEventListener("click", () => confirm(t("adm_archive_confirm", { name: u.username })) && patch({ status: "archived" }, true));
  const restore = h("button", { type: "button", class: "btn btn-small", dataset: { test: "restore" } }, `♻️ ${t("adm_restore")}`);
  restore.addEventListener("click", () => patch({ status: "active" }));

  // A one-time code the person uses to set a new password (POST /api/auth/reset).
  const codeSpot = h("div", { dataset: { test: "reset-code-box" } });
  const reset = h("button", { type: "button", class: "btn btn-small", dataset: { test: "reset-code" } }, `🔑 ${t("adm_reset_code")}`);
  reset.addEventListener("click", async () => {
    try {
      const r = await api("POST", `/api/admin/users/${id}/reset-code`);
      codeSpot.replaceChildren(codeBox(r.code, t("code_expires", { when: whenText(r.expires_at) }), "reset-code-value"), h("p", { class: "hint" }, t("adm_reset_hint", { name: u.username })));
    } catch (err) {
      problem.textContent = errorText(err);
    }
  });

  // A teacher who signed up makes classes only once approved.
  const approve = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "approve-teacher" } }, `✅ ${t("adm_approve_teacher")}`);
  approve.addEventListener("click", () => patch({ approved: true }));
  const approval = waitingTeacher(u)
    ? h("div", { class: "card stack pending-panel", dataset: { test: "teacher-approval" } },
      h("p", {}, `⏳ ${t("adm_approve_intro", { name: u.display_name })}`),
      h("div", { class: "btn-row" }, approve))
    : null;

  // Deleting for good: a second step says what goes and what stays, then a final button.
  const delId = `user-delete-${id}`;
  const del = h("button", { type: "button", class: "btn btn-small btn-danger", "aria-expanded": "false", "aria-controls": delId, dataset: { test: "user-delete" } }, `🗑️ ${t("adm_delete")}`);
  const delYes = h("button", { type: "button", class: "btn btn-danger", dataset: { test: "user-delete-confirm" } }, `🗑️ ${t("adm_delete_confirm", { name: u.username })}`);
  const delNo = h("button", { type: "button", class: "btn", dataset: { test: "user-delete-cancel" } }, t("adm_delete_cancel"));
  const delError = h("p", { class: "error", role: "alert", dataset: { test: "user-delete-error" } });
  const delBox = h("div", { class: "card stack leave-panel", id: delId, hidden: true, dataset: { test: "user-delete-panel" } },
    h("p", { tabindex: "-1" }, h("strong", {}, `⚠️ ${t("adm_delete_title", { name: u.username })}`)),
    h("p", {}, t("adm_delete_intro")),
    h("p", {}, h("strong", {}, t("leave_forever"))),
    delError,
    h("div", { class: "btn-row" }, delYes, delNo));
  const showDelete = (opening) => {
    delBox.hidden = !opening;
    del.setAttribute("aria-expanded", String(opening));
    delError.textContent = "";
    (opening ? delBox.querySelector("p") : del).focus();
  };
  del.addEventListener("click", () => showDelete(delBox.hidden));
  delNo.addEventListener("click", () => showDelete(false));
  delBox.addEventListener("keydown", (e) => e.key === "Escape" && showDelete(false));
  delYes.addEventListener("click", async () => {
    delError.textContent = "";
    delYes.disabled = true;
    try {
      gone(await api("DELETE", `/api/admin/users/${id}`));
    } catch (err) {
      delError.textContent = errorText(err);
      delYes.disabled = false;
    }
  });

  const sessions = Array.isArray(d.sessions) ? d.sessions.length : (d.sessions ?? 0);
  const facts = h("dl", { class: "facts", dataset: { test: "user-facts" } },
    h("dt", {}, t("adm_status")), h("dd", {}, statusText(u)),
    h("dt", {}, t("adm_role")), h("dd", {}, t(`role_${u.role}`)),
    h("dt", {}, t("adm_joined")), h("dd", {}, whenText(u.created_at)),
    h("dt", {}, t("adm_last_seen")), h("dd", {}, u.last_seen_at ? whenText(u.last_seen_at) : t("cls_never")),
    h("dt", {}, t("adm_violations_label")), h("dd", {}, String(u.violation_count ?? 0)),
    h("dt", {}, t("adm_sessions")), h("dd", {}, String(sessions)));
  const audit = (d.audit ?? []).slice(0, 20);
  const stories = d.stories ?? [];
  const comments = (d.comments ?? []).slice(0, 10);
  spot.replaceChildren(h("div", { class: "card stack user-panel", dataset: { test: "user-panel" } },
    approval, facts, problem, reason.wrap,
    h("div", { class: "field" }, h("label", { for: `f-role-${id}` }, t("adm_role")), h("div", { class: "inline-form" }, roleSel, roleSave)),
    u.status === "suspended"
      ? h("div", { class: "btn-row" }, lift)
      : u.status === "active"
        ? h("div", { class: "field" }, h("label", { for: `f-until-${id}` }, t("adm_suspend_until")), h("div", { class: "inline-form" }, date, suspend))
        : null,
    h("div", { class: "btn-row" }, u.status === "archived" ? restore : archive, reset, del),
    delBox,
    codeSpot,
    h("h4", {}, t("adm_recent")),
    audit.length ? h("ul", { class: "plain-list", dataset: { test: "user-audit" } }, ...audit.map((a) =>
      h("li", {}, h("span", { class: "muted" }, whenText(a.at)), ` ${a.action}`, a.target_type ? ` · ${a.target_type} ${a.target_id ?? ""}` : ""))) : h("p", { class: "muted" }, t("pr_none")),
    h("h4", {}, t("adm_their_stories", { n: stories.length })),
    stories.length ? h("ul", { class: "plain-list" }, ...stories.map((s) =>
      h("li", {}, s.status === "published" && !s.hidden ? h("a", { href: `/read/${s.id}`, "data-link": true }, s.title) : s.title,
        ` · ${s.status === "draft" ? t("st_draft") : t("st_in_library")}`, s.hidden ? ` · 🙈 ${t("adm_hidden")}` : ""))) : null,
    h("h4", {}, t("adm_their_comments")),
    comments.length ? h("ul", { class: "plain-list" }, ...comments.map((c) =>
      h("li", {}, h("span", { class: "muted" }, whenText(c.created_at)), ` “${c.text}”`, c.hidden ? ` · 🙈 ${t("adm_hidden")}` : ""))) : h("p", { class: "muted" }, t("pr_none"))));
}
