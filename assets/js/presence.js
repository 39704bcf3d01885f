// Who of my friends is online, kept live by the socket.

import { on } from "./socket.js";
import { getState, setState } from "./store.js";

/** Starts following presence frames. */
export function startPresence() {
  on("hello", (f) => setState({ online: new Set(f.online_friends) }));
  on("presence.online", (f) => {
    const online = new Set(getState().online);
    online.add(f.user_id);
    setState({ online });
  });
  on("presence.offline", (f) => {
    const online = new Set(getState().online);
    online.delete(f.user_id);
    setState({ online });
  });
}
