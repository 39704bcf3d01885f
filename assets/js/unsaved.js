// Page work the server could not store yet (its disk is full, or the network is down), kept in
// this browser until a save goes through, so nothing typed or drawn is lost.

const key = (storyId, pageId) => `pt.unsaved.${storyId}.${pageId}`;

/** Keeps page `p` of story `storyId` here; false when the browser has no room either. */
export function keepHere(storyId, p) {
  try {
    localStorage.setItem(key(storyId, p.id), JSON.stringify({ text: p.text, drawing: p.drawing, version: p.version }));
    return true;
  } catch {
    return false;
  }
}

/** The copy kept for page `p`, if it was made from the version the server still has. */
export function keptHere(storyId, p) {
  try {
    const v = JSON.parse(localStorage.getItem(key(storyId, p.id)) || "null");
    if (v && v.version === p.version) return v;
  } catch {
    // An unreadable copy is no copy.
  }
  forgetHere(storyId, p.id);
  return null;
}

/** Drops the copy once the server has the page. */
export function forgetHere(storyId, pageId) {
  try {
    localStorage.removeItem(key(storyId, pageId));
  } catch {
    // Nothing to drop.
  }
}

/** True for a failure worth keeping the work and trying again: no room on the server, no network. */
export function worthRetrying(err) {
  return !err?.status || err.status === 507 || err.status >= 500;
}
