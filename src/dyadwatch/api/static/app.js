/* dyadwatch dashboard: plain JavaScript, no library, no network beyond this server's /api.
 * Charts are SVG drawn here. Every text from the data goes through textContent (never HTML).
 * When a view has loaded, <body data-ready="N"> counts completed loads (tests wait on it). */
"use strict";

const VIEWS = ["all", "history", "non_history", "security", "economy", "people", "multilateral", "domestic"];
const COLORS = {
  all: "#636363", history: "#8c2d04", non_history: "#2171b5", security: "#6a51a3",
  economy: "#238b45", people: "#dd3497", multilateral: "#fe9929", domestic: "#969696",
};
const LABELS = {
  all: "all events", history: "history", non_history: "everything but history", security: "security",
  economy: "economy", people: "people", multilateral: "multilateral", domestic: "domestic",
};
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const SVG_NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

const state = {
  dyads: [], dyad: null, since: "", until: "", by: "auto", dateField: "event",
  shown: new Set(["all", "history", "non_history"]), series: [], alerts: [], step: "year",
  timeline: { offset: 0, next: null, since: null, until: null, highlight: new Set() },
  generation: 0, selected: null, loads: 0,
};

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "on") for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs, parent) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

/* ---------------------------------------------------------------- fetching */

class ApiError extends Error {}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === null || v === undefined || v === "") continue;
    for (const one of Array.isArray(v) ? v : [v]) q.append(k, String(one));
  }
  const url = "/api/" + path + (q.toString() ? "?" + q : "");
  const res = await fetch(url, { headers: { accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const detail = body && body.detail ? body.detail : res.status + " " + res.statusText;
    throw new ApiError(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return body;
}

function showError(err) {
  const box = $("error");
  if (!err) { box.hidden = true; box.textContent = ""; return; }
  box.hidden = false;
  box.textContent = err instanceof ApiError ? err.message : "Could not load: " + err;
}

/* ---------------------------------------------------------------- formatting */

function actorsLabel(actors, countries) {
  if (Array.isArray(actors) && actors.length) {
    return actors.map((a) => a.name || a.country || "?").join(", ");
  }
  return (countries || []).join(", ");
}

function who(ev) {
  const s = actorsLabel(ev.source, ev.source_countries);
  const t = actorsLabel(ev.target, ev.target_countries);
  return t ? (s || "(unnamed)") + " → " + t : s;
}

function dateLabel(ev) {
  if (!ev.date) return "undated";
  return ev.date_precision === "week" ? ev.date + " (week)" : ev.date_precision === "decade" ? ev.date + "s" : ev.date;
}

function fmtNumber(v) {
  if (v === null || v === undefined) return "";
  const a = Math.abs(v);
  if (a >= 1e12) return (v / 1e12).toFixed(2).replace(/\.?0+$/, "") + " trillion";
  if (a >= 1e9) return (v / 1e9).toFixed(2).replace(/\.?0+$/, "") + " billion";
  if (a >= 1e6) return (v / 1e6).toFixed(2).replace(/\.?0+$/, "") + " million";
  return v.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function signed(v) { return v === null || v === undefined ? "–" : (v > 0 ? "+" : "") + v.toFixed(2); }

function safeUrl(u) {
  try { const url = new URL(u); return url.protocol === "http:" || url.protocol === "https:" ? url.href : null; }
  catch (e) { return null; }
}

/* ---------------------------------------------------------------- state and URL */

function readHash() {
  const p = new URLSearchParams(location.hash.slice(1));
  state.dyad = p.get("dyad") || state.dyad;
  state.since = p.get("since") || "";
  state.until = p.get("until") || "";
  state.by = p.get("by") || "auto";
  state.dateField = p.get("date") === "published" ? "published" : "event";
}

function writeHash() {
  const p = new URLSearchParams();
  p.set("dyad", state.dyad);
  if (state.since) p.set("since", state.since);
  if (state.until) p.set("until", state.until);
  if (state.by !== "auto") p.set("by", state.by);
  if (state.dateField !== "event") p.set("date", state.dateField);
  history.replaceState(null, "", "#" + p.toString());
}

function syncForm() {
  $("dyad").value = state.dyad || "";
  $("since").value = state.since;
  $("until").value = state.until;
  $("by").value = state.by;
  $("date-field").value = state.dateField;
}

function autoStep() {
  if (state.by !== "auto") return state.by;
  const d = state.dyads.find((x) => x.dyad === state.dyad);
  if (d && !state.since && !state.until) return d.suggested_by; // the server's rule, same below
  const first = state.since || (d && d.first_date);
  const last = state.until || (d && d.last_date);
  if (!first || !last) return "year";
  const days = (Date.parse(periodEnd(last)) - Date.parse(periodStart(first))) / DAY;
  return days > 20 * 365 ? "year" : days > 120 ? "month" : "day";
}

function periodStart(p) { return p.length === 4 ? p + "-01-01" : p.length === 7 ? p + "-01" : p; }
function periodEnd(p) {
  if (p.length === 4) return p + "-12-31";
  if (p.length === 7) { const [y, m] = p.split("-").map(Number); return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10); }
  return p;
}

function nextStart(t, step) {
  const d = new Date(t);
  if (step === "day") return t + DAY;
  if (step === "month") return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

/* ---------------------------------------------------------------- loading */

async function loadDyads() {
  const [dyads, health] = await Promise.all([api("dyads", { limit: 1000 }), api("health")]);
  state.dyads = dyads.items;
  const sel = $("dyad");
  sel.replaceChildren(...state.dyads.map((d) => el("option", { value: d.dyad }, `${d.a}–${d.b} (${d.n_events})`)));
  const c = health.counts;
  $("status").textContent = `${c.events} events in ${c.documents} documents · ${c.quotes} quotes · ${c.indicators} indicators`;
  if (!state.dyads.some((d) => d.dyad === state.dyad)) {
    state.dyad = state.dyads.length ? state.dyads[0].dyad : null; // the most active
  }
}

async function loadAll() {
  showError(null);
  if (!state.dyad) {
    $("chart").replaceChildren(el("p", { class: "empty" }, "The database holds no event between two countries yet."));
    markReady();
    return;
  }
  writeHash();
  const gen = ++state.generation;
  state.step = autoStep();
  const [a, b] = state.dyad.split("-");
  $("chart-sub").textContent = `${a}–${b}, per ${state.step}, ${state.dateField === "event" ? "by the event's own date" : "by publication date"}`;
  const period = { since: state.since, until: state.until };
  const jobs = [
    api("series", {
      dyad: state.dyad, by: state.step, dual_track: true, nonempty: true, date_field: state.dateField,
      fields: "n_events,n_coop,n_conflict,net_coop,event_ids", ...period,
    }),
    api("alerts", { dyad: state.dyad, by: state.step, date_field: state.dateField, limit: 1000 }),
    loadTimeline(gen, period, false),
    api("quotes", { country: [a, b], ...period, limit: 200 }),
    api("indicators", { dyad: state.dyad, ...period, limit: 200 }),
  ];
  const results = await Promise.allSettled(jobs);
  if (gen !== state.generation) return;
  const [series, alerts, , quotes, indicators] = results;
  const failed = results.find((r) => r.status === "rejected");
  if (failed) showError(failed.reason);
  state.series = series.status === "fulfilled" ? series.value.rows : [];
  state.alerts = alerts.status === "fulfilled" ? alerts.value.items.filter(inPeriod) : [];
  if (series.status === "fulfilled") renderCoverage(series.value.coverage);
  renderLegend();
  drawChart();
  renderAlerts();
  renderQuotes(quotes.status === "fulfilled" ? quotes.value : null);
  renderIndicators(indicators.status === "fulfilled" ? indicators.value : null);
  markReady();
}

function inPeriod(alert) {
  const p = alert.period;
  if (state.since && periodEnd(p) < periodStart(state.since)) return false;
  if (state.until && periodStart(p) > periodEnd(state.until)) return false;
  return true;
}

function markReady() {
  state.loads += 1;
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = String(state.loads);
}

async function loadTimeline(gen, period, append) {
  const t = state.timeline;
  if (!append) { t.offset = 0; t.since = period.since; t.until = period.until; }
  const res = await api("timeline", {
    dyad: state.dyad, since: t.since, until: t.until, limit: 200, offset: append ? t.next : 0,
  });
  if (gen !== state.generation) return res;
  renderTimeline(res.items, append);
  t.next = res.next_offset;
  $("more").hidden = t.next === null;
  return res;
}

/* ---------------------------------------------------------------- chart */

function renderLegend() {
  const present = new Set(state.series.map((r) => r.track));
  const box = $("legend");
  box.replaceChildren(...VIEWS.filter((v) => present.has(v)).map((v) => el("button", {
    type: "button", "aria-pressed": state.shown.has(v) ? "true" : "false", dataset: { view: v },
    on: { click: () => { state.shown.has(v) ? state.shown.delete(v) : state.shown.add(v); renderLegend(); drawChart(); } },
  }, swatch(COLORS[v]), LABELS[v])), zoomButtons());
}

function zoomButtons() {
  const d = state.dyads.find((x) => x.dyad === state.dyad);
  const last = d && d.last_date;
  const span = el("span", { class: "zoom" }, "Zoom: ");
  if (!last) return span;
  const [y, m] = last.split("-").map(Number);
  const presets = [["all", ""], ["10 years", String(y - 9)], ["3 years", String(y - 2)],
    ["12 months", `${m === 12 ? y : y - 1}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}`]];
  for (const [label, since] of presets) {
    span.append(el("button", {
      type: "button", class: "link-button", "aria-pressed": state.since === since && !state.until ? "true" : "false",
      on: { click: () => { state.since = since; state.until = ""; state.by = "auto"; syncForm(); resetFocus(); loadAll(); } },
    }, label), " ");
  }
  return span;
}

function swatch(color) {
  const node = el("span", { class: "swatch" });
  node.style.background = color; // CSSOM, allowed by the page's CSP (a style attribute is not)
  return node;
}

function ticks(t0, t1, width) {
  const years = (t1 - t0) / (365.25 * DAY);
  const want = Math.max(2, Math.floor(width / 90));
  const out = [];
  if (years >= 2) {
    const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500].find((s) => years / s <= want) || 1000;
    let y = Math.ceil(new Date(t0).getUTCFullYear() / step) * step;
    for (; Date.UTC(y, 0, 1) <= t1; y += step) if (Date.UTC(y, 0, 1) >= t0) out.push([Date.UTC(y, 0, 1), String(y)]);
  } else if (years * 12 >= 2) {
    const months = years * 12;
    const step = [1, 2, 3, 6].find((s) => months / s <= want) || 12;
    const d = new Date(t0);
    let m = Math.ceil((d.getUTCFullYear() * 12 + d.getUTCMonth()) / step) * step;
    for (;; m += step) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t > t1) break;
      if (t >= t0) out.push([t, new Date(t).toISOString().slice(0, 7)]);
    }
  } else {
    const days = (t1 - t0) / DAY;
    const step = [1, 2, 7, 14].find((s) => days / s <= want) || 30;
    for (let t = t0; t <= t1; t += step * DAY) out.push([t, new Date(t).toISOString().slice(0, 10)]);
  }
  return out;
}

function drawChart() {
  const box = $("chart");
  const rows = state.series.filter((r) => r.period_start);
  if (!rows.length) {
    box.replaceChildren(el("p", { class: "empty" }, "No dated events of this dyad in this period."));
    return;
  }
  const width = Math.max(320, Math.round(box.clientWidth || 720));
  const m = { l: 46, r: 12, t: 12, b: 26 };
  const hLine = 220, hGap = 14, hBars = 64;
  const height = m.t + hLine + hGap + hBars + m.b;
  const starts = rows.map((r) => Date.parse(r.period_start));
  let t0 = Math.min(...starts);
  let t1 = Math.max(...starts.map((t) => nextStart(t, state.step)));
  if (state.since) t0 = Math.min(t0, Date.parse(periodStart(state.since)));
  if (state.until) t1 = Math.max(t1, Date.parse(periodEnd(state.until)) + DAY);
  const w = width - m.l - m.r;
  const x = (t) => m.l + ((t - t0) / (t1 - t0)) * w;
  const y = (v) => m.t + ((1 - v) / 2) * hLine;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "net cooperation chart" });
  const axis = svg("g", { class: "axis" }, root);
  for (const v of [-1, -0.5, 0, 0.5, 1]) {
    svg("line", { x1: m.l, x2: width - m.r, y1: y(v), y2: y(v), class: v === 0 ? "zero" : "grid" }, root);
    svg("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end" }, axis).textContent = v === 1 ? "+1" : String(v);
  }
  svg("text", { x: m.l + 4, y: y(1) + 12 }, axis).textContent = "cooperation";
  svg("text", { x: m.l + 4, y: y(-1) - 4 }, axis).textContent = "conflict";
  const base = m.t + hLine + hGap;
  for (const [t, label] of ticks(t0, t1, w)) {
    svg("line", { x1: x(t), x2: x(t), y1: m.t, y2: base + hBars, class: "grid" }, root);
    svg("text", { x: x(t), y: height - 8, "text-anchor": "middle" }, axis).textContent = label;
  }
  // counts: cooperation up, conflict down, around the middle of the strip (all events)
  const all = rows.filter((r) => r.track === "all");
  const maxN = Math.max(1, ...all.map((r) => Math.max(r.n_coop, r.n_conflict)));
  const mid = base + hBars / 2;
  const bars = svg("g", { class: "bars" }, root);
  for (const r of all) {
    const s = Date.parse(r.period_start), e = nextStart(s, state.step);
    const bx = x(s), bw = Math.max(2, x(e) - x(s) - 1);
    const hc = (r.n_coop / maxN) * (hBars / 2), hf = (r.n_conflict / maxN) * (hBars / 2);
    if (hc) svg("rect", { x: bx, y: mid - hc, width: bw, height: hc, class: "bar-coop mark" }, bars);
    if (hf) svg("rect", { x: bx, y: mid, width: bw, height: hf, class: "bar-conflict mark" }, bars);
  }
  svg("line", { x1: m.l, x2: width - m.r, y1: mid, y2: mid, class: "zero" }, root);
  svg("text", { x: m.l - 6, y: mid + 4, "text-anchor": "end" }, axis).textContent = "n";
  svg("title", {}, bars).textContent = `events per ${state.step}: cooperation above, conflict below (max ${maxN})`;
  // alerts
  for (const al of state.alerts) {
    const s = Date.parse(periodStart(al.period));
    const ax = x((s + nextStart(s, state.step)) / 2);
    const g = svg("g", { class: "alert-" + al.direction }, root);
    svg("line", { x1: ax, x2: ax, y1: m.t, y2: m.t + hLine, class: "alert-line" }, g);
    svg("path", { d: `M${ax - 5},${m.t - 2} L${ax + 5},${m.t - 2} L${ax},${m.t + 6} Z` }, g);
    svg("title", {}, g).textContent = alertText(al);
  }
  // one line and its points per view shown
  for (const view of VIEWS) {
    if (!state.shown.has(view)) continue;
    const pts = rows.filter((r) => r.track === view && r.net_coop !== null)
      .map((r) => ({ r, t: (Date.parse(r.period_start) + nextStart(Date.parse(r.period_start), state.step)) / 2 }))
      .sort((p, q) => p.t - q.t);
    if (!pts.length) continue;
    const g = svg("g", { class: "view", "data-view": view }, root);
    // adjacent periods are joined by a solid line, periods with empty ones between by a dashed one
    const solid = [], gaps = [];
    for (let i = 1; i < pts.length; i++) {
      const seg = `M${x(pts[i - 1].t).toFixed(1)},${y(pts[i - 1].r.net_coop).toFixed(1)} L${x(pts[i].t).toFixed(1)},${y(pts[i].r.net_coop).toFixed(1)}`;
      const adjacent = nextStart(Date.parse(pts[i - 1].r.period_start), state.step) >= Date.parse(pts[i].r.period_start);
      (adjacent ? solid : gaps).push(seg);
    }
    if (gaps.length) svg("path", { class: "line gap", stroke: COLORS[view], d: gaps.join(" ") }, g);
    if (solid.length) svg("path", { class: "line mark", stroke: COLORS[view], d: solid.join(" ") }, g);
    for (const p of pts) {
      const c = svg("circle", {
        class: "point mark", cx: x(p.t).toFixed(1), cy: y(p.r.net_coop).toFixed(1),
        r: Math.min(9, 2.5 + 1.5 * Math.sqrt(p.r.n_events)), fill: COLORS[view], tabindex: 0,
        "data-period": p.r.period,
      }, g);
      svg("title", {}, c).textContent = `${LABELS[view]} · ${p.r.period}: net cooperation ${signed(p.r.net_coop)} ` +
        `(${p.r.n_events} events: ${p.r.n_coop} cooperation, ${p.r.n_conflict} conflict)`;
      const open = () => focusPeriod(p.r);
      c.addEventListener("click", open);
      c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    }
  }
  box.replaceChildren(root);
}

function renderCoverage(cov) {
  if (!cov) { $("coverage").textContent = ""; return; }
  const left = [];
  if (cov.undated) left.push(`${cov.undated} undated`);
  if (cov.coarse_excluded) left.push(`${cov.coarse_excluded} dated more coarsely than a ${state.step}`);
  const st = Object.entries(cov.excluded_status || {}).map(([k, v]) => `${v} ${k}`);
  if (st.length) left.push(st.join(", "));
  if (cov.merged_in_cluster) left.push(`${cov.merged_in_cluster} repeated mentions merged`);
  $("coverage").textContent = `${cov.placed} events placed` + (left.length ? `; not on the chart: ${left.join("; ")}.` : ".");
}

/* ---------------------------------------------------------------- timeline and detail */

function renderTimeline(items, append) {
  const list = $("timeline");
  if (!append) list.replaceChildren();
  const hl = state.timeline.highlight;
  for (const ev of items) {
    const cls = `event-button q${ev.quad_class}` + (hl.has(ev.event_id) ? " highlight" : "") + (state.selected === ev.event_id ? " selected" : "");
    const btn = el("button", { type: "button", class: cls, dataset: { eventId: ev.event_id }, on: { click: () => openEvent(ev.event_id) } },
      el("span", { class: "date" }, dateLabel(ev)),
      el("span", { class: "type" }, ev.event_type, ev.status !== "asserted" ? el("span", { class: "tag" }, ev.status) : null),
      el("span", { class: "who" }, who(ev), ev.n_sources > 1 ? el("span", { class: "tag" }, `${ev.n_sources} sources`) : null),
      el("span", { class: "text" }, ev.text));
    list.append(el("li", {}, btn));
  }
  if (!list.children.length) list.append(el("li", { class: "empty" }, "No events for this dyad in this period."));
  $("timeline-count").textContent = `${list.querySelectorAll(".event-button").length} shown`;
}

async function focusPeriod(row) {
  state.timeline.highlight = new Set(row.event_ids || []);
  const box = $("timeline-filter");
  const p = state.dateField === "event" ? { since: row.period, until: row.period } : { since: state.since, until: state.until };
  box.hidden = false;
  box.replaceChildren(`Events of ${row.period}` + (state.dateField === "event" ? "" : " (highlighted)") + " · ",
    el("button", { type: "button", class: "link-button", on: { click: () => clearFocus() } }, "show the whole period"));
  try {
    await loadTimeline(state.generation, p, false);
    const first = $("timeline").querySelector(".highlight");
    if (first) first.scrollIntoView({ block: "nearest" });
    if (row.event_ids && row.event_ids.length) openEvent(row.event_ids[0]);
  } catch (e) { showError(e); }
}

async function clearFocus() {
  state.timeline.highlight = new Set();
  $("timeline-filter").hidden = true;
  try { await loadTimeline(state.generation, { since: state.since, until: state.until }, false); } catch (e) { showError(e); }
}

async function openEvent(id) {
  state.selected = id;
  for (const b of document.querySelectorAll(".event-button")) b.classList.toggle("selected", b.dataset.eventId === id);
  const box = $("event-detail");
  box.setAttribute("aria-busy", "true");
  try {
    const ev = await api("events/" + encodeURIComponent(id), { dyad: state.dyad });
    if (state.selected !== id) return;
    renderDetail(ev);
  } catch (e) {
    box.replaceChildren(el("p", { class: "empty" }, e.message));
  } finally {
    box.removeAttribute("aria-busy");
  }
}

function sentenceNode(ev) {
  const q = el("blockquote", { class: "sentence" });
  const [s, e] = ev.char_span || [null, null];
  const text = ev.sentence || "";
  if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= text.length && s < e) {
    q.append(text.slice(0, s), el("mark", { title: "trigger" }, text.slice(s, e)), text.slice(e));
  } else {
    q.append(text);
  }
  return q;
}

function actorList(actors) {
  if (!actors || !actors.length) return "—";
  return el("ul", {}, actors.map((a) => {
    const bits = [a.country, a.sector, a.person, a.role && a.role.replace(/_/g, " ")].filter(Boolean).join(" · ");
    return el("li", {}, el("strong", {}, a.name), bits ? ` (${bits})` : "", a.basis && a.basis !== "text" ? el("span", { class: "tag" }, "via " + a.basis) : null);
  }));
}

function renderDetail(ev) {
  const doc = ev.document || {};
  const url = doc.url ? safeUrl(doc.url) : null;
  const title = doc.title || doc.doc_id || ev.doc_id;
  const rows = [
    ["Type", [ev.event_type, ev.mode ? ` (${ev.mode})` : "", el("span", { class: "tag" }, `quad ${ev.quad_class}: ${QUADS[ev.quad_class] || "?"}`),
      el("span", { class: "tag" }, `intensity ${ev.intensity}`), ev.goldstein !== null ? el("span", { class: "tag" }, `Goldstein ${ev.goldstein}`) : null]],
    ["Status", ev.status],
    ["Source", actorList(ev.source)],
    ["Target", actorList(ev.target)],
    ["Date", [dateLabel(ev), ev.date_precision ? ` · precision ${ev.date_precision}` : "", ev.date_text ? ` · written “${ev.date_text}”` : ""]],
    ["Date basis", ev.date_basis || "—"],
    ["Article", [url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, title) : title,
      doc.published ? ` · published ${doc.published}` : " · publication date unknown"]],
    ["Tracks", ev.tracks && ev.tracks.length ? ev.tracks.join(", ") : "none"],
    ["Contexts", ev.contexts && ev.contexts.length ? ev.contexts.join(", ") : "—"],
    ["Coder", ev.coder_version || "—"],
    ["Confidence", ev.confidence === null ? "—" : ev.confidence.toFixed(2)],
    ["Event id", ev.event_id],
  ];
  const dl = el("dl", {}, rows.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  const parts = [el("h3", { class: "detail-title" }, `${ev.event_type}: ${who(ev)}`), sentenceNode(ev), dl];
  const others = (ev.mentions || []).filter((m) => m.event_id !== ev.event_id);
  if (others.length) {
    parts.push(el("h4", {}, `Also reported (${ev.cluster.n_mentions} mentions in ${ev.cluster.n_sources} sources)`),
      el("ul", { class: "mentions" }, others.map((m) => {
        const mu = m.url ? safeUrl(m.url) : null;
        const name = m.title || m.doc_id;
        return el("li", {}, el("q", {}, m.text), " — ", mu ? el("a", { href: mu, rel: "noopener noreferrer", target: "_blank" }, name) : name,
          m.published ? `, ${m.published}` : "", m.reason ? el("span", { class: "tag" }, m.reason) : null);
      })));
  }
  $("event-detail").replaceChildren(...parts);
}

/* ---------------------------------------------------------------- alerts and tables */

function alertText(al) {
  const what = al.metric === "net_coop" ? "net cooperation" : "conflict events per " + al.by;
  return `${al.period}: toward ${al.direction}; ${what} ${signed(al.before)} → ${signed(al.after)} ` +
    `(window ${al.window_start}–${al.window_end}, baseline ${al.baseline_start}–${al.baseline_end})`;
}

function renderAlerts() {
  const list = $("alerts");
  $("alerts-count").textContent = state.alerts.length ? `${state.alerts.length}` : "";
  if (!state.alerts.length) {
    list.replaceChildren(el("li", { class: "empty" }, "No shift in this series (method two-window: a window of periods against the baseline before it)."));
    return;
  }
  list.replaceChildren(...state.alerts.map((al, i) => el("li", {},
    el("div", { class: "alert-head " + al.direction }, `${al.period} · toward ${al.direction}`),
    el("div", { class: "alert-body" }, alertText(al)),
    el("details", { open: i === 0 },
      el("summary", {}, `${(al.events || []).length} driving events`),
      el("ol", { class: "alert-events" }, (al.events || []).map((ev) => el("li", {},
        el("button", { type: "button", class: "link-button", on: { click: () => openEvent(ev.event_id) } },
          `${ev.date || "undated"} ${ev.event_type}: ${ev.source}${ev.target ? " → " + ev.target : ""}`))))))));
}

function renderQuotes(res) {
  const body = $("quotes").tBodies[0];
  const items = res ? res.items : [];
  $("quotes-count").textContent = res ? `(${items.length}${res.next_offset !== null ? "+" : ""})` : "";
  body.replaceChildren(...items.map((q) => {
    const sp = q.speaker;
    const speaker = sp ? [sp.name, sp.country ? ` (${sp.country})` : ""].join("") : q.speaker_text || "unknown speaker";
    return el("tr", {}, el("td", {}, q.date || q.published || ""), el("td", {}, speaker),
      el("td", {}, q.direct ? `“${q.quote}”` : q.quote), el("td", {}, q.cue || ""));
  }));
  if (!items.length) body.append(el("tr", {}, el("td", { colspan: 4, class: "empty" }, "No quotes by speakers of either country.")));
}

function renderIndicators(res) {
  const body = $("indicators").tBodies[0];
  const items = res ? res.items : [];
  $("indicators-count").textContent = res ? `(${items.length}${res.next_offset !== null ? "+" : ""})` : "";
  body.replaceChildren(...items.map((i) => el("tr", {},
    el("td", {}, i.period || ""), el("td", {}, i.metric || "—"),
    el("td", { class: "num" }, (i.qualifier ? i.qualifier.replace(/_/g, " ") + " " : "") + fmtNumber(i.value)),
    el("td", {}, i.unit || ""), el("td", {}, (i.countries || []).join(", ")), el("td", {}, i.sentence || i.text))));
  if (!items.length) body.append(el("tr", {}, el("td", { colspan: 6, class: "empty" }, "No figures that concern both countries.")));
}

/* ---------------------------------------------------------------- wiring */

function resetFocus() {
  state.timeline.highlight = new Set();
  $("timeline-filter").hidden = true;
}

function onSubmit(e) {
  e.preventDefault();
  state.dyad = $("dyad").value;
  state.since = $("since").value.trim();
  state.until = $("until").value.trim();
  state.by = $("by").value;
  state.dateField = $("date-field").value;
  resetFocus();
  loadAll();
}

function setupTabs() {
  for (const tab of document.querySelectorAll(".tabs [role=tab]")) {
    tab.addEventListener("click", () => {
      for (const t of document.querySelectorAll(".tabs [role=tab]")) {
        const on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        $(t.dataset.panel).hidden = !on;
      }
    });
  }
}

async function start() {
  setupTabs();
  $("controls").addEventListener("submit", onSubmit);
  $("dyad").addEventListener("change", (e) => onSubmit(e));
  $("more").addEventListener("click", () => loadTimeline(state.generation, {}, true).catch(showError));
  let resizeTimer = null;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(drawChart, 150); });
  readHash();
  try {
    await loadDyads();
  } catch (e) {
    showError(e);
    markReady();
    return;
  }
  syncForm();
  await loadAll();
}

document.addEventListener("DOMContentLoaded", start);
