// The one API client: JSON in and out, the error envelope, and tokens.
//
// Tokens live in localStorage so every tab shares one sign-in. Refreshing rotates the refresh
// token and the server treats a second use of an old one as theft (it ends the session), so
// only one tab may refresh at a time: a Web Lock serialises refreshes across tabs, and a tab
// that waited re-reads storage and uses the token another tab already got.

const KEY = "pt.session";
const listeners = new Set();

/** An error answered by the server (or a network failure, code "network"). */
export class ApiError extends Error {
  constructor(status, code, message, details = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function readSession() {
  try {
    const s = JSON.parse(localStorage.getItem(KEY) || "null");
    return s && s.access && s.refresh ? s : null;
  } catch {
    return null;
  }
}

function claimsOf(jwt) {
  try {
    const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload));
  } catch {
    return {};
  }
}

/** Stores tokens from a sign-in or refresh answer. */
export function saveSession(answer) {
  const claims = claimsOf(answer.access_token);
  const s = { access: answer.access_token, refresh: answer.refresh_token, exp: (claims.exp ?? 0) * 1000, sub: String(claims.sub ?? "") };
  localStorage.setItem(KEY, JSON.stringify(s));
  for (const fn of listeners) fn(s);
}

/** Forgets the tokens (this tab and, through the storage event, the others). */
export function clearSession() {
  localStorage.removeItem(KEY);
  for (const fn of listeners) fn(null);
}

export function hasSession() {
  return readSession() !== null;
}

/** Calls `fn(sessionOrNull)` when tokens change here or in another tab. */
export function onSessionChange(fn) {
  listeners.add(fn);
  window.addEventListener("storage", (e) => {
    if (e.key === KEY) fn(readSession());
  });
}

// A parent's read-only look through a child's eyes: a short token kept in this tab only
// (sessionStorage), used instead of the parent's own sign-in until it ends.
const LOOK = "pt.look";

/** The look in progress in this tab: {access, exp, child_id, child_name}, or null. */
export function looking() {
  try {
    const l = JSON.parse(sessionStorage.getItem(LOOK) || "null");
    return l && l.access && l.exp > Date.now() ? l : null;
  } catch {
    return null;
  }
}

/** Starts a look from a `view-as` answer; `back` is where "Back to my account" goes (a
 *  parent's child page, or a teacher's class). */
export function startLook(answer, back = `/family/${answer.child.id}`) {
  sessionStorage.setItem(LOOK, JSON.stringify({
    access: answer.access_token,
    exp: Date.now() + answer.expires_in * 1000,
    child_id: answer.child.id,
    child_name: answer.child.display_name,
    back,
  }));
}

/** Ends the look in this tab (the server session simply runs out). */
export function stopLook() {
  const l = looking();
  sessionStorage.removeItem(LOOK);
  if (l) fetch("/api/auth/logout", { method: "POST", headers: { authorization: `Bearer ${l.access}` } }).catch(() => {});
}

async function withRefreshLock(fn) {
  if (navigator.locks?.request) return navigator.locks.request("pt-refresh", fn);
  return fn();
}

/** Exchanges the refresh token once; returns the new session or null when signed out. */
async function refresh(staleAccess) {
  return withRefreshLock(async () => {
    const current = readSession();
    if (!current) return null;
    // Another tab refreshed while we waited for the lock.
    if (current.access !== staleAccess && current.exp - Date.now() > 30_000) return current;
    const res = await fetch("/api/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: current.refresh }),
    });
    if (!res.ok) {
      if (res.status === 401) clearSession();
      // A paused account cannot refresh: say so rather than quietly signing out.
      if (res.status === 403) await parse(res).catch(() => {});
      return null;
    }
    saveSession(await res.json());
    return readSession();
  });
}

async function parse(res) {
  if (res.status === 204 || res.status === 304) return null;
  const type = res.headers.get("content-type") || "";
  const body = type.includes("application/json") ? await res.json().catch(() => null) : await res.text();
  if (res.ok) return body;
  const err = body?.error ?? {};
  const e = new ApiError(res.status, err.code ?? "http_" + res.status, err.message ?? res.statusText, err);
  if (e.code === "account_suspended") for (const fn of suspendedListeners) fn(e);
  throw e;
}

const suspendedListeners = new Set();

/** Calls `fn(apiError)` whenever the server answers `account_suspended` (the full-screen notice). */
export function onSuspended(fn) {
  suspendedListeners.add(fn);
  return () => suspendedListeners.delete(fn);
}

// Sends one request with the access token (refreshed when it is about to expire or the server
// says it has); network failures become ApiError "network".
async function request(method, path, body, { auth = true } = {}) {
  const send = (session) => {
    const headers = {};
    // A Blob (an image) goes as it is; anything else as JSON.
    const raw = typeof Blob !== "undefined" && body instanceof Blob;
    if (body !== undefined) headers["content-type"] = raw ? body.type : "application/json";
    if (auth && session) headers.authorization = `Bearer ${session.access}`;
    return fetch(path, { method, headers, body: body === undefined ? undefined : raw ? body : JSON.stringify(body) });
  };
  const look = auth ? looking() : null;
  if (look) {
    // Only reads: the server would refuse anything else, so do not even ask.
    if (method !== "GET" && method !== "HEAD") throw new ApiError(403, "view_only", "Look-only visit.");
    try {
      const res = await send(look);
      if (res.status === 401) sessionStorage.removeItem(LOOK);
      return res;
    } catch (e) {
      throw new ApiError(0, "network", String(e?.message ?? e));
    }
  }
  let session = auth ? readSession() : null;
  try {
    if (session && session.exp - Date.now() < 30_000) session = (await refresh(session.access)) ?? null;
    let res = await send(session);
    if (res.status === 401 && session) {
      const fresh = await refresh(session.access);
      if (fresh) res = await send(fresh);
    }
    return res;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, "network", String(e?.message ?? e));
  }
}

/**
 * Calls the API. `body` is sent as JSON. With `auth` (the default) the access token is sent and
 * refreshed when it is about to expire or the server says it has.
 */
export async function api(method, path, body, opts = {}) {
  const res = await request(method, path, body, opts);
  try {
    return await parse(res);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(0, "network", String(e?.message ?? e));
  }
}

/**
 * Fetches `path` with the sign-in (a CSV report, an export, a backup) and saves it as a file:
 * the server's file name when it gives one, otherwise `filename`. Returns {name, bytes}.
 */
export async function download(path, filename) {
  const res = await request("GET", path);
  if (!res.ok) await parse(res);
  let blob;
  try {
    blob = await res.blob();
  } catch (e) {
    throw new ApiError(0, "network", String(e?.message ?? e));
  }
  const given = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(res.headers.get("content-disposition") || "");
  let name = filename;
  try {
    if (given) name = decodeURIComponent(given[1]);
  } catch {
    // A name we cannot read: keep ours.
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { name, bytes: blob.size };
}

/** Ends this device's session on the server, then locally. */
export async function logout() {
  // In a look, "log out" ends the look and goes back to the parent's page, never the parent.
  const look = looking();
  if (look) {
    stopLook();
    location.assign(look.back ?? `/family/${look.child_id}`);
    return new Promise(() => {});
  }
  const s = readSession();
  if (s) {
    await fetch("/api/auth/logout", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${s.access}` },
      body: JSON.stringify({ refresh_token: s.refresh }),
    }).catch(() => {});
  }
  clearSession();
}
