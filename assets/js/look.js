// The banner shown while a parent looks through a child's eyes (read-only, ten minutes), with
// the way back. The look ends by itself when its token runs out.

import { looking, stopLook } from "./api.js";
import { t } from "./i18n.js";
import { h } from "./ui.js";

function back(look) {
  stopLook();
  location.assign(look.back ?? `/family/${look.child_id}`);
}

/** Puts the banner on the page when this tab is in a look. */
export function showLookBanner() {
  const look = looking();
  if (!look) return;
  const stop = h("button", { type: "button", class: "btn btn-small", dataset: { test: "look-stop" } }, `↩️ ${t("look_stop")}`);
  stop.addEventListener("click", () => back(look));
  const bar = h("div", { class: "look-banner", role: "status", dataset: { test: "look-banner" } },
    h("span", {}, `👀 ${t("look_banner", { name: look.child_name })}`), stop);
  document.body.prepend(bar);
  document.body.classList.add("looking");
  setTimeout(() => back(look), Math.max(0, look.exp - Date.now()));
}
