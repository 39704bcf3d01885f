// `/studio/new`: the story starter ("Help me start"), or a blank page.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { h } from "../ui.js";
import { storyStarter } from "./starter.js";

/**
 * `/studio/new`: the story starter ("Help me start"), or a blank page. `/studio/new?blank=1`
 * (the home page's "Write a story") makes a blank draft straight away and moves to it.
 */
export function newStoryView(root) {
  if (new URLSearchParams(location.search).has("blank")) {
    blankDraft(root);
    return;
  }
  const blank = h("button", { type: "button", class: "btn btn-big", dataset: { test: "starter-blank" } }, `📄 ${t("starter_blank")}`);
  blank.addEventListener("click", () => blankDraft(root));
  root.append(h("section", { class: "stack new-story" },
    h("h1", {}, h("span", { "aria-hidden": "true" }, "✨ "), t("starter_title")),
    storyStarter(),
    h("div", { class: "card stack new-story-blank" }, h("p", {}, t("starter_blank_text")), h("div", { class: "btn-row" }, blank))));
  root.querySelector("textarea")?.focus({ preventScroll: true });
}

function blankDraft(root) {
  root.replaceChildren(h("p", { class: "muted", role: "status" }, t("working")));
  api("POST", "/api/stories", { title: t("st_untitled"), pages: [{ text: "" }] })
    .then((s) => navigate(`/studio/${s.id}`, { replace: true }))
    .catch((err) => root.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));
}
