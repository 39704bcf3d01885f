// The child's part of Settings: a code so a grown-up can link to this account, joining a class
// with the teacher's code, and the classes this child is in (or waiting for).

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { busy, codeBox, field, h, whenText } from "../ui.js";

export function childLinksSection() {
  // A code for a grown-up.
  const codeSpot = h("div", { dataset: { test: "link-code-box" } });
  const make = h("button", { type: "button", class: "btn btn-primary", dataset: { test: "make-link-code" } }, `🔗 ${t("kid_make_code")}`);
  make.addEventListener("click", () => busy(make, t("working"), async () => {
    try {
      const r = await api("POST", "/api/family/link-codes", {});
      codeSpot.replaceChildren(codeBox(r.code, t("code_expires", { when: whenText(r.expires_at) })), h("p", { class: "hint" }, t("kid_code_hint")));
    } catch (err) {
      codeSpot.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
    }
  }));

  // Joining a class.
  const code = field({ label: t("kid_class_code"), name: "class_code", hint: t("kid_class_hint"), autocomplete: "off", attrs: { maxlength: 16, autocapitalize: "characters", spellcheck: "false", "data-test": "class-code-input" } });
  const joinStatus = h("p", { class: "join-status", role: "status", dataset: { test: "join-status" } });
  const joinBtn = h("button", { type: "submit", class: "btn btn-primary", dataset: { test: "join-class-send" } }, `🏫 ${t("kid_join")}`);
  const join = h("form", { class: "stack", novalidate: true, dataset: { test: "join-class" } }, code.wrap, joinBtn, joinStatus);
  join.addEventListener("submit", async (e) => {
    e.preventDefault();
    code.setError("");
    joinStatus.textContent = "";
    const value = code.input.value.trim().toUpperCase();
    if (!value) return code.setError(t("fam_code_needed")), code.input.focus();
    await busy(joinBtn, t("working"), async () => {
      try {
        const r = await api("POST", "/api/classes/join", { code: value });
        joinStatus.textContent = `⏳ ${t("kid_waiting", { name: r?.class?.name ?? "" })}`;
        code.input.value = "";
        loadClasses();
      } catch (err) {
        code.setError(errorText(err));
        code.input.focus();
      }
    });
  });

  const classes = h("ul", { class: "friend-list", dataset: { test: "my-classes" } });
  async function loadClasses() {
    try {
      const r = await api("GET", "/api/classes");
      classes.replaceChildren(...(r.items.length ? r.items.map((c) =>
        h("li", { class: "friend", dataset: { test: "my-class", status: c.status } },
          h("span", { class: "friend-name" }, `🏫 ${c.name}`),
          c.teacher_name ? h("span", { class: "muted" }, t("kid_teacher", { name: c.teacher_name })) : null,
          h("span", { class: c.status === "member" ? "tag tag-ok" : "tag" }, c.status === "member" ? `✅ ${t("kid_in_class")}` : `⏳ ${t("kid_pending")}`)))
        : [h("li", { class: "muted" }, t("kid_no_classes"))]));
    } catch {
      // The rest of Settings still works.
    }
  }
  loadClasses();

  return h("section", { class: "stack", dataset: { test: "link-grownup" } },
    h("h2", {}, `👪 ${t("kid_link_title")}`),
    h("p", {}, t("kid_link_intro")),
    h("div", { class: "btn-row" }, make), codeSpot,
    h("h2", {}, `🏫 ${t("kid_classes")}`), classes,
    h("h3", {}, t("kid_join_title")), join);
}
