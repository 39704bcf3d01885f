// Friends: who is online, requests to answer, and asking someone by username.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { getState, subscribe } from "../store.js";
import { field, h, toast } from "../ui.js";

export function friendsView(root) {
  const list = h("ul", { class: "friend-list", dataset: { test: "friend-list" } });
  const incoming = h("ul", { class: "friend-list", dataset: { test: "requests" } });
  const status = h("p", { class: "muted", role: "status" });
  const ask = field({ label: t("f_ask_label"), name: "username", hint: t("f_ask_hint"), autocomplete: "off" });
  const form = h("form", { class: "stack", dataset: { test: "ask-form" } }, ask.wrap, h("button", { class: "btn btn-primary", type: "submit" }, t("f_ask")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    ask.setError("");
    try {
      await api("POST", "/api/friends/requests", { username: ask.input.value.trim() });
      toast(t("f_asked"));
      ask.input.value = "";
      load();
    } catch (err) {
      ask.setError(errorText(err));
    }
  });
  root.append(h("section", { class: "stack" },
    h("h1", {}, `👫 ${t("f_title")}`), list, status,
    h("h2", {}, t("f_requests")), incoming,
    h("h2", {}, t("f_add")), form));

  let friends = [];
  function draw() {
    const { online } = getState();
    list.replaceChildren(...friends.map((f) => {
      const on = online?.has(f.user.id);
      return h("li", { class: "friend", dataset: { test: "friend", id: String(f.user.id) } },
        h("span", { class: on ? "dot online" : "dot", dataset: { test: "dot" }, "aria-label": on ? t("f_online") : t("f_offline"), role: "img" }),
        h("span", { class: "friend-name" }, `${f.user.avatar_emoji} ${f.user.display_name}`),
        h("a", { class: "btn btn-small", href: `/chat/${f.user.id}`, "data-link": true, dataset: { test: "chat-link" } }, `💬 ${t("f_chat")}`));
    }));
    status.textContent = friends.length ? "" : t("f_none");
  }

  async function load() {
    try {
      const [f, r] = await Promise.all([api("GET", "/api/friends"), api("GET", "/api/friends/requests")]);
      friends = f.items;
      draw();
      incoming.replaceChildren(...r.incoming.map((q) => {
        const yes = h("button", { type: "button", class: "btn btn-small btn-primary", dataset: { test: "accept" } }, t("f_yes"));
        const no = h("button", { type: "button", class: "btn btn-small" }, t("f_no"));
        yes.addEventListener("click", () => answer(q.id, "accept"));
        no.addEventListener("click", () => answer(q.id, "reject"));
        return h("li", { class: "friend" }, h("span", { class: "friend-name" }, `${q.user.avatar_emoji} ${q.user.display_name}`), yes, no);
      }));
      if (!r.incoming.length) incoming.replaceChildren(h("li", { class: "muted" }, t("f_no_requests")));
    } catch (err) {
      status.textContent = errorText(err);
    }
  }

  async function answer(id, action) {
    try {
      await api("POST", `/api/friends/requests/${id}/${action}`);
      load();
    } catch (err) {
      toast(errorText(err));
    }
  }

  load();
  return subscribe(draw);
}
