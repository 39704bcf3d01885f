// The teacher's decision on a story waiting for approval, shown under the story in the reader:
// approve exactly what is on screen (the server refuses if it changed since), or send it back
// with a kind note.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { navigate } from "../router.js";
import { busy, h, toast } from "../ui.js";

export function reviewPanel(story) {
  const { class_id: classId, fingerprint } = story.review;
  const problem = h("p", { class: "error", role: "alert", dataset: { test: "review-problem" } });
  const yes = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "review-approve" } }, `✅ ${t("rev_approve")}`);
  yes.addEventListener("click", () => busy(yes, t("working"), async () => {
    problem.textContent = "";
    try {
      await api("POST", `/api/classes/${classId}/reviews/${story.id}/approve`, { fingerprint });
      toast(t("rev_approved", { title: story.title }));
      navigate(`/classes/${classId}`);
    } catch (err) {
      problem.textContent = errorText(err);
    }
  }));
  const note = h("textarea", { rows: 2, maxlength: 300, "aria-label": t("rev_note"), placeholder: t("rev_note_hint"), dataset: { test: "review-note" } });
  const send = h("button", { type: "submit", class: "btn" }, `↩️ ${t("rev_send_back")}`);
  const form = h("form", { class: "stack review-return" }, note, h("div", { class: "btn-row" }, send));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    busy(send, t("working"), async () => {
      problem.textContent = "";
      try {
        await api("POST", `/api/classes/${classId}/reviews/${story.id}/return`, { note: note.value.trim() });
        toast(t("rev_returned", { name: story.author.display_name }));
        navigate(`/classes/${classId}`);
      } catch (err) {
        problem.textContent = errorText(err);
      }
    });
  });
  return h("section", { class: "card stack review-panel", dataset: { test: "review-panel" } },
    h("h2", {}, `⏳ ${t("rev_title")}`),
    h("p", {}, t("rev_panel_text")),
    h("div", { class: "btn-row" }, yes), problem, form);
}
