// A teacher's home: their classes first (sign-in open or closed, stories waiting, the report one
// tap away), then what is new: stories waiting for approval, stories the students published,
// and children who may need a hand. No XP and no "write a story": this page is for work.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { getState } from "../store.js";
import { h, whenText } from "../ui.js";
import { guardianRequests } from "./family.js";

function classCard(c) {
  return h("li", { class: "card stack class-card", dataset: { test: "home-class", id: String(c.id) } },
    h("h3", { class: "class-title" }, `🏫 ${c.name}`),
    h("p", { class: "class-facts" },
      h("span", {}, t("cls_members_n", { n: c.members })),
      c.waiting ? h("span", { class: "pill", dataset: { test: "home-class-waiting" } }, `⏳ ${t("th_waiting_n", { n: c.waiting })}`) : null,
      c.pending ? h("span", { class: "pill" }, `🙋 ${t("cls_pending_n", { n: c.pending })}`) : null,
      c.archived ? h("span", { class: "muted" }, `📦 ${t("th_archived")}`) : h("span", { class: c.signin_open_now ? "signin-state open" : "signin-state" }, c.signin_open_now ? `🟢 ${t("csi_open_now")}` : `🌙 ${t("csi_closed_now")}`)),
    h("div", { class: "btn-row" },
      h("a", { class: "btn btn-primary btn-small", href: `/classes/${c.id}`, "data-link": true, dataset: { test: "home-class-open" } }, `👀 ${t("cls_open")}`),
      h("a", { class: "btn btn-small", href: `/classes/${c.id}#class-report`, "data-link": true, dataset: { test: "home-class-report" } }, `📊 ${t("cls_report")}`)));
}

function section(title, test, items, empty, row) {
  return h("section", { class: "stack" }, h("h2", {}, title),
    h("ul", { class: "friend-list", dataset: { test } }, ...(items.length ? items.map(row) : [h("li", { class: "muted" }, empty)])));
}

export function teacherHome(root) {
  const { user } = getState();
  const box = h("div", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(
    h("div", { class: "greeting" },
      h("div", { class: "avatar", "aria-hidden": "true" }, user.avatar_emoji),
      h("h1", { dataset: { test: "greeting" } }, t("hello", { name: user.display_name }))),
    box);
  // New friends from outside the class for the children the class made wait for the teacher.
  const requests = guardianRequests({ title: "th_requests_title" });
  api("GET", "/api/teacher/home")
    .then((home) => {
      const classes = home.classes.length
        ? h("ul", { class: "class-list", dataset: { test: "home-classes" } }, ...home.classes.map(classCard))
        : h("p", { class: "muted" }, t("cls_none"));
      box.replaceChildren(
        h("section", { class: "stack" },
          h("div", { class: "section-head" }, h("h2", {}, `🍎 ${t("cls_title")}`),
            h("a", { class: "btn btn-small", href: "/classes", "data-link": true, dataset: { test: "go-classes" } }, `➕ ${t("th_manage")}`)),
          classes),
        requests.box,
        section(`⏳ ${t("rev_title")}`, "home-waiting", home.waiting, t("rev_none"), (w) => h("li", { class: "friend" },
          h("span", { class: "friend-name" }, `${w.author.avatar_emoji} ${w.author.display_name}: “${w.story.title}”`),
          h("span", { class: "muted" }, w.class.name),
          h("a", { class: "btn btn-small btn-primary", href: `/classes/${w.class.id}`, "data-link": true }, `✅ ${t("th_review")}`))),
        section(`✨ ${t("th_published")}`, "home-published", home.published, t("th_published_none"), (p) => h("li", { class: "friend" },
          h("span", { class: "friend-name" }, `${p.author.avatar_emoji} ${p.author.display_name}: “${p.story.title}”`),
          h("span", { class: "muted" }, whenText(p.published_at, true)),
          h("a", { class: "btn btn-small", href: `/read/${p.story.id}`, "data-link": true }, `📖 ${t("st_read")}`))),
        section(`🤝 ${t("th_help")}`, "home-help", home.help, t("th_help_none"), (x) => h("li", { class: "friend", dataset: { test: "home-help-row", why: x.why } },
          h("span", { class: "friend-name" }, `${x.child.avatar_emoji} ${x.child.display_name}`),
          h("span", {}, t(`th_why_${x.why}`)),
          h("a", { class: "btn btn-small", href: `/classes/${x.class.id}`, "data-link": true }, x.class.name))));
      requests.load();
    })
    .catch((err) => box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));
}
