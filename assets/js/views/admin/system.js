// Admin tabs for the whole site: announcements to everyone, the audit log, backups, exports.
// Files come through download() in api.js, so the sign-in goes with them.

import { api, download } from "../../api.js";
import { dataTable } from "../../charts.js";
import { errorText, t } from "../../i18n.js";
import { busy, bytesText, field, h, toast, whenText } from "../../ui.js";

export function announcementsTab(box) {
  const title = field({ label: t("adm_ann_title"), name: "title", autocomplete: "off", attrs: { maxlength: 120, "data-test": "announce-title" } });
  const body = h("textarea", { id: "f-ann-body", rows: 5, maxlength: 2000, dataset: { test: "announce-body" } });
  const problem = h("p", { class: "error", role: "alert" });
  const send = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "announce-send" } }, `📣 ${t("adm_ann_send")}`);
  const form = h("form", { class: "card stack", novalidate: true, dataset: { test: "announce-form" } },
    h("p", {}, t("adm_ann_intro")), title.wrap,
    h("div", { class: "field" }, h("label", { for: "f-ann-body" }, t("adm_ann_body")), body), problem, send);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    problem.textContent = "";
    if (!title.input.value.trim()) return title.input.focus();
    if (!body.value.trim()) return body.focus();
    await busy(send, t("working"), async () => {
      try {
        const r = await api("POST", "/api/admin/announcements", { title: title.input.value.trim(), body: body.value.trim() });
        toast(t("adm_ann_sent", { n: r.recipients ?? 0 }));
        title.input.value = "";
        body.value = "";
      } catch (err) {
        problem.textContent = errorText(err);
      }
    });
  });
  box.append(form);
}

export function auditTab(box) {
  // The action filter matches whole names ("user_suspended"); the ones already seen are offered.
  const known = h("datalist", { id: "audit-actions" });
  const action = h("input", { type: "search", list: "audit-actions", placeholder: t("adm_audit_action"), "aria-label": t("adm_audit_action"), dataset: { test: "audit-action" } });
  const actor = h("input", { type: "search", placeholder: t("adm_audit_actor"), "aria-label": t("adm_audit_actor"), dataset: { test: "audit-actor" } });
  const csv = h("button", { type: "button", class: "btn btn-small", dataset: { test: "audit-csv" } }, `⬇️ ${t("adm_csv")}`);
  const more = h("button", { type: "button", class: "btn", hidden: true, dataset: { test: "audit-more" } }, t("adm_more"));
  const note = h("p", { class: "muted", role: "status" });
  const list = h("div", {});
  let cursor = null;
  let items = [];
  let seq = 0;
  let typing = null;
  const query = () => {
    const p = new URLSearchParams();
    if (action.value.trim()) p.set("action", action.value.trim());
    if (actor.value.trim()) p.set("actor", actor.value.trim());
    return p;
  };
  for (const input of [action, actor]) {
    input.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => load(true), 300);
    });
  }
  more.addEventListener("click", () => load(false));
  csv.addEventListener("click", () => busy(csv, t("working"), async () => {
    const p = query();
    p.set("format", "csv");
    try {
      await download(`/api/admin/audit?${p}`, "audit.csv");
    } catch (err) {
      toast(errorText(err));
    }
  }));
  box.append(h("div", { class: "lib-controls", role: "search" }, action, known, actor, csv), note, list, more);

  async function load(reset) {
    const mine = ++seq;
    const p = query();
    if (!reset && cursor) p.set("cursor", cursor);
    note.textContent = t("working");
    try {
      const r = await api("GET", `/api/admin/audit?${p}`);
      if (mine !== seq) return;
      items = reset ? r.items : items.concat(r.items);
      const seen = new Set([...known.children].map((o) => o.value));
      for (const a of items) if (!seen.has(a.action)) seen.add(a.action) && known.append(h("option", { value: a.action }));
      cursor = r.next_cursor ?? null;
      more.hidden = !cursor;
      note.textContent = items.length ? "" : t("adm_audit_none");
      list.replaceChildren(items.length ? dataTable({
        test: "audit-list",
        rowTest: "audit-row",
        columns: [
          { label: t("adm_when"), value: (a) => whenText(a.at) },
          { label: t("adm_who"), value: (a) => (a.actor ? `@${a.actor.username}` : "—") },
          { label: t("adm_action"), value: (a) => a.action },
          { label: t("adm_target"), value: (a) => (a.target_type ? `${a.target_type} ${a.target_id ?? ""}` : "") },
          { label: "IP", value: (a) => a.ip ?? "" },
          { label: t("adm_detail"), value: (a) => (a.detail && typeof a.detail === "object" ? JSON.stringify(a.detail) : (a.detail ?? "")) },
        ],
        rows: items,
      }) : "");
    } catch (err) {
      if (mine === seq) note.textContent = errorText(err);
    }
  }
  load(true);
}

export function backupsTab(box) {
  const now = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "backup-now" } }, `💾 ${t("adm_backup_now")}`);
  const progress = h("div", { class: "backup-progress", hidden: true, role: "status", dataset: { test: "backup-progress" } },
    h("progress", { "aria-label": t("adm_backup_working") }), h("span", {}, t("adm_backup_working")));
  const list = h("ul", { class: "friend-list", dataset: { test: "backup-list" } });
  const note = h("p", { class: "muted", role: "status" }, t("working"));
  now.addEventListener("click", async () => {
    progress.hidden = false;
    try {
      await busy(now, t("adm_backup_working"), async () => {
        const r = await api("POST", "/api/admin/backups");
        toast(t("adm_backup_done", { name: r.backup?.name ?? "" }));
        await load();
      });
    } catch (err) {
      toast(errorText(err));
    } finally {
      progress.hidden = true;
    }
  });
  box.append(h("p", {}, t("adm_backup_intro")), h("div", { class: "btn-row" }, now), progress, note, list);

  function row(b) {
    const get = h("button", { type: "button", class: "btn btn-small", dataset: { test: "backup-download" } }, `⬇️ ${t("adm_download")}`);
    get.addEventListener("click", () => busy(get, t("working"), async () => {
      try {
        await download(`/api/admin/backups/${encodeURIComponent(b.name)}`, b.name);
      } catch (err) {
        toast(errorText(err));
      }
    }));
    return h("li", { class: "friend", dataset: { test: "backup-row", name: b.name } },
      h("span", { class: "friend-name" }, b.name),
      h("span", { class: "muted" }, `${bytesText(b.bytes)} · ${whenText(b.created_at)}`), get);
  }

  async function load() {
    try {
      const r = await api("GET", "/api/admin/backups");
      list.replaceChildren(...r.items.map(row));
      note.textContent = r.items.length ? "" : t("adm_no_backups");
    } catch (err) {
      note.textContent = errorText(err);
    }
  }
  load();
}

export function exportTab(box) {
  const what = ["users", "stories", "comments", "audit"];
  const grid = h("div", { class: "export-grid", dataset: { test: "export-grid" } }, ...what.map((w) =>
    h("div", { class: "card stack export-card" },
      h("h3", {}, t(`adm_export_${w}`)),
      h("div", { class: "btn-row" }, ...["csv", "json"].map((format) => {
        const b = h("button", { type: "button", class: "btn btn-small", dataset: { test: `export-${w}-${format}` } }, `⬇️ ${format.toUpperCase()}`);
        b.addEventListener("click", () => busy(b, t("working"), async () => {
          try {
            const r = await download(`/api/admin/export?what=${w}&format=${format}`, `pixeltales-${w}.${format}`);
            toast(t("adm_export_done", { name: r.name }));
          } catch (err) {
            toast(errorText(err));
          }
        }));
        return b;
      })))));
  box.append(h("p", {}, t("adm_export_intro")), grid);
}
