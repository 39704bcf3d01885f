// Friends: who is online, requests to answer (some wait for a grown-up first), invitations to
// write a story together, and asking someone by username.

import { api } from "../api.js";
import { errorText, t } from "../i18n.js";
import { getState, subscribe } from "../store.js";
import { field, h, toast } from "../ui.js";

export function friendsView(root) {
  const list = h("ul", { class: "friend-list", dataset: { test: "friend-list" } });
  const incoming = h("ul", { class: "friend-list", dataset: { test: "requests" } });
  const status = h("p", { class: "muted", role: "status" });
  // What just happened (an answer sent, an invitation accepted), read out by screen readers.
  const said = h("p", { class: "sr-only", role: "status", dataset: { test: "friends-said" } });
  const ask = field({ label: t("f_ask_label"), name: "username", hint: t("f_ask_hint"), autocomplete: "off", attrs: { autocapitalize: "none", spellcheck: "false" } });
  const asked = h("p", { class: "ok-note", role: "status", dataset: { test: "ask-result" } });
  const form = h("form", { class: "stack", dataset: { test: "ask-form" } }, ask.wrap, h("button", { class: "btn btn-primary", type: "submit" }, t("f_ask")), asked);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    ask.setError("");
    asked.textContent = "";
    const name = ask.input.value.trim();
    if (!name) return ask.setError(t("f_ask_needed")), ask.input.focus();
    try {
      const r = await api("POST", "/api/friends/requests", { username: name });
      // A child's request to a child outside their classes goes to the friend's grown-up first.
      asked.textContent = r.status === "waiting_for_grown_up" ? t("f_asked_grown_up") : r.status === "accepted" ? t("f_now_friends", { name: r.user?.display_name ?? name }) : t("f_asked");
      ask.input.value = "";
      load();
    } catch (err) {
      ask.setError(errorText(err));
      ask.input.focus();
    }
  });

  // Invitations to write someone's story with them.
  const invites = h("ul", { class: "friend-list" });
  const inviteBox = h("section", { class: "card stack invite-box", hidden: true, dataset: { test: "coauthor-invites" } },
    h("h2", {}, `✍️ ${t("f_write_together")}`), h("p", { class: "muted" }, t("f_write_together_intro")), invites);

  root.append(h("section", { class: "stack" },
    h("h1", {}, `👫 ${t("f_title")}`), said, list, status, inviteBox,
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

  function requestRow(q) {
    const who = `${q.user.avatar_emoji} ${q.user.display_name}`;
    const no = h("button", { type: "button", class: "btn btn-small", dataset: { test: "reject" } }, t("f_no"));
    no.addEventListener("click", () => answer(q.id, "reject"));
    if (q.waiting_for_grown_up) {
      // The grown-up says yes first; only then can the child answer.
      return h("li", { class: "friend answer-row", dataset: { test: "request", waiting: "1" } },
        h("span", { class: "friend-name" }, who, " ",
          h("span", { class: "tag tag-wait", dataset: { test: "waiting-grown-up" } }, `⏳ ${t("f_waiting_grown_up")}`)),
        no);
    }
    const yes = h("button", { type: "button", class: "btn btn-small btn-primary", dataset: { test: "accept" } }, t("f_yes"));
    yes.addEventListener("click", () => answer(q.id, "accept"));
    return h("li", { class: "friend", dataset: { test: "request" } }, h("span", { class: "friend-name" }, who), yes, no);
  }

  function inviteRow(i) {
    const who = i.from?.display_name ?? t("someone");
    const yes = h("button", { type: "button", class: "btn btn-small btn-primary", dataset: { test: "coauthor-accept" } }, `✅ ${t("f_invite_yes")}`);
    const no = h("button", { type: "button", class: "btn btn-small", dataset: { test: "coauthor-decline" } }, t("f_invite_no"));
    const row = h("li", { class: "friend answer-row", dataset: { test: "coauthor-invite", id: String(i.id) } },
      h("span", { class: "friend-name" }, `${i.from?.avatar_emoji ?? "🙂"} `, t("f_invite_text", { who, title: i.title })),
      h("span", { class: "btn-pair" }, yes, no));
    const reply = async (action) => {
      yes.disabled = no.disabled = true;
      try {
        const r = await api("POST", `/api/coauthor-invites/${i.id}/${action}`);
        if (r.status === "accepted") {
          // Straight to the story, or stay here.
          row.replaceChildren(h("span", { class: "friend-name" }, `🎉 ${t("f_invite_accepted", { title: i.title })}`),
            h("a", { class: "btn btn-small btn-primary", href: `/studio/${r.story_id}`, "data-link": true, dataset: { test: "coauthor-open" } }, `✏️ ${t("f_invite_open")}`));
          said.textContent = t("f_invite_accepted", { title: i.title });
        } else {
          row.remove();
          said.textContent = t("f_invite_declined", { who });
          inviteBox.hidden = !invites.children.length;
        }
      } catch (err) {
        yes.disabled = no.disabled = false;
        toast(errorText(err));
        if (err.code === "invite_not_found") {
          row.remove();
          inviteBox.hidden = !invites.children.length;
        }
      }
    };
    yes.addEventListener("click", () => reply("accept"));
    no.addEventListener("click", () => reply("decline"));
    return row;
  }

  async function load() {
    try {
      const [f, r, c] = await Promise.all([
        api("GET", "/api/friends"),
        api("GET", "/api/friends/requests"),
        api("GET", "/api/coauthor-invites").catch(() => ({ items: [] })),
      ]);
      friends = f.items;
      draw();
      incoming.replaceChildren(...r.incoming.map(requestRow));
      if (!r.incoming.length) incoming.replaceChildren(h("li", { class: "muted" }, t("f_no_requests")));
      invites.replaceChildren(...c.items.map(inviteRow));
      inviteBox.hidden = !c.items.length;
    } catch (err) {
      status.textContent = errorText(err);
    }
  }

  async function answer(id, action) {
    try {
      await api("POST", `/api/friends/requests/${id}/${action}`);
      said.textContent = action === "accept" ? t("f_said_yes") : t("f_said_no");
      load();
    } catch (err) {
      toast(errorText(err));
    }
  }

  load();
  return subscribe(draw);
}
