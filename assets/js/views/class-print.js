// Things a teacher prints: the sign-in cards (one per child: name, animal, pictures in order
// and a QR code that signs the child in; printing new ones stops the old ones) and the class
// book (every approved story, one after another). Both are laid out for A4 and Letter paper.

import { api } from "../api.js";
import { rememberPicture, renderDrawing } from "../drawing.js";
import { errorText, t } from "../i18n.js";
import { busy, h } from "../ui.js";
import { pictureRow, qrImage } from "./class-page.js";

function back(id) {
  return h("a", { class: "btn btn-small no-print", href: `/classes/${id}`, "data-link": true, dataset: { test: "back-class" } }, `◀ ${t("cls_back_class")}`);
}

function printButton() {
  const b = h("button", { type: "button", class: "btn btn-primary btn-big no-print", dataset: { test: "print" } }, `🖨️ ${t("print")}`);
  b.addEventListener("click", () => window.print());
  return b;
}

/** `/classes/:id/cards`. */
export function cardsView(root, { id }) {
  const sheet = h("div", { class: "stack" });
  const make = h("button", { type: "button", class: "btn btn-primary btn-big", dataset: { test: "cards-make" } }, `🎟️ ${t("cards_make")}`);
  const intro = h("section", { class: "card stack no-print" },
    h("h1", {}, `🖨️ ${t("cards_title")}`),
    h("p", {}, t("cards_intro")),
    h("p", { class: "warning", role: "note" }, `⚠️ ${t("cards_revoke_note")}`),
    h("div", { class: "btn-row" }, make));
  root.append(back(id), intro, sheet);
  make.addEventListener("click", () => busy(make, t("working"), async () => {
    try {
      const r = await api("POST", `/api/classes/${id}/cards`);
      const cards = r.cards.map((c) => h("li", { class: "signin-card", dataset: { test: "signin-card", name: c.display_name, url: c.url } },
        h("div", { class: "signin-card-who" },
          h("span", { class: "signin-card-avatar", "aria-hidden": "true" }, c.avatar_emoji),
          h("div", {},
            h("p", { class: "signin-card-name" }, c.display_name),
            h("p", { class: "signin-card-class" }, `${r.class.name} · @${c.username}`))),
        h("div", { class: "signin-card-body" },
          h("div", { class: "stack" },
            c.pictures ? h("p", { class: "signin-card-label" }, t("cards_my_pictures")) : h("p", { class: "signin-card-label" }, t("cards_own_password")),
            pictureRow(c.pictures, "card-pictures"),
            h("p", { class: "signin-card-label" }, t("cards_scan"))),
          qrImage(c.qr_svg, t("cards_qr_alt", { name: c.display_name }), "card-qr"))));
      sheet.replaceChildren(
        h("div", { class: "btn-row no-print" }, printButton(), h("p", { class: "muted", role: "status", dataset: { test: "cards-count" } }, t("cards_made", { n: r.cards.length }))),
        h("ul", { class: "card-sheet", dataset: { test: "card-sheet" } }, ...cards));
      make.textContent = `🔄 ${t("cards_again")}`;
    } catch (err) {
      sheet.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err)));
    }
  }));
}

/** `/classes/:id/book`. */
export function bookView(root, { id }) {
  const box = h("div", { class: "stack" }, h("p", { class: "muted", role: "status" }, t("working")));
  root.append(back(id), box);
  api("GET", `/api/classes/${id}/book`)
    .then((b) => {
      const stories = b.stories.map((s) => h("article", { class: "book-story", dataset: { test: "book-story" } },
        h("h2", {}, s.title),
        h("p", { class: "muted" }, `${s.author.avatar_emoji} ${[s.author, ...s.coauthors].map((a) => a.display_name).join(", ")}`),
        ...s.pages.map((p, i) => {
          const canvas = h("canvas", { class: "book-canvas", width: 640, height: 480, "aria-label": t("read_page_of", { n: i + 1, total: s.pages.length }) });
          if (p.drawing?.background_media && p.background?.url) rememberPicture(p.drawing.background_media, p.background.url, false);
          if (p.drawing) requestAnimationFrame(() => renderDrawing(canvas, p.drawing, 640));
          return h("section", { class: "book-page" }, p.drawing ? canvas : null, p.text ? h("p", { class: "book-text" }, p.text) : null);
        })));
      box.replaceChildren(
        h("div", { class: "book-cover" },
          h("h1", { dataset: { test: "book-title" } }, `📖 ${t("book_of", { name: b.class.name })}`),
          h("p", {}, t(b.stories.length === 1 ? "book_count_one" : "book_count", { n: b.stories.length }))),
        h("div", { class: "btn-row no-print" }, printButton()),
        ...(stories.length ? stories : [h("p", { class: "muted" }, t("book_empty"))]));
    })
    .catch((err) => box.replaceChildren(h("p", { class: "error", role: "alert" }, errorText(err))));
}
