/*
 * A walk from the network's API, rendered in the browser: the list of walks, one walk with its
 * facts and stops, and each stop with its story. No framework and no build step, so that a
 * front-end developer can read it top to bottom and take what they need.
 *
 * The API address comes from ?api=… or, when this page is served by the site itself, from its
 * own origin. From another origin (or opened as a file) the site must allow this origin in
 * CORS_ALLOWED_ORIGINS. Everything the API sends is put on the page as text, except rich text
 * (introductions, paragraphs, sources), which is HTML: it passes an allow-list first, because
 * ?api= may name any server.
 */
"use strict";

const view = document.getElementById("view");
const statusLine = document.getElementById("status");
const apiInput = document.getElementById("api-base");

function apiBase() {
  const fromQuery = new URLSearchParams(location.search).get("api");
  if (fromQuery && /^https?:\/\//.test(fromQuery)) return fromQuery.replace(/\/+$/, "");
  return location.protocol.startsWith("http") ? location.origin : "";
}

const MESSAGES = {
  404: "Diese Seite gibt es nicht (oder nicht öffentlich).",
  422: "Diese Adresse ist ungültig.",
  429: "Zu viele Anfragen. Bitte gleich noch einmal versuchen.",
};

/* GET a path of the API as JSON; errors carry the problem answer's `detail`. */
async function api(path) {
  let response;
  try {
    response = await fetch(`${apiBase()}/api/v3${path}`, { headers: { Accept: "application/json" } });
  } catch {
    throw new Error(
      "Die API ist nicht erreichbar. Stimmt die Adresse, und erlaubt sie diesen Ursprung (CORS_ALLOWED_ORIGINS)?",
    );
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error(MESSAGES[response.status] || (body && body.detail) || `HTTP ${response.status}`);
  }
  return body;
}

/* An element with attributes and children (strings become text nodes, never HTML). */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === "") continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/* Rich text: parsed in an inert document, then rebuilt from allowed elements and attributes
   only (no scripts, no event handlers, links only to http(s) and mailto). */
const ALLOWED = {
  P: [], BR: [], B: [], STRONG: [], I: [], EM: [], UL: [], OL: [], LI: [], H2: [], H3: [], H4: [],
  BLOCKQUOTE: [], A: ["href"], SPAN: [],
};
const DROPPED = ["SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "SVG", "MATH"];
function cleaned(node) {
  if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
  if (node.nodeType !== Node.ELEMENT_NODE || DROPPED.includes(node.tagName.toUpperCase())) return null;
  const children = [...node.childNodes].map(cleaned).filter(Boolean);
  if (!(node.tagName in ALLOWED)) return children; // keep the text of unknown elements
  const copy = document.createElement(node.tagName);
  for (const name of [...ALLOWED[node.tagName], "lang", "dir"]) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    if (name === "href" && !/^(https?:|mailto:|\/|#)/i.test(value)) continue;
    copy.setAttribute(name, value);
  }
  copy.append(...children.flat(Infinity));
  return copy;
}
function richText(html) {
  const parsed = new DOMParser().parseFromString(html || "", "text/html");
  return el("div", { class: "rich-text" }, [...parsed.body.childNodes].map(cleaned));
}

function show(message, isError = false) {
  statusLine.textContent = message;
  statusLine.classList.toggle("status--error", isError);
}

/* Replace the view and move focus to its heading, so that screen readers announce it.
   The content's language (the page's locale) goes on the view, for screen readers too. */
function render(language, ...nodes) {
  view.setAttribute("lang", language);
  view.setAttribute("dir", ["ar", "fa", "he", "ur"].includes(language.split("-")[0]) ? "rtl" : "ltr");
  view.replaceChildren(...nodes.flat(Infinity).filter(Boolean));
  const heading = view.querySelector("h1");
  if (heading) {
    heading.setAttribute("tabindex", "-1");
    heading.focus();
  }
  show("");
}

const kilometres = (metres) =>
  `${(metres / 1000).toLocaleString("de-DE", { maximumFractionDigits: 1 })} km`;
const minutes = (count) =>
  count >= 60 ? `${Math.floor(count / 60)} h ${count % 60 ? `${count % 60} min` : ""}`.trim() : `${count} min`;

async function showWalks() {
  show("Rundgänge werden geladen …");
  const walks = await api("/tours/?limit=100");
  document.title = "Rundgänge – Beispiel-Client";
  render(
    "de",
    el("h1", {}, "Rundgänge"),
    walks.items.length
      ? el(
          "ul",
          { class: "walks", role: "list" },
          walks.items.map((walk) =>
            el(
              "li",
              {},
              el("h2", {}, el("a", { href: `#walk/${walk.id}` }, walk.title)),
              walk.theme ? el("p", {}, walk.theme) : null,
              el(
                "p",
                { class: "credit" },
                `${walk.stop_count} Stationen · ${kilometres(walk.length_m)} · etwa ${minutes(walk.duration_minutes)} · `,
                walk.languages.map((language) => language.native_name).join(", "),
              ),
            ),
          ),
        )
      : el("p", {}, "Noch keine Rundgänge veröffentlicht."),
  );
}

async function showWalk(walkId) {
  show("Rundgang wird geladen …");
  const walk = await api(`/pages/${walkId}/`);
  if (walk.meta.type !== "tours.TourPage") throw new Error("Das ist kein Rundgang.");
  document.title = `${walk.title} – Rundgänge`;
  const facts = [
    ["Länge", `${kilometres(walk.length_m)}${walk.length_is_straight_line ? " (Luftlinie)" : ""}`],
    ["Dauer", `etwa ${minutes(walk.duration_minutes)}`],
    ["Start", walk.start_point],
    ["Barrierefreiheit", walk.step_free_label],
    ["Untergrund", walk.surface_label],
    ["Sprachen", walk.languages.map((language) => language.native_name).join(", ")],
  ].filter(([, value]) => value);
  render(
    walk.meta.locale,
    el("p", {}, el("a", { href: "#" }, "← Alle Rundgänge")),
    el("h1", {}, walk.title),
    walk.theme ? el("p", { class: "lead" }, walk.theme) : null,
    el("dl", { class: "facts" }, facts.map(([term, value]) => [el("dt", {}, term), el("dd", {}, value)])),
    walk.accessibility_note ? el("p", {}, walk.accessibility_note) : null,
    richText(walk.intro),
    el("h2", {}, `${walk.stops.length} Stationen`),
    el(
      "ol",
      { class: "stops", role: "list", "aria-label": "Stationen in Gehreihenfolge" },
      walk.stops.map((stop) =>
        el(
          "li",
          {},
          el("span", { class: "stop-number", "aria-hidden": "true" }, stop.number),
          el("a", { href: `#walk/${walk.id}/stop/${stop.id}` }, stop.title),
          stop.teaser ? el("p", {}, stop.teaser) : null,
        ),
      ),
    ),
  );
}

function figure(image, caption, credit) {
  const rendition = image.image && (image.image.renditions.medium || image.image.renditions.large);
  if (!rendition) return null;
  return el(
    "figure",
    {},
    el("img", {
      src: rendition.url,
      width: rendition.width,
      height: rendition.height,
      alt: image.decorative ? "" : image.image.alt,
      loading: "lazy",
    }),
    caption || credit ? el("figcaption", {}, caption, credit ? ` Bild: ${credit}` : "") : null,
  );
}

/* One block of a stop's story. Unknown block types are skipped, so that new ones in the CMS
   never break this page. */
function storyBlock(block) {
  const value = block.value;
  switch (block.type) {
    case "paragraph":
      return richText(value);
    case "image":
      return figure(value, value.caption, value.credit);
    case "gallery":
      return el(
        "section",
        {},
        value.heading ? el("h2", {}, value.heading) : null,
        value.images.map((image) => figure(image, image.caption, image.credit)),
      );
    case "quote":
      return el(
        "figure",
        {},
        el("blockquote", {}, el("p", {}, value.quote)),
        value.speaker ? el("figcaption", {}, `– ${value.speaker}`) : null,
      );
    case "audio":
      return el(
        "figure",
        { class: "audio" },
        el("figcaption", {}, el("strong", {}, value.title || "Hörstück")),
        value.audio ? el("audio", { controls: "", preload: "none", src: value.audio.url }) : null,
        value.transcript
          ? el(
              "details",
              {},
              el("summary", {}, "Abschrift lesen"),
              value.transcript.split(/\n\s*\n/).map((paragraph) => el("p", {}, paragraph)),
            )
          : null,
        value.credit ? el("p", { class: "credit" }, value.credit) : null,
      );
    case "period":
      return el(
        "p",
        { class: "period" },
        el("strong", {}, value.label),
        ` (${value.start_year}${value.end_year ? `–${value.end_year}` : ""})`,
        value.text ? ` ${value.text}` : "",
      );
    default:
      return null;
  }
}

async function showStop(stopId) {
  show("Station wird geladen …");
  const stop = await api(`/pages/${stopId}/`);
  const position = stop.tour;
  if (stop.meta.type !== "tours.TourStopPage" || !position) {
    throw new Error("Das ist keine Station eines veröffentlichten Rundgangs.");
  }
  const walkId = position.walk.id; // from the API, whatever the address said
  document.title = `${stop.title} – Rundgänge`;
  const link = (page, label, rel) =>
    page ? el("a", { href: `#walk/${walkId}/stop/${page.id}`, rel }, label) : null;
  render(
    stop.meta.locale,
    el("p", {}, el("a", { href: `#walk/${walkId}` }, `← ${position.walk.title}`)),
    el("p", { class: "credit" }, `Station ${position.number} von ${position.stop_count}`),
    el("h1", {}, stop.title),
    stop.address ? el("p", {}, stop.address) : null,
    stop.story.map(storyBlock),
    stop.sources ? el("section", {}, el("h2", {}, "Quellen"), richText(stop.sources)) : null,
    el(
      "nav",
      { class: "stop-nav", "aria-label": "Stationen" },
      link(position.previous, `← Zurück: ${position.previous && position.previous.title}`, "prev"),
      link(position.next, `Weiter: ${position.next && position.next.title} →`, "next"),
    ),
  );
}

/* Addresses: #walk/<id> and #walk/<id>/stop/<id>; anything else is the list. */
async function route() {
  const [, walkId, , stopId] = location.hash.replace(/^#/, "").split("/");
  try {
    if (!apiBase()) {
      show("Bitte die Adresse der API angeben, z. B. http://127.0.0.1:8000.");
      return;
    }
    if (stopId) await showStop(stopId);
    else if (walkId) await showWalk(walkId);
    else await showWalks();
  } catch (error) {
    document.title = "Fehler – Rundgänge";
    render(
      "de",
      el("h1", {}, "Das hat nicht geklappt"),
      el("p", {}, error.message),
      el("p", {}, el("a", { href: "#" }, "Zu allen Rundgängen")),
    );
    show(error.message, true);
  }
}

apiInput.value = apiBase();
document.getElementById("api-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set("api", apiInput.value);
  url.hash = "";
  location.assign(url);
});
window.addEventListener("hashchange", () => {
  // The skip link's target is not a view.
  if (location.hash !== "#content") route();
});
route();
