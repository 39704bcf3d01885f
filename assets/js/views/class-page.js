// One class, for its teacher: sign-in (open, closed or in school hours) with its link and QR
// code, stories waiting for approval, adding children from a pasted list, the children with
// what the teacher can do for each, join requests, the report, and the end of the year.

import { api, download, startLook } from "../api.js";
import { dataTable } from "../charts.js";
import { errorText, t } from "../i18n.js";
import { busy, h, toast, whenText } from "../ui.js";
import { rosterBox } from "./class-roster.js";

/** A games average as "80%"; "–" for a student who has not played (nothing in the totals row). */
function percent(value, total) {
  if (value === null || value === undefined) return total ? "" : "–";
  return `${Math.round(value)}%`;
}

/** A QR code made by the server, shown as an image (never as markup in the page). */
export function qrImage(svg, alt, test) {
  return h("img", { class: "qr", src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt, width: 160, height: 160, dataset: { test } });
}

/** Pictures as a row of emoji with their names for screen readers. */
export function pictureRow(pictures, test = "kid-pictures") {
  if (!pictures) return null;
  return h("span", { class: "pic-row", role: "img", "aria-label": pictures.map((p) => t("pic_name", { name: p.id })).join(", "), dataset: { test, pics: pictures.map((p) => p.id).join("-") } }, pictures.map((p) => p.emoji).join(" "));
}

function signinBox(c, link) {
  const modes = ["open", "hours", "closed"];
  let mode = c.signin;
  const radios = h("div", { class: "chips", role: "radiogroup", "aria-label": t("csi_rule") });
  const from = h("input", { type: "time", value: c.hours_from, "aria-label": t("csi_from"), dataset: { test: "hours-from" } });
  const to = h("input", { type: "time", value: c.hours_to, "aria-label": t("csi_to"), dataset: { test: "hours-to" } });
  const hours = h("div", { class: "hours-row" }, h("label", {}, t("csi_from"), " ", from), h("label", {}, t("csi_to"), " ", to));
  const draw = () => {
    for (const b of radios.children) b.setAttribute("aria-checked", String(b.dataset.mode === mode));
    hours.hidden = mode !== "hours";
  };
  for (const m of modes) {
    const b = h("button", { type: "button", class: "chip", role: "radio", dataset: { mode: m, test: `signin-${m}` } }, t(`csi_mode_${m}`));
    b.addEventListener("click", () => {
      mode = m;
      draw();
    });
    radios.append(b);
  }
  draw();
  const save = h("button", { type: "button", class: "btn btn-primary btn-small", dataset: { test: "signin-save" } }, t("cls_save"));
  save.addEventListener("click", () => busy(save, t("working"), async () => {
    try {
      // The hours are the teacher's own: the browser's offset goes with them.
      const r = await api("PATCH", `/api/classes/${c.id}/settings`, { signin: mode, hours_from: from.value || c.hours_from, hours_to: to.value || c.hours_to, utc_offset: -new Date().getTimezoneOffset() });
      // Only this box changes: the rest of the page (a half-typed list of names) stays.
      drawState(r.class.signin_open_now);
      toast(t("set_saved"));
    } catch (err) {
      toast(errorText(err));
    }
  }));
  const state = h("p", { class: "signin-state", role: "status", dataset: { test: "signin-state" } });
  const drawState = (open) => {
    state.classList.toggle("open", open);
    state.textContent = open ? `🟢 ${t("csi_open_now")}` : `🌙 ${t("csi_closed_now")}`;
  };
  drawState(c.signin_open_now);
  return h("section", { class: "card stack signin-box" },
    h("h2", {}, `🔑 ${t("csi_box")}`), state,
    h("div", { class: "signin-link" },
      link?.qr_svg ? qrImage(link.qr_svg, t("csi_qr_alt", { name: c.name }), "signin-qr") : null,
      h("div", { class: "stack" },
        h("p", {}, t("csi_link_hint")),
        link?.url ? h("a", { href: link.url, class: "signin-url", dataset: { test: "signin-url" } }, link.url) : null,
        h("div", { class: "code-row" }, h("span", {}, t("cls_join_code")), h("span", { class: "join-code code-big", dataset: { test: "join-code" } }, c.join_code)))),
    radios, hours, h("div", { class: "btn-row" }, save));
}

function waitingBox(c, items, reload) {
  const list = h("ul", { class: "friend-list", dataset: { test: "waiting-list" } });
  list.replaceChildren(...(items.length ? items.map((w) => {
    const note = h("textarea", { rows: 2, maxlength: 300, "aria-label": t("rev_note"), placeholder: t("rev_note_hint"), dataset: { test: "review-note" } });
    const send = h("button", { type: "submit", class: "btn btn-small" }, `↩️ ${t("rev_send_back")}`);
    const problem = h("p", { class: "error", role: "alert" });
    const form = h("form", { class: "stack review-return", hidden: true }, note, problem, h("div", { class: "btn-row" }, send));
    const back = h("button", { type: "button", class: "btn btn-small", "aria-expanded": "false", dataset: { test: "review-return" } }, `↩️ ${t("rev_return")}`);
    back.addEventListener("click", () => {
      form.hidden = !form.hidden;
      back.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) note.focus();
    });
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      busy(send, t("working"), async () => {
        try {
          await api("POST", `/api/classes/${c.id}/reviews/${w.story.id}/return`, { note: note.value.trim() });
          toast(t("rev_returned", { name: w.author.display_name }));
          reload();
        } catch (err) {
          problem.textContent = errorText(err);
        }
      });
    });
    return h("li", { class: "friend", dataset: { test: "waiting-row", id: String(w.story.id) } },
      h("span", { class: "friend-name" }, `${w.author.avatar_emoji} ${w.author.display_name}: “${w.story.title}”`),
      h("a", { class: "btn btn-small btn-primary", href: `/read/${w.story.id}`, "data-link": true, dataset: { test: "review-read" } }, `📖 ${t("rev_read_decide")}`),
      back, form);
  }) : [h("li", { class: "muted" }, t("rev_none"))]));
  const toggle = h("input", { type: "checkbox", id: `approval-${c.id}`, checked: c.needs_approval, dataset: { test: "approval-toggle" } });
  toggle.addEventListener("change", async () => {
    try {
      await api("PATCH", `/api/classes/${c.id}/settings`, { needs_approval: toggle.checked });
      toast(t("set_saved"));
    } catch (err) {
      toggle.checked = !toggle.checked;
      toast(errorText(err));
    }
  });
  return h("section", { class: "card stack" },
    h("h2", {}, `⏳ ${t("rev_title")}`),
    h("div", { class: "check-row" }, toggle, h("label", { for: `approval-${c.id}` }, t("rev_toggle"))),
    list);
}

function memberRow(c, m, classes, act) {
  const tools = [];
  if (m.managed) {
    const pics = h("button", { type: "button", class: "btn btn-small", dataset: { test: "new-pictures" } }, `🔄 ${t("cls_new_pictures")}`);
    pics.addEventListener("click", () => confirm(t("cls_new_pictures_confirm", { name: m.display_name })) && busy(pics, t("working"), async () => {
      try {
        const r = await api("POST", `/api/classes/${c.id}/members/${m.id}/password`, {});
        toast(t("cls_new_pictures_done", { name: m.display_name, pics: r.pictures.map((p) => p.emoji).join(" ") }), 6000);
        act();
      } catch (err) {
        toast(errorText(err));
      }
    }));
    const look = h("button", { type: "button", class: "btn btn-small", dataset: { test: "look-as" } }, `👀 ${t("look_start", { name: m.display_name })}`);
    look.addEventListener("click", () => busy(look, t("working"), async () => {
      try {
        startLook(await api("POST", `/api/classes/${c.id}/members/${m.id}/view-as`), `/classes/${c.id}`);
        location.assign("/");
      } catch (err) {
        toast(errorText(err));
      }
    }));
    tools.push(pics, look);
  }
  const others = classes.filter((x) => x.id !== c.id && !x.archived);
  if (others.length) {
    const where = h("select", { "aria-label": t("cls_move_to", { name: m.display_name }), dataset: { test: "move-to" } },
      h("option", { value: "" }, t("cls_move")), ...others.map((x) => h("option", { value: String(x.id) }, x.name)));
    where.addEventListener("change", async () => {
      if (!where.value) return;
      try {
        await api("POST", `/api/classes/${c.id}/members/${m.id}/move`, { class_id: Number(where.value) });
        toast(t("cls_moved", { name: m.display_name }));
        act();
      } catch (err) {
        toast(errorText(err));
      }
    });
    tools.push(where);
  }
  const out = h("button", { type: "button", class: "btn btn-small", dataset: { test: "remove-member" } }, `🚪 ${t("cls_remove")}`);
  out.addEventListener("click", async () => {
    if (!confirm(t(m.managed ? "cls_remove_managed_confirm" : "cls_remove_confirm", { name: m.display_name }))) return;
    try {
      await api("DELETE", `/api/classes/${c.id}/members/${m.id}`);
      toast(t("cls_removed", { name: m.display_name }));
      act();
    } catch (err) {
      toast(errorText(err));
    }
  });
  tools.push(out);
  return h("li", { class: "friend member", dataset: { test: "member-row", id: String(m.id), managed: String(m.managed) } },
    h("span", { class: "friend-name" }, `${m.avatar_emoji ?? "🙂"} ${m.display_name}`, h("span", { class: "muted" }, ` @${m.username}`)),
    pictureRow(m.pictures), h("span", { class: "member-tools" }, ...tools));
}

export function classView(root, { id }) {
  const box = h("section", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(h("a", { class: "btn btn-small", href: "/classes", "data-link": true, dataset: { test: "back-classes" } }, `◀ ${t("cls_back")}`), box);
  const csv = h("button", { type: "button", class: "btn", dataset: { test: "report-csv" } }, `⬇️ ${t("cls_csv")}`);
  csv.addEventListener("click", () => busy(csv, t("working"), async () => {
    try {
      await download(`/api/classes/${id}/report?format=csv`, `class-${id}-report.csv`);
    } catch (err) {
      toast(errorText(err));
    }
  }));

  async function act(method, path, done) {
    try {
      await api(method, path);
      toast(done);
      load();
    } catch (err) {
      toast(errorText(err));
    }
  }

  function report(c, r) {
    if (!r.students.length) return h("p", { class: "muted" }, t("cls_no_members"));
    return dataTable({
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
        { label: t("cls_last_active"), value: (s) => (s.total ? "" : s.last_active_at ? whenText(s.last_active_at) : t("cls_never")) },
      ],
      rows: r.students,
      foot: { ...r.totals, total: true, display_name: t("cls_totals", { n: r.totals?.students ?? r.students.length }) },
    });
  }

  async function load() {
    try {
      const [c, r, waiting, all] = await Promise.all([
        api("GET", `/api/classes/${id}`), api("GET", `/api/classes/${id}/report`),
        api("GET", `/api/classes/${id}/reviews`), api("GET", "/api/classes"),
      ]);
      const cl = c.class;
      const pending = h("ul", { class: "friend-list", dataset: { test: "pending-list" } },
        ...(c.pending.length ? c.pending.map((m) => {
          const yes = h("button", { type: "button", class: "btn btn-small btn-primary", dataset: { test: "approve" } }, `✅ ${t("cls_approve")}`);
          const no = h("button", { type: "button", class: "btn btn-small", dataset: { test: "reject" } }, `✖️ ${t("cls_reject")}`);
          yes.addEventListener("click", () => act("POST", `/api/classes/${id}/members/${m.id}/approve`, t("cls_approved", { name: m.display_name })));
          no.addEventListener("click", () => act("DELETE", `/api/classes/${id}/members/${m.id}`, t("cls_rejected", { name: m.display_name })));
          return h("li", { class: "friend", dataset: { test: "pending-row", id: String(m.id) } },
            h("span", { class: "friend-name" }, `${m.avatar_emoji ?? "🙂"} ${m.display_name} (@${m.username})`),
            m.requested_at ? h("span", { class: "muted" }, whenText(m.requested_at)) : null, yes, no);
        }) : [h("li", { class: "muted" }, t("cls_no_pending"))]));
      const members = h("ul", { class: "friend-list", dataset: { test: "member-list" } },
        ...(c.members.length ? c.members.map((m) => memberRow(cl, m, all.items, load)) : [h("li", { class: "muted" }, t("cls_no_members"))]));
      const archive = h("button", { type: "button", class: "btn btn-danger", dataset: { test: "class-archive" } }, `📦 ${t("cls_archive")}`);
      archive.addEventListener("click", () => confirm(t("cls_archive_confirm", { name: cl.name })) && act("POST", `/api/classes/${id}/archive`, t("cls_archived")));
      const open = !cl.archived;
      box.replaceChildren(...[
        h("h1", { dataset: { test: "class-title" } }, `🏫 ${cl.name}`),
        cl.archived ? h("p", { class: "card", role: "note", dataset: { test: "class-archived" } }, `📦 ${t("cls_archived_note")}`) : null,
        h("div", { class: "btn-row class-actions" },
          open ? h("a", { class: "btn btn-primary", href: `/classes/${id}/cards`, "data-link": true, dataset: { test: "go-cards" } }, `🖨️ ${t("cards_title")}`) : null,
          h("a", { class: "btn", href: `/classes/${id}/book`, "data-link": true, dataset: { test: "go-book" } }, `📖 ${t("book_title")}`),
          h("a", { class: "btn", href: `/library?class=${id}`, "data-link": true, dataset: { test: "go-class-library" } }, `📚 ${t("lib_class")}`),
          h("a", { class: "btn", href: "#class-report" }, `📊 ${t("cls_report")}`)),
        open ? signinBox(cl, c.signin) : null,
        open ? waitingBox(cl, waiting.items, load) : null,
        open ? rosterBox(cl, load) : null,
        h("section", { class: "stack" }, h("h2", {}, `👧 ${t("cls_members")}`), members),
        open ? h("section", { class: "stack" }, h("h2", {}, `🙋 ${t("cls_requests")}`), pending) : null,
        h("section", { class: "stack", id: "class-report" }, h("h2", {}, `📊 ${t("cls_report")}`), report(c, r), h("div", { class: "btn-row" }, csv)),
        open ? h("section", { class: "card stack" }, h("h2", {}, `📦 ${t("cls_year_end")}`), h("p", {}, t("cls_archive_text")), h("div", { class: "btn-row" }, archive)) : null,
      ].filter(Boolean));
    } catch (err) {
      box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
    }
  }
  load();
}
