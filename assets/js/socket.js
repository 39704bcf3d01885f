// The one socket client: a ticket, then /ws; reconnects with backoff while signed in and hands
// every frame to the listeners registered for its type.

import { api } from "./api.js";

const handlers = new Map();
let ws = null;
let wanted = false;
let retry = 0;
let timer = null;
let opening = false;
let heard = 0;

/** Calls `fn(frame)` for frames of `type` ("*" for all, "socket.open"/"socket.closed" too). */
export function on(type, fn) {
  if (!handlers.has(type)) handlers.set(type, new Set());
  handlers.get(type).add(fn);
  return () => handlers.get(type)?.delete(fn);
}

function emit(type, frame) {
  for (const fn of handlers.get(type) ?? []) fn(frame);
  if (type !== "*") for (const fn of handlers.get("*") ?? []) fn(frame);
}

/** Sends a frame when the socket is open; false otherwise. */
export function send(frame) {
  if (ws?.readyState !== WebSocket.OPEN) return false;
  ws.send(JSON.stringify(frame));
  return true;
}

/** Is the socket open? */
export function isOpen() {
  return ws?.readyState === WebSocket.OPEN;
}

/** Keeps a socket open from now on (after sign-in). */
export function connect() {
  wanted = true;
  open();
}

// Leaving the page closes the socket at once (the server sees this tab go; the back-forward
// cache may keep the page alive), and coming back from that cache opens it again.
window.addEventListener("pagehide", () => {
  if (ws) ws.close(1000, "page hidden");
  ws = null;
});
window.addEventListener("pageshow", (e) => {
  if (e.persisted && wanted) open();
});

// A dropped network can leave a socket looking open for minutes: going offline closes it, and
// coming back online reconnects at once (the room then replays what was missed).
window.addEventListener("offline", () => {
  if (ws) ws.close(4000, "offline");
});
window.addEventListener("online", () => {
  if (!wanted) return;
  retry = 0;
  clearTimeout(timer);
  open();
});

// Heartbeat: a ping every 20 s; nothing heard for 50 s means the connection is dead.
setInterval(() => {
  if (ws?.readyState !== WebSocket.OPEN) return;
  if (Date.now() - heard > 50_000) {
    ws.close(4000, "silent");
    return;
  }
  ws.send(JSON.stringify({ type: "ping" }));
}, 20_000);

/** Closes it for good (sign-out). */
export function disconnect() {
  wanted = false;
  clearTimeout(timer);
  if (ws) ws.close(1000, "bye");
  ws = null;
}

async function open() {
  if (!wanted || ws || opening) return;
  opening = true;
  let ticket;
  try {
    ({ ticket } = await api("POST", "/api/realtime/ticket"));
  } catch (err) {
    if (err.status === 401) return (wanted = false);
    return later();
  } finally {
    opening = false;
  }
  if (!wanted || ws) return;
  const proto = location.protocol === "https:" ? "wss:" : "ws:";
  const sock = new WebSocket(`${proto}//${location.host}/ws?ticket=${encodeURIComponent(ticket)}&v=1`);
  ws = sock;
  sock.onopen = () => {
    retry = 0;
    heard = Date.now();
    emit("socket.open", { type: "socket.open" });
  };
  sock.onmessage = (e) => {
    heard = Date.now();
    let frame;
    try {
      frame = JSON.parse(e.data);
    } catch {
      return;
    }
    if (frame && typeof frame.type === "string") emit(frame.type, frame);
  };
  sock.onclose = (e) => {
    if (ws === sock) ws = null;
    emit("socket.closed", { type: "socket.closed", code: e.code, reason: e.reason });
    // Signed out or too many tabs: reconnecting would only be refused again.
    if (!wanted || e.code === 4003 || e.code === 4001 || e.code === 4400) return;
    later();
  };
}

// 1, 2, 4 ... 30 s with jitter, so a restarted server is not hit by every tab at once.
function later() {
  clearTimeout(timer);
  const delay = Math.min(30_000, 1000 * 2 ** retry) * (0.75 + Math.random() * 0.5);
  retry = Math.min(retry + 1, 6);
  timer = setTimeout(open, delay);
}
