// eventwire dashboard: vanilla JS + SVG, no third-party code.
// Every string that comes from an article (text, title, url, actor texts, speakers …) is hostile:
// it only ever reaches the page through textContent / createTextNode / setAttribute of a
// non-executable attribute; links are made only for http(s) URLs.
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const FILTERS = ["actor", "recipient", "type", "since", "until", "text", "language", "min_independent"];
const PAGE = ["sort", "order", "offset"];
let worldCache = null;

// ------------------------------------------------------------------------------------ helpers

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVGNS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (/^on/i.test(k) || k === "style") throw new Error("refusing attribute " + k);
    node.setAttribute(k, String(v));
  }
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function on(node, event, fn) { node.addEventListener(event, fn); return node; }

function safeLink(url, label) {
  if (typeof url === "string" && /^https?:\/\//i.test(url.trim())) {
    try {
      const u = new URL(url.trim());
      if (u.protocol === "http:" || u.protocol === "https:") {
        return el("a", { href: u.href, rel: "noopener noreferrer nofollow", target: "_blank" }, label || url);
      }
    } catch (e) { /* not a URL: plain text below */ }
  }
  return el("span", { class: "muted" }, label || url || "—");
}

function route() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const qi = raw.indexOf("?");
  const path = qi >= 0 ? raw.slice(0, qi) : raw;
  const params = new URLSearchParams(qi >= 0 ? raw.slice(qi + 1) : "");
  return { path: path || "/", params };
}

function filterParams(params) {
  const out = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) out.set(k, params.get(k));
  return out;
}

function go(path, params) {
  const qs = params.toString();
  location.hash = "#" + path + (qs ? "?" + qs : "");
}

async function api(path, params) {
  const qs = params ? params.toString() : "";
  const res = await fetch("/api/" + path + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(res.status + " " + (await res.text()).slice(0, 200));
  return res.json();
}

function panel(title, ...children) {
  return el("section", { class: "panel" }, el("h2", {}, title), ...children);
}

function who(countries, text) {
  const c = (countries || []).join(", ");
  return c || text || "?";
}

function quadClass(q) { return q === 1 || q === 2 ? "coop" : q === 3 || q === 4 ? "conflict" : "other"; }

function eventLink(ev, label, params) {
  const href = "#/event/" + encodeURIComponent(ev.event_id) + (params && params.toString() ? "?" + params : "");
  return el("a", { href, class: "event-link" }, label);
}

// ------------------------------------------------------------------------------------ filters

function syncForm(params) {
  for (const k of FILTERS) {
    const input = document.getElementById("f-" + k);
    if (input) input.value = params.get(k) || "";
  }
}

function applyForm() {
  const { path } = route();
  const p = new URLSearchParams();
  for (const k of FILTERS) {
    const v = document.getElementById("f-" + k).value.trim();
    if (v) p.set(k, v);
  }
  const target = path.startsWith("/claims") ? "/claims" : "/";
  go(target, p);
}

// ------------------------------------------------------------------------------------ charts

function binKey(iso, unit) {
  return unit === "day" ? iso : unit === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
}

function timeline(byDay) {
  let days = byDay.filter(d => d.date);
  const all = days.reduce((s, d) => s + d.total, 0);
  // a few far-away dates (e.g. a treaty of 1991 mentioned in passing) must not squash the recent
  // days into one bar: show the last 180 days when they hold at least 80% of the events
  let hidden = 0;
  if (days.length) {
    const cut = new Date(Date.parse(days[days.length - 1].date) - 180 * 864e5).toISOString().slice(0, 10);
    const recent = days.filter(d => d.date >= cut);
    const inRecent = recent.reduce((s, d) => s + d.total, 0);
    if (inRecent < all && inRecent >= 0.8 * all) { hidden = all - inRecent; days = recent; }
  }
  const W = 820, H = 220, L = 36, B = 26, T = 10;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "timeline", role: "img",
    "aria-label": "events per day, cooperation vs conflict", "data-total": all, "data-hidden": hidden });
  if (hidden) root.appendChild(svg("text", { x: W - 2, y: T + 8, class: "axis", "text-anchor": "end" }, `${hidden} earlier events not shown`));
  if (!days.length) { root.appendChild(svg("text", { x: W / 2, y: H / 2, class: "axis", "text-anchor": "middle" }, "no dated events")); return root; }
  const first = new Date(days[0].date), last = new Date(days[days.length - 1].date);
  const spanDays = (last - first) / 864e5;
  const unit = spanDays <= 200 ? "day" : spanDays <= 365 * 6 ? "month" : "year";
  const bins = new Map();
  for (const d of days) {
    const k = binKey(d.date, unit);
    const b = bins.get(k) || { key: k, cooperation: 0, conflict: 0, other: 0 };
    b.cooperation += d.cooperation; b.conflict += d.conflict; b.other += d.other;
    bins.set(k, b);
  }
  // continuous axis: every bin between first and last
  const keys = [];
  const cur = new Date(Date.UTC(first.getUTCFullYear(), unit === "year" ? 0 : first.getUTCMonth(), unit === "day" ? first.getUTCDate() : 1));
  while (cur <= last && keys.length < 2000) {
    keys.push(binKey(cur.toISOString().slice(0, 10), unit));
    if (unit === "day") cur.setUTCDate(cur.getUTCDate() + 1);
    else if (unit === "month") cur.setUTCMonth(cur.getUTCMonth() + 1);
    else cur.setUTCFullYear(cur.getUTCFullYear() + 1);
  }
  const series = keys.map(k => bins.get(k) || { key: k, cooperation: 0, conflict: 0, other: 0 });
  const max = Math.max(1, ...series.map(b => b.cooperation + b.conflict + b.other));
  const bw = (W - L - 4) / series.length;
  const y = v => (H - B - T) * v / max;
  series.forEach((b, i) => {
    let base = H - B;
    for (const cls of ["conflict", "cooperation", "other"]) {
      const v = b[cls];
      if (!v) continue;
      const h = y(v);
      base -= h;
      root.appendChild(svg("rect", { x: (L + i * bw).toFixed(2), y: base.toFixed(2), width: Math.max(1, bw - 1).toFixed(2),
        height: h.toFixed(2), class: "bar " + (cls === "cooperation" ? "coop" : cls) },
        svg("title", {}, `${b.key}: ${v} ${cls}`)));
    }
  });
  root.appendChild(svg("line", { x1: L, y1: H - B, x2: W, y2: H - B, stroke: "#888" }));
  root.appendChild(svg("text", { x: L - 4, y: T + 8, class: "axis", "text-anchor": "end" }, String(max)));
  root.appendChild(svg("text", { x: L - 4, y: H - B, class: "axis", "text-anchor": "end" }, "0"));
  root.appendChild(svg("text", { x: L, y: H - 8, class: "axis" }, series[0].key));
  root.appendChild(svg("text", { x: W - 2, y: H - 8, class: "axis", "text-anchor": "end" }, series[series.length - 1].key + ` (per ${unit})`));
  return root;
}

async function worldMap(places, params) {
  if (!worldCache) {
    const res = await fetch("/static/world.json");
    worldCache = await res.json();
  }
  const root = svg("svg", { viewBox: "0 0 360 180", id: "map", role: "img", "aria-label": "event locations" });
  root.appendChild(svg("rect", { x: 0, y: 0, width: 360, height: 180, class: "ocean" }));
  const g = svg("g", { class: "countries" });
  for (const c of worldCache.countries) g.appendChild(svg("path", { d: c.d, class: "country" }, svg("title", {}, c.name || "")));
  root.appendChild(g);
  const maxN = Math.max(1, ...places.map(p => p.events));
  for (const p of places) {
    const share = p.conflict + p.cooperation ? p.conflict / (p.conflict + p.cooperation) : null;
    const r = 1 + 5 * Math.sqrt(p.events / maxN);
    const dot = svg("circle", { cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2), r: r.toFixed(2),
      class: "place " + (share === null ? "other" : share >= 0.5 ? "conflict" : "coop") },
      svg("title", {}, `${p.name || "?"} (${p.country || "?"}): ${p.events} events, ${p.conflict} conflict, ${p.cooperation} cooperation`));
    on(dot, "click", () => go("/event/" + encodeURIComponent(p.example_event), filterParams(params)));
    root.appendChild(dot);
  }
  return root;
}

function shareColour(share) {
  if (share === null || share === undefined) return "#999999";
  const r = Math.round(46 + (192 - 46) * share), g = Math.round(139 + (57 - 139) * share), b = Math.round(87 + (43 - 87) * share);
  return `rgb(${r},${g},${b})`;
}

function network(net, params) {
  const W = 520, H = 420, cx = W / 2, cy = H / 2, R = 160;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, id: "network", role: "img", "aria-label": "actor network" });
  const nodes = net.nodes.slice(0, 40);
  const pos = new Map();
  nodes.forEach((n, i) => {
    const a = 2 * Math.PI * i / Math.max(1, nodes.length) - Math.PI / 2;
    pos.set(n.id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]);
  });
  const maxW = Math.max(1, ...net.edges.map(e => e.weight));
  const defs = svg("defs", {});
  root.appendChild(defs);
  for (const e of net.edges) {
    const s = pos.get(e.source), t = pos.get(e.target);
    if (!s || !t || e.source === e.target) continue;
    // a curve so that A→B and B→A stay apart
    const mx = (s[0] + t[0]) / 2 + (t[1] - s[1]) * 0.15, my = (s[1] + t[1]) / 2 - (t[0] - s[0]) * 0.15;
    root.appendChild(svg("path", { d: `M${s[0].toFixed(1)},${s[1].toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${t[0].toFixed(1)},${t[1].toFixed(1)}`,
      fill: "none", stroke: shareColour(e.conflict_share), "stroke-opacity": 0.75,
      "stroke-width": (1 + 6 * e.weight / maxW).toFixed(2), class: "edge" },
      svg("title", {}, `${e.source} → ${e.target}: ${e.weight} events (${e.cooperation} cooperation, ${e.conflict} conflict)`)));
  }
  const maxN = Math.max(1, ...nodes.map(n => n.weight));
  for (const n of nodes) {
    const [x, y] = pos.get(n.id);
    const c = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: (5 + 12 * Math.sqrt(n.weight / maxN)).toFixed(1), class: "node" },
      svg("title", {}, `${n.id}: ${n.as_actor} as actor, ${n.as_recipient} as recipient (click: filter by actor)`));
    on(c, "click", () => { const p = filterParams(params); p.set("actor", n.id); go("/", p); });
    root.appendChild(c);
    const lx = cx + (R + 26) * (x - cx) / R, ly = cy + (R + 26) * (y - cy) / R;
    root.appendChild(svg("text", { x: lx.toFixed(1), y: (ly + 4).toFixed(1), class: "node-label", "text-anchor": "middle" }, n.id));
  }
  return root;
}

function legend() {
  return el("div", { class: "legend" },
    el("span", {}, el("i", { class: "swatch coop" }), "cooperation (quad 1–2)"),
    el("span", {}, el("i", { class: "swatch conflict" }), "conflict (quad 3–4)"),
    el("span", {}, el("i", { class: "swatch other" }), "unknown"));
}

// ------------------------------------------------------------------------------------ views

function eventsTable(data, params) {
  const fp = filterParams(params);
  const table = el("table", { id: "events-table" },
    el("thead", {}, el("tr", {}, ["date", "type", "actor → recipient", "where", "mentions", "sources", "confidence", "evidence"].map(h => el("th", {}, h)))));
  const body = el("tbody", {});
  for (const ev of data.items) {
    body.appendChild(el("tr", {},
      el("td", {}, ev.date || "—"), el("td", {}, ev.event_type),
      el("td", {}, who(ev.actor_countries, ev.actor_text) + " → " + who(ev.recipient_countries, ev.recipient_text)),
      el("td", {}, (ev.location && ev.location.name) || "—"), el("td", {}, ev.num_mentions),
      el("td", {}, ev.num_sources), el("td", {}, ev.confidence),
      el("td", {}, eventLink(ev, ev.sentence || ev.event_id, fp))));
  }
  table.appendChild(body);
  const offset = Number(params.get("offset") || 0), limit = data.limit;
  const pager = el("div", { class: "pager" },
    el("span", {}, `${data.total} events; showing ${data.total ? offset + 1 : 0}–${Math.min(offset + limit, data.total)}`));
  const sortSel = el("select", { id: "sort" }, ["date", "num_mentions", "confidence"].map(s => el("option", { value: s }, "sort: " + s)));
  sortSel.value = params.get("sort") || "date";
  on(sortSel, "change", () => { const p = new URLSearchParams(params); p.set("sort", sortSel.value); p.delete("offset"); go("/", p); });
  const orderSel = el("select", { id: "order" }, ["desc", "asc"].map(s => el("option", { value: s }, s)));
  orderSel.value = params.get("order") || "desc";
  on(orderSel, "change", () => { const p = new URLSearchParams(params); p.set("order", orderSel.value); p.delete("offset"); go("/", p); });
  pager.append(sortSel, orderSel);
  if (offset > 0) pager.appendChild(on(el("button", { type: "button" }, "← previous"), "click", () => {
    const p = new URLSearchParams(params); p.set("offset", Math.max(0, offset - limit)); go("/", p); }));
  if (offset + limit < data.total) pager.appendChild(on(el("button", { type: "button", id: "next-page" }, "next →"), "click", () => {
    const p = new URLSearchParams(params); p.set("offset", offset + limit); go("/", p); }));
  return [pager, table];
}

async function viewDashboard(params) {
  const fp = filterParams(params);
  const ep = new URLSearchParams(fp);
  for (const k of PAGE) if (params.get(k)) ep.set(k, params.get(k));
  ep.set("limit", "50");
  const [stats, actors, events] = await Promise.all([api("stats", fp), api("actors", fp), api("events", ep)]);
  const summary = el("p", { id: "summary" },
    `${stats.events} events from ${stats.mentions} mentions match; store: ${stats.store.articles} articles, ` +
    `${stats.store.mentions} mentions, ${stats.store.events} events.`);
  const exportLinks = el("p", {}, "Export: ", ["plover", "gdelt", "csv", "parquet"].map(f => {
    const p = new URLSearchParams(fp); p.set("format", f);
    return [el("a", { href: "/api/export?" + p.toString() }, f), " "];
  }));
  const panels = el("div", { class: "panels" },
    panel("Timeline: events per day", timeline(stats.by_day), legend()),
    panel("Map of event locations", await worldMap(stats.places, params)),
    panel("Actor network (edge colour: cooperation → conflict share)", network(actors.network, params)),
    panel("Event types", el("table", { id: "types" }, Object.entries(stats.by_type).map(([t, n]) =>
      el("tr", {}, el("td", {}, on(el("a", { href: "#" }, t), "click", ev => { ev.preventDefault(); const p = filterParams(params); p.set("type", t); go("/", p); })), el("td", {}, n))))));
  return [summary, panels, el("h2", {}, "Events"), ...eventsTable(events, params), exportLinks];
}

function recordDl(obj) {
  const dl = el("dl", { class: "record" });
  for (const [k, v] of Object.entries(obj)) {
    dl.appendChild(el("dt", {}, k));
    let dd;
    if (v === null || v === undefined) dd = el("dd", { class: "muted" }, "null");
    else if (Array.isArray(v)) dd = el("dd", {}, v.length === 0 ? el("span", { class: "muted" }, "[]") :
      v.map(x => (x && typeof x === "object") ? recordDl(x) : el("div", {}, String(x))));
    else if (typeof v === "object") dd = el("dd", {}, recordDl(v));
    else if (k === "url") dd = el("dd", {}, safeLink(v));
    else dd = el("dd", {}, String(v));
    dl.appendChild(dd);
  }
  return dl;
}

// Article text with one evidence sentence and its trigger highlighted (DOM nodes only).
function highlighted(text, ev) {
  const pre = el("div", { class: "article-text" });
  const s = ev.start, e = ev.end;
  if (s === null || e === null || s < 0 || e > text.length || s >= e) { pre.textContent = text; return pre; }
  pre.appendChild(document.createTextNode(text.slice(0, s)));
  const mark = el("mark", { class: "evidence", "data-mention-id": ev.mention_id });
  const ts = ev.trigger_start, te = ev.trigger_end;
  if (ts !== null && te !== null && ts >= s && te <= e && ts < te) {
    mark.append(document.createTextNode(text.slice(s, ts)), el("mark", { class: "trigger" }, text.slice(ts, te)),
      document.createTextNode(text.slice(te, e)));
  } else {
    mark.appendChild(document.createTextNode(text.slice(s, e)));
  }
  pre.append(mark, document.createTextNode(text.slice(e)));
  return pre;
}

// A claim record (eventwire.consolidate.claims): per stance, the speakers who took it.
const STANCES = ["asserted", "hedged", "denied", "negated"];

function claimEntries(claim) {
  if (!claim) return [];
  return STANCES.flatMap(st => claim[st + "_by"] || []);
}

function speakerLabel(sp) {
  if (!sp) return "(unattributed)";
  const label = sp.label || sp.name || sp.text || sp.country || "(unattributed)";
  return label + (sp.country && sp.country !== label ? ` [${sp.country}]` : "") + (sp.kind === "narrator" ? " (narrator)" : "");
}

function refLabel(r) { return (r && (r.country || r.name || r.text)) || "?"; }

function claimsTable(claim) {
  const t = el("table", { class: "claims-table" }, el("thead", {}, el("tr", {},
    ["speaker", "stance", "certainty", "first said", "cue", "backed by", "times", "statement"].map(h => el("th", {}, h)))));
  const body = el("tbody", {});
  for (const c of claimEntries(claim)) {
    const ev = c.evidence || {};
    const certainty = (c.certainty || "—") + (c.hedge ? ` (${c.hedge})` : "");
    const backers = (c.backed_by || []).map(refLabel).join(", ");
    body.appendChild(el("tr", {},
      el("td", {}, speakerLabel(c.speaker)),
      el("td", { class: "stance-" + c.stance }, c.stance), el("td", {}, certainty),
      el("td", {}, c.first_said || "—"), el("td", {}, c.cue || "—"), el("td", {}, backers || "—"),
      el("td", {}, String(c.count || 1)),
      el("td", {}, ev.sentence || "", ev.url ? [" — ", safeLink(ev.url, ev.site || ev.url)] : null)));
  }
  t.appendChild(body);
  return t;
}

async function viewEvent(id, params) {
  const data = await api("events/" + encodeURIComponent(id));
  const ev = data.event || {};
  const out = [el("h2", { id: "event-title" }, `${ev.event_type || "?"}: ${who(ev.actor_countries, ev.actor_text)} → ${who(ev.recipient_countries, ev.recipient_text)}, ${ev.date || "undated"}`),
    el("p", {}, el("a", { href: "#/?" + filterParams(params).toString() }, "← back to the dashboard"))];
  out.push(el("h3", {}, "Evidence"));
  const articles = new Map();
  for (const e of data.evidence) {
    if (!articles.has(e.article_id)) articles.set(e.article_id, await api("articles/" + encodeURIComponent(e.article_id)));
    const art = articles.get(e.article_id);
    out.push(el("div", { class: "evidence-block" },
      el("p", {}, el("strong", {}, art.title || "(untitled)"), " — ", safeLink(art.url), " — ",
        el("a", { href: "#/article/" + encodeURIComponent(e.article_id) }, "article view"),
        ` — ${e.event_type}, trigger “`, el("span", {}, e.trigger || ""), "”"),
      highlighted(art.text || "", e)));
  }
  out.push(el("h3", {}, "Claims (who asserts, hedges, denies)"), claimsTable(data.claim));
  out.push(el("h3", {}, "Event"), recordDl(ev));
  out.push(el("h3", {}, `Mentions (${data.mentions.length}): every field of the record`));
  for (const m of data.mentions) out.push(el("div", { class: "panel mention" }, recordDl(m)));
  return out;
}

function claimStrip(claim) {
  const items = ((claim && claim.timeline) || []).filter(t => t.said_at && !isNaN(Date.parse(t.said_at)));
  const times = items.map(t => Date.parse(t.said_at)).sort((x, y) => x - y);
  const W = 300, H = 24;
  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "claim-strip", width: W, height: H });
  root.appendChild(svg("line", { x1: 5, y1: H / 2, x2: W - 5, y2: H / 2, stroke: "#bbb" }));
  if (!times.length) return root;
  const t0 = times[0], t1 = times[times.length - 1];
  for (const t of items) {
    const x = t1 > t0 ? 5 + (W - 10) * (Date.parse(t.said_at) - t0) / (t1 - t0) : W / 2;
    root.appendChild(svg("circle", { cx: x.toFixed(1), cy: H / 2, r: 5, class: "dot-" + t.stance },
      svg("title", {}, `${t.said_at}: ${speakerLabel(t.speaker)} ${t.stance}`)));
  }
  return root;
}

async function viewClaims(params) {
  const fp = filterParams(params);
  const p = new URLSearchParams(fp);
  p.set("limit", "50");
  if (params.get("offset")) p.set("offset", params.get("offset"));
  const data = await api("claims", p);
  const out = [el("h2", {}, `Claims: ${data.total} events with attributed or denied mentions`)];
  const list = el("div", { id: "claims" });
  for (const ev of data.items) {
    list.appendChild(el("div", { class: "claim panel" },
      el("h3", {}, eventLink(ev, `${ev.event_type}: ${who(ev.actor_countries, ev.actor_text)} → ${who(ev.recipient_countries, ev.recipient_text)} (${ev.date || "undated"})`, fp)),
      el("p", {}, ev.sentence || ""),
      el("p", { class: "claim-summary" }, STANCES.map((st, i) => [i ? "; " : "", st + ": ",
        ((ev.claim && ev.claim[st + "_by"]) || []).map(c => speakerLabel(c.speaker)).join(", ") || "—"])),
      claimStrip(ev.claim), claimsTable(ev.claim)));
  }
  out.push(list);
  return out;
}

async function viewArticle(id) {
  const art = await api("articles/" + encodeURIComponent(id));
  const text = art.text || "";
  const box = el("div", { class: "article-text", id: "article-text" });
  let pos = 0;
  for (const s of art.spans) {
    if (s.start === null || s.start < pos || s.end > text.length) continue;  // overlapping: listed below only
    box.appendChild(document.createTextNode(text.slice(pos, s.start)));
    const mark = el("mark", { class: "span", title: `${s.event_type} (${s.polarity}, ${s.certainty})` });
    if (s.trigger_start !== null && s.trigger_start >= s.start && s.trigger_end <= s.end) {
      mark.append(document.createTextNode(text.slice(s.start, s.trigger_start)),
        el("mark", { class: "trigger" }, text.slice(s.trigger_start, s.trigger_end)),
        document.createTextNode(text.slice(s.trigger_end, s.end)));
    } else mark.appendChild(document.createTextNode(text.slice(s.start, s.end)));
    on(mark, "click", () => go("/event/" + encodeURIComponent(s.event_id), new URLSearchParams()));
    box.appendChild(mark);
    pos = s.end;
  }
  box.appendChild(document.createTextNode(text.slice(pos)));
  const spans = el("table", {}, el("tr", {}, ["start", "end", "type", "trigger", "event"].map(h => el("th", {}, h))),
    art.spans.map(s => el("tr", {}, el("td", {}, s.start), el("td", {}, s.end), el("td", {}, s.event_type),
      el("td", {}, s.trigger || ""), el("td", {}, el("a", { href: "#/event/" + encodeURIComponent(s.event_id) }, s.event_id)))));
  const meta = Object.fromEntries(Object.entries(art).filter(([k]) => !["text", "spans", "sentences", "mention_ids"].includes(k)));
  return [el("h2", { id: "article-title" }, art.title || "(untitled)"), el("p", {}, safeLink(art.url)),
    box, el("h3", {}, "Evidence spans"), spans, el("h3", {}, "Article fields"), recordDl(meta)];
}

async function render() {
  const { path, params } = route();
  syncForm(params);
  const view = document.getElementById("view");
  view.setAttribute("data-state", "loading");
  let nodes;
  try {
    if (path.startsWith("/event/")) nodes = await viewEvent(decodeURIComponent(path.slice(7)), params);
    else if (path.startsWith("/article/")) nodes = await viewArticle(decodeURIComponent(path.slice(9)));
    else if (path.startsWith("/claims")) nodes = await viewClaims(params);
    else nodes = await viewDashboard(params);
  } catch (err) {
    nodes = [el("p", { class: "error" }, "Error: " + err.message)];
  }
  if (route().path !== path || route().params.toString() !== params.toString()) return;  // superseded
  view.replaceChildren(...nodes.flat());
  view.setAttribute("data-state", "ready");
  view.setAttribute("data-route", path);
}

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("filters");
  on(form, "submit", e => { e.preventDefault(); applyForm(); });
  for (const id of ["f-type", "f-since", "f-until"]) on(document.getElementById(id), "change", applyForm);
  on(document.getElementById("f-reset"), "click", () => { form.reset(); go(route().path.startsWith("/claims") ? "/claims" : "/", new URLSearchParams()); });
  window.addEventListener("hashchange", render);
  render();
});
