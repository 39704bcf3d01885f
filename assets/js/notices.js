// Notifications in words, and the live wiring: unread count from the socket, a toast on arrival,
// confetti for a new level or badge.

import { celebrate } from "./delight.js";
import { t } from "./i18n.js";
import { on } from "./socket.js";
import { getState, setState } from "./store.js";
import { toast } from "./ui.js";

/** One notification as a sentence. */
export function noticeText(n) {
  const who = n.actor?.display_name ?? t("someone");
  const title = n.data?.title ?? "";
  const lang = getState().lang;
  switch (n.type) {
    case "story_liked":
      return t("n_story_liked", { who, title });
    case "story_commented":
      return t("n_story_commented", { who, title });
    case "story_rated":
      return t("n_story_rated", { who, title, value: n.data?.value ?? "" });
    case "friend_request":
      return t("n_friend_request", { who });
    case "friend_accepted":
      return t("n_friend_accepted", { who });
    case "message":
      return t("n_message", { who, text: n.data?.preview ?? "" });
    case "collab_invite":
      return t("n_collab_invite", { who, title });
    case "friend_request_guardian":
      return t("n_friend_request_guardian", { who });
    case "coauthor_invite":
      return t("n_coauthor_invite", { who, title });
    case "achievement":
      return t("n_achievement", { title: lang === "tl" ? (n.data?.title_tl ?? title) : title });
    case "level_up":
      return t("n_level_up", { n: n.data?.level ?? "" });
    case "story_review":
      return t("n_story_review", { who, title });
    case "story_approved":
      return t("n_story_approved", { title });
    case "story_returned":
      return n.data?.note ? `${t("n_story_returned", { title })} “${n.data.note}”` : t("n_story_returned", { title });
    case "class_join_request":
      return t("n_class_join_request", { who, name: n.data?.class_name ?? "" });
    case "class_joined":
      return t("n_class_joined", { name: n.data?.class_name ?? "" });
    case "announcement":
      return n.data?.body ? `${title}: ${n.data.body}` : title || t("n_other");
    default:
      return t("n_other");
  }
}

/** The icon shown next to a notification. */
export function noticeIcon(n) {
  return { story_liked: "❤️", story_commented: "💬", story_rated: "⭐", friend_request: "👋", friend_accepted: "🤝", friend_request_guardian: "🛡️", message: "✉️", collab_invite: "🎨", coauthor_invite: "✍️", achievement: n.data?.icon ?? "🏆", level_up: "🚀", announcement: "📣", story_review: "⏳", story_approved: "🎉", story_returned: "💬", class_join_request: "🙋", class_joined: "🏫" }[n.type] ?? "🔔";
}

/** Where a notification leads when tapped (a path in the app), or null. */
export function noticeLink(n) {
  switch (n.type) {
    case "friend_request_guardian":
      return "/family";
    case "friend_request":
    case "friend_accepted":
    case "coauthor_invite":
      return "/friends";
    case "message":
      return n.actor?.id ? `/chat/${n.actor.id}` : null;
    case "story_approved":
      return n.target?.id ? `/read/${n.target.id}` : null;
    case "story_returned":
      return n.target?.id ? `/studio/${n.target.id}` : null;
    case "story_review":
    case "class_join_request":
      return "/";
    default:
      return null;
  }
}

/** Keeps the unread count in the store in step with the socket. */
export function startNotices() {
  on("hello", (f) => setState({ unread: f.unread_count }));
  on("notification.unread", (f) => setState({ unread: f.unread_count }));
  on("notification.new", (f) => {
    setState({ unread: f.unread_count });
    const n = f.notification;
    // A message from the friend whose chat is open is already on screen.
    const inChat = n.type === "message" && location.pathname === `/chat/${n.actor?.id}`;
    // An announcement from the admin stays up longer: it is news for everyone.
    if (!inChat) toast(`${noticeIcon(n)} ${noticeText(n)}`, n.type === "announcement" ? 10_000 : undefined);
    if (n.type === "level_up") cheer("levelup");
    else if (n.type === "achievement") cheer("badge");
    for (const fn of arrivals) fn(f.notification);
  });
}

// A first story can earn a badge and a level at the same moment: the second party waits for the
// first to end, so the two tunes never play over each other.
const PARTY_MS = 2800;
let nextParty = 0;
function cheer(tune) {
  const now = Date.now();
  const at = Math.max(now, nextParty);
  nextParty = at + PARTY_MS;
  setTimeout(() => celebrate(tune), at - now);
}

const arrivals = new Set();

/** Calls `fn(notification)` for each one arriving live (the open list adds it on top). */
export function onArrival(fn) {
  arrivals.add(fn);
  return () => arrivals.delete(fn);
}
