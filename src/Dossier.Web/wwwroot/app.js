// Dossier reading room: views drawn from the JSON API (/api/…), routed by the URL's hash.
// Safety rule: article text and every stored string reach the page only as text nodes (el() below) or SVG text;
// nothing from the store is ever parsed as markup, and links are built from ids, never taken from data.

const view = document.getElementById('view');
const SVG = 'http://www.w3.org/2000/svg';

// ---------- small helpers ----------

/** An element with properties and children; strings become text nodes. */
function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** An SVG element; attribute values are set as attributes (never as markup). */
function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  for (const c of children.flat(Infinity)) if (c !== undefined && c !== null && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

const enc = encodeURIComponent;
const link = (href, text, cls) => el('a', { href, class: cls }, text);
const actorHref = id => '#/actor/' + enc(id);
const articleHref = id => '#/article/' + enc(id);
const relationHref = (a, b) => '#/relation?' + new URLSearchParams({ a, b });
const fmt = n => Number(n).toLocaleString('en');
const gs = g => (g > 0 ? '+' : '') + Number(g).toFixed(1);
const gsClass = g => g > 0 ? 'gs-pos' : g < 0 ? 'gs-neg' : '';
const cut = (s, n) => !s ? '' : s.length > n ? s.slice(0, n - 1) + '…' : s;

function articleTitle(a) {
  if (a.title) return a.title;
  // No title: the text's first line, cut at a word near 90 characters.
  if (a.lead) {
    const line = a.lead.split('\n').find(l => l.trim()) || '';
    if (line.length <= 90) return line.trim();
    const cutAt = line.lastIndexOf(' ', 90);
    return line.slice(0, cutAt > 40 ? cutAt : 90).trim() + '…';
  }
  if (a.externalId) return a.externalId;
  return 'Article #' + a.id;
}

class ApiError extends Error {
  constructor(status, problem) { super(problem?.title || ('HTTP ' + status)); this.status = status; this.problem = problem; }
}

async function api(path, params, meta) {
  const qs = params ? '?' + new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')) : '';
  // A server that is not on this machine may ask for its token for reads too; the tab keeps it once given.
  const token = sessionStorage.getItem('dossier-token');
  const headers = { Accept: 'application/json', ...(token ? { Authorization: 'Bearer ' + token } : {}) };
  const res = await fetch('/api/' + path + qs, { headers });
  if (!res.ok) {
    let problem = null;
    try { problem = await res.json(); } catch { /* not JSON */ }
    throw new ApiError(res.status, problem);
  }
  if (meta) meta.headers = res.headers; // for answers that say more than their body (a search ranked among its latest matches)
  return res.json();
}

/** A write: POST JSON with the bearer token; answers the JSON body or throws an ApiError. */
async function apiPost(path, body, token) {
  const res = await fetch('/api/' + path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify(body),
  });
  let json = null;
  try { json = await res.json(); } catch { /* empty */ }
  if (!res.ok) throw new ApiError(res.status, json);
  return json;
}

function errorBox(e) {
  const p = e.problem;
  if (p?.code === 'DSR407') {
    // Reads need the token here: ask for it, keep it for this tab, and try again.
    return el('form', { class: 'error row', role: 'alert', id: 'token-form', onsubmit: ev => {
      ev.preventDefault();
      sessionStorage.setItem('dossier-token', ev.target.token.value.trim());
      route();
    } }, el('label', null, 'This server asks for its token to read from your address', el('input', { type: 'password', name: 'token', required: true, autocomplete: 'off' })),
      el('button', { type: 'submit' }, 'Continue'));
  }
  return el('div', { class: 'error', role: 'alert' },
    el('strong', null, e.message), p?.detail ? [' — ', p.detail] : null,
    p?.didYouMean?.length ? el('div', null, 'Did you mean: ', p.didYouMean.map((s, i) => [i ? ', ' : '', link('#/actors?' + new URLSearchParams({ q: s }), s)])) : null);
}

function show(...children) {
  view.replaceChildren(...children.flat().filter(Boolean));
}

function section(title, ...children) { return el('section', { class: 'card' }, el('h2', null, title), children); }

function pager(offset, limit, count, go) {
  if (offset === 0 && count < limit) return null;
  return el('div', { class: 'pager' },
    offset > 0 ? el('a', { href: go(Math.max(0, offset - limit)), rel: 'prev' }, '← previous') : null,
    el('span', { class: 'muted small' }, `${fmt(offset + 1)}–${fmt(offset + count)}`),
    count === limit ? el('a', { href: go(offset + limit), rel: 'next' }, 'next →') : null);
}

/** Shows the first n items of a list (ul or table) and a button for the rest. */
function more(list, n) {
  const items = list.tagName === 'TABLE' ? [...list.tBodies[0].rows] : [...list.children];
  if (items.length <= n + 2) return list;
  for (const item of items.slice(n)) item.classList.add('hidden');
  const button = el('button', { type: 'button', class: 'more', onclick: () => {
    for (const item of items) item.classList.remove('hidden');
    button.remove();
  } }, `Show ${items.length - n} more`);
  return el('div', null, list, button);
}

function typeChip(type) { return el('span', { class: 'chip type' }, type); }

// CAMEO code names ("043" → "Host a visit"), loaded once; views wait for them (a failure leaves codes unnamed).
let CAMEO = new Map();
const loadCameo = () => api('cameo').then(list => { CAMEO = new Map(list.map(c => [c.code, c.name])); }).catch(() => {});
let cameoReady = loadCameo();
const cameoName = code => CAMEO.get(code) || CAMEO.get(String(code).slice(0, 3)) || CAMEO.get(String(code).slice(0, 2)) || '';

// ---------- routing ----------

const routes = [
  [/^#?\/?$/, home],
  [/^#\/search$/, home],
  [/^#\/article\/(\d+)$/, article],
  [/^#\/actor\/([^?]+)$/, actor],
  [/^#\/actors$/, actors],
  [/^#\/events$/, events],
  [/^#\/happening\/(\d+)$/, happening],
  [/^#\/relation$/, relation],
];

async function route() {
  const [path, query] = (location.hash || '#/').split('?');
  const params = new URLSearchParams(query || '');
  for (const a of document.querySelectorAll('[data-nav]'))
    a.classList.toggle('on', path.startsWith('#/' + a.dataset.nav) || (a.dataset.nav === 'home' && (path === '#/' || path === '#/search' || path === '')));
  for (const [re, fn] of routes) {
    const m = re.exec(path);
    if (!m) continue;
    show(el('p', { class: 'loading' }, 'Loading…'));
    await cameoReady;
    if (CAMEO.size === 0) await (cameoReady = loadCameo()); // refused before a token was given
    try { await fn(params, ...m.slice(1).map(decodeURIComponent)); }
    catch (e) { show(e instanceof ApiError ? errorBox(e) : el('div', { class: 'error', role: 'alert' }, String(e))); }
    view.focus({ preventScroll: true });
    return;
  }
  show(el('div', { class: 'error' }, 'No such page. ', link('#/', 'Back to search')));
}

window.addEventListener('hashchange', route);
document.getElementById('quick-search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = new FormData(ev.target).get('q').trim();
  if (q) location.hash = '#/search?' + new URLSearchParams({ q });
});

// ---------- home and search ----------

async function home(params) {
  const q = (params.get('q') || '').trim();
  const offset = +params.get('offset') || 0;
  const form = el('form', { class: 'row', role: 'search', id: 'search-form', onsubmit: ev => {
    ev.preventDefault();
    const v = ev.target.q.value.trim();
    location.hash = v ? '#/search?' + new URLSearchParams({ q: v }) : '#/';
  } },
    el('label', null, 'Find articles and actors', el('input', { class: 'big', type: 'search', name: 'q', value: q, placeholder: '"peace talks", Putin, sanction*', autocomplete: 'off' })),
    el('button', { type: 'submit' }, 'Search'));
  document.querySelector('#quick-search input').value = q;
  if (!q) {
    const [top, latest] = await Promise.all([api('actors', { limit: 12 }), api('articles', { offset, limit: 20 })]);
    show(el('h1', null, 'Search the dossier'), form,
      el('div', { class: 'grid' },
        section('Most mentioned actors', actorList(top)),
        section('Articles', el('ul', { class: 'plain', id: 'article-list' }, latest.map(a => el('li', null,
          link(articleHref(a.id), articleTitle(a)), ' ', el('span', { class: 'muted small' }, a.published?.slice(0, 10) || 'undated')))),
          pager(offset, 20, latest.length, o => '#/?' + new URLSearchParams({ offset: o })))));
    return;
  }
  const meta = {};
  const [hits, actorHits] = await Promise.all([api('articles/search', { q, offset, limit: 20 }, meta), api('actors', { q, limit: 10 })]);
  // A query matching more articles than the store ranks is ranked among the latest of them: say so, and how to reach older ones.
  const ranked = Number(meta.headers?.get('Dossier-Ranked-Latest')) || 0;
  show(el('h1', null, 'Search'), form,
    el('div', { class: 'grid' },
      section(`Articles matching “${q}”`, hits.length === 0 ? el('p', { class: 'muted' }, 'No article matches.') :
        el('ul', { class: 'plain', id: 'search-results' }, hits.map(h => el('li', null,
          link(articleHref(h.id), articleTitle(h)), ' ', el('span', { class: 'muted small' }, h.published?.slice(0, 10) || ''),
          el('div', { class: 'small' }, snippet(h.snippet))))),
        ranked ? el('p', { class: 'muted small', id: 'search-ranked' },
          `More than ${ranked.toLocaleString('en')} articles match: these are ranked among the ${ranked.toLocaleString('en')} stored last. Add a word or a "phrase" to reach older ones.`) : null,
        pager(offset, 20, hits.length, o => '#/search?' + new URLSearchParams({ q, offset: o }))),
      section('Actors', actorHits.length === 0 ? el('p', { class: 'muted' }, 'No actor has that name.') : actorList(actorHits))));
}

/** A search snippet: the server marks matches with « » (no markup in JSON); they become <mark> elements here. */
function snippet(s) {
  const out = [];
  const re = /«([^»]*)»/g;
  let last = 0, m;
  while ((m = re.exec(s))) { out.push(s.slice(last, m.index), el('mark', null, m[1])); last = m.index + m[0].length; }
  out.push(s.slice(last));
  return out;
}

function actorList(list) {
  return el('ul', { class: 'plain actor-list' }, list.map(a => el('li', null,
    link(actorHref(a.id), a.name), ' ', typeChip(a.type), ' ',
    el('span', { class: 'muted small' }, `${fmt(a.mentions)} mentions in ${fmt(a.articles)} article${a.articles === 1 ? '' : 's'}`))));
}

// ---------- actors list ----------

async function actors(params) {
  const q = params.get('q') || '', type = params.get('type') || '', offset = +params.get('offset') || 0;
  const list = await api('actors', { q, type, offset, limit: 50 });
  const go = o => '#/actors?' + new URLSearchParams({ q, type, offset: o });
  show(el('h1', null, 'Actors'),
    el('form', { class: 'row', onsubmit: ev => {
      ev.preventDefault();
      const f = ev.target;
      location.hash = '#/actors?' + new URLSearchParams({ q: f.q.value.trim(), type: f.type.value });
    } },
      el('label', null, 'Name contains', el('input', { name: 'q', value: q, type: 'search' })),
      el('label', null, 'Type', el('select', { name: 'type' }, ['', 'PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT'].map(t =>
        el('option', { value: t, selected: t === type }, t || 'any')))),
      el('button', { type: 'submit' }, 'Filter')),
    el('table', { class: 'list' },
      el('thead', null, el('tr', null, el('th', null, 'Actor'), el('th', null, 'Type'), el('th', { class: 'num' }, 'Mentions'),
        el('th', { class: 'num' }, 'Articles'), el('th', { class: 'num wide' }, 'Names'))),
      el('tbody', null, list.map(a => el('tr', null, el('td', null, link(actorHref(a.id), a.name)), el('td', null, a.type),
        el('td', { class: 'num' }, fmt(a.mentions)), el('td', { class: 'num' }, fmt(a.articles)), el('td', { class: 'num wide' }, a.aliases))))),
    list.length === 0 ? el('p', { class: 'muted' }, 'No actors.') : null,
    pager(offset, 50, list.length, go));
}

// ---------- the article reader ----------

const LAYERS = [
  ['entities', 'Entities', 'sw-PERSON'],
  ['timexes', 'Dates and times', 'sw-t'],
  ['quotes', 'Quotes', 'sw-q'],
  ['claims', 'Claims (certainty)', 'sw-c'],
  ['events', 'Events', 'sw-ev'],
  ['posts', 'Embedded posts', 'sw-p'],
];
const layerState = Object.fromEntries(LAYERS.map(([k]) => [k, true]));

async function article(params, id) {
  const doc = await api('articles/' + id);
  const actorsById = new Map((doc.actors || []).map(a => [a.id, a]));
  const name = aid => actorsById.get(aid)?.name || aid;
  const text = doc.text || '';

  // Every annotation of every layer, with the character range it highlights.
  const notes = [];
  for (const e of doc.entities || []) notes.push({ layer: 'entities', start: e.start, end: e.end, cls: 'e-' + (['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC'].includes(e.type) ? e.type : 'other'), data: e });
  for (const t of doc.timexes || []) notes.push({ layer: 'timexes', start: t.start, end: t.end, cls: 't', data: t });
  for (const q of doc.quotes || []) notes.push({ layer: 'quotes', start: q.start, end: q.end, cls: 'q', data: q });
  for (const c of doc.claims || []) if (c.certainty !== 'asserted') notes.push({ layer: 'claims', start: c.start, end: c.end, cls: 'c-' + c.certainty, data: c });
  for (const v of doc.events || []) {
    // The trigger word carries the event; the evidence span is shown in the details.
    let s = v.start, e = v.end;
    const i = v.trigger ? text.slice(v.start, v.end).indexOf(v.trigger) : -1;
    if (i >= 0) { s = v.start + i; e = s + v.trigger.length; }
    notes.push({ layer: 'events', start: s, end: e, cls: 'ev' + (v.goldstein > 0 ? ' coop' : ''), data: v });
  }
  for (const p of doc.posts || []) notes.push({ layer: 'posts', start: p.start, end: p.end, cls: 'p', data: p });
  const claimsAll = doc.claims || [];

  const details = el('aside', { class: 'card details', id: 'details', 'aria-live': 'polite' },
    el('h2', null, 'Details'), el('p', { class: 'muted small' }, 'Point at or tap a highlighted word to see what was extracted there and which component found it.'));
  const body = el('div', { class: 'article-text', id: 'article-text', lang: 'en' });

  function render() {
    const active = notes.filter(n => layerState[n.layer] && n.end > n.start && n.start >= 0 && n.end <= text.length);
    const cuts = new Set([0, text.length]);
    for (const n of active) { cuts.add(n.start); cuts.add(n.end); }
    const points = [...cuts].sort((a, b) => a - b);
    // Sweep: annotations sorted by start; the open set is kept small.
    active.sort((a, b) => a.start - b.start);
    const frag = document.createDocumentFragment();
    let next = 0, open = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i], to = points[i + 1];
      while (next < active.length && active[next].start <= from) open.push(active[next++]);
      open = open.filter(n => n.end > from);
      const here = open.filter(n => n.start <= from && n.end >= to);
      const piece = text.slice(from, to);
      if (here.length === 0) { frag.append(piece); continue; }
      const span = el('span', { class: 'hl ' + [...new Set(here.map(n => n.cls))].join(' '), tabindex: here.some(n => n.layer !== 'claims' && n.layer !== 'quotes') ? 0 : null }, piece);
      span._notes = here;
      frag.append(span);
    }
    body.replaceChildren(frag);
  }

  let pinned = null;
  function describe(span) {
    const items = span._notes.map(n => noteCard(n, name));
    details.classList.add('has');
    details.replaceChildren(el('button', { type: 'button', class: 'close', 'aria-label': 'Close details', onclick: () => {
      details.classList.remove('has');
      if (pinned) { pinned.classList.remove('sel'); pinned = null; }
    } }, '×'), el('h2', null, 'Details'), ...items);
  }
  body.addEventListener('mouseover', ev => { const s = ev.target.closest('.hl'); if (s && !pinned) describe(s); });
  body.addEventListener('focusin', ev => { const s = ev.target.closest('.hl'); if (s) describe(s); });
  body.addEventListener('click', ev => {
    const s = ev.target.closest('.hl');
    if (pinned) pinned.classList.remove('sel');
    pinned = s && s !== pinned ? s : null;
    if (pinned) { pinned.classList.add('sel'); describe(pinned); }
  });

  const toggles = el('div', { class: 'layers', role: 'group', 'aria-label': 'Layers' }, LAYERS.map(([key, label, sw]) =>
    el('label', null, el('input', { type: 'checkbox', checked: layerState[key], dataset: { layer: key }, onchange: ev => { layerState[key] = ev.target.checked; render(); } }),
      el('span', { class: 'swatch ' + sw }), `${label} (${(doc[key] || []).length})`)));

  render();
  // Where the date came from (the contract's publishedFrom): an analyst weighs a JSON-LD date and a date read in the text differently.
  const from = { jsonld: "the page's JSON-LD", meta: "the page's metadata", url: 'its address', body: 'a date line of the text', input: 'the input' }[doc.publishedFrom];
  const when = doc.published ? doc.published.slice(0, 10) + (from ? ` (date from ${from})` : '') : 'undated (relative dates left unresolved)';
  const meta = [when, doc.source, doc.byline].filter(Boolean).join(' · ');
  show(
    el('p', { class: 'small' }, link('#/', '← search')),
    el('h1', { id: 'article-title' }, doc.title || cut(text.split('\n')[0], 120) || 'Article #' + id),
    el('p', { id: 'article-meta', class: 'muted small' }, meta, doc.url && /^https?:\/\//i.test(doc.url) ? [' · ', el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'original')] : null,
      ` · pipeline ${doc.pipeline || '?'}`),
    toggles,
    el('div', { class: 'reader' }, body, details),
    section(`Events (${(doc.events || []).length})`, eventTable((doc.events || []).map(v => ({
      date: v.date, dateFromPublication: v.dateFromPublication, cameo: v.cameo, plover: v.plover, goldstein: v.goldstein, trigger: v.trigger,
      negated: v.negated, evidence: v.text, sourceIds: v.source, targetIds: v.target,
    })), name)),
    el('div', { class: 'grid' },
      section(`Actors (${(doc.actors || []).length})`, el('ul', { class: 'plain', id: 'article-actors' }, (doc.actors || []).map(a => el('li', null,
        link(actorHref(a.id), a.name), ' ', typeChip(a.type), ' ', el('span', { class: 'muted small' }, `${a.mentions} mention${a.mentions === 1 ? '' : 's'}`),
        a.aliases?.length ? el('div', { class: 'small muted' }, 'also: ', a.aliases.join(', ')) : null)))),
      section(`Quotes (${(doc.quotes || []).length})`, el('ul', { class: 'plain' }, (doc.quotes || []).map(q => el('li', null,
        el('q', null, cut(q.text, 300)), el('div', { class: 'small muted' }, '— ', q.speaker ? link(actorHref(q.speaker), name(q.speaker)) : (q.speakerText || 'unattributed'),
          q.speaker && q.speakerText && q.speakerText !== name(q.speaker) ? ` (“${q.speakerText}”)` : '', ` · ${q.kind}`))))),
      (doc.posts || []).length ? section(`Embedded posts (${doc.posts.length})`, el('ul', { class: 'plain', id: 'article-posts' }, doc.posts.map(p => el('li', null,
        el('div', null, el('strong', null, p.author || p.handle || 'unknown'), p.handle && p.author ? ` ${p.handle}` : '', ` · ${p.platform || 'post'} · ${p.date || 'undated'}`),
        el('div', { class: 'small' }, cut(p.text, 300)))))) : null,
      section(`Dates and times (${(doc.timexes || []).length})`, el('ul', { class: 'plain' }, (doc.timexes || []).map(t => el('li', null,
        el('mark', null, t.text), ' → ', el('code', null, t.value || '?'), ' ', el('span', { class: 'muted small' }, t.type))))),
      section(`Claims not asserted (${claimsAll.filter(c => c.certainty !== 'asserted').length} of ${claimsAll.length})`,
        el('ul', { class: 'plain' }, claimsAll.filter(c => c.certainty !== 'asserted').map(c => el('li', null,
          el('span', { class: 'chip' }, c.certainty), ' ', cut(c.text, 240),
          el('div', { class: 'small muted' }, 'on the authority of ', authority(c, name))))))));
}

const LAYER_NAMES = { entities: 'Entity', timexes: 'Time expression', quotes: 'Quote', claims: 'Claim', events: 'Event', posts: 'Embedded post' };

function noteCard(n, name) {
  const d = n.data;
  const rows = [];
  const kind = { entities: 'entity', timexes: 'timex', quotes: 'quote', claims: 'claim', events: 'event', posts: 'post' }[n.layer];
  if (n.layer === 'entities') {
    rows.push(el('div', null, el('strong', null, d.text), ' ', typeChip(d.type)));
    if (d.actor) rows.push(el('div', null, 'actor: ', link(actorHref(d.actor), name(d.actor)), ` (${d.actor})`));
    if (d.description) rows.push(el('div', { class: 'small muted' }, 'a description of the office holder, not a name'));
  } else if (n.layer === 'timexes') {
    rows.push(el('div', null, el('strong', null, d.text), ' ', typeChip(d.type)));
    rows.push(el('div', null, 'value: ', el('code', null, d.value || 'none')));
  } else if (n.layer === 'quotes') {
    rows.push(el('div', null, 'speaker: ', d.speaker ? link(actorHref(d.speaker), name(d.speaker)) : el('em', null, 'unattributed'),
      d.speakerText ? ` as “${d.speakerText}”` : ''));
    rows.push(el('div', null, `${d.kind} quote`, d.cue ? `, cue “${d.cue}”` : ''));
    rows.push(el('div', { class: 'small' }, el('q', null, cut(d.text, 200))));
  } else if (n.layer === 'claims') {
    rows.push(el('div', null, 'certainty: ', el('strong', null, d.certainty)));
    rows.push(el('div', null, 'on the authority of ', authority(d, name)));
  } else if (n.layer === 'events') {
    rows.push(el('div', null, el('strong', null, `CAMEO ${d.cameo} ${cameoName(d.cameo)}`), d.plover ? ` · ${d.plover}` : '', ' · Goldstein ', el('span', { class: gsClass(d.goldstein) }, gs(d.goldstein)),
      d.negated ? ' · negated' : ''));
    rows.push(el('div', null, parties(d.source, name), ' → ', parties(d.target, name)));
    rows.push(el('div', null, 'date: ', d.date || 'undated', d.dateFromPublication ? ' (from publication)' : ''));
    rows.push(el('div', null, 'certainty: ', d.certainty));
    rows.push(el('div', { class: 'small muted' }, cut(d.text, 220)));
  } else if (n.layer === 'posts') {
    rows.push(el('div', null, el('strong', null, d.author || d.handle || 'unknown author'), d.handle && d.author ? ` ${d.handle}` : '', d.platform ? ` · ${d.platform}` : ''));
    rows.push(el('div', null, 'date: ', d.date || 'not given'));
    if (d.url) rows.push(el('div', { class: 'small muted' }, 'link: ', d.url)); // shown as text: it comes from the article
  }
  return el('div', { class: 'item ' + kind }, el('div', { class: 'small muted' }, LAYER_NAMES[n.layer]), rows, el('div', { class: 'by' }, 'by ', d.by || '?'));
}

/** Whose word a claim rests on: a linked actor, else the kind of source in words. */
function authority(c, name) {
  if (c.sourceActor) return link(actorHref(c.sourceActor), name(c.sourceActor));
  return { author: 'the author', named: 'a named source', unnamed: 'an unnamed source', social: 'a social-media post' }[c.source] || c.source || 'the author';
}

function parties(ids, name) {
  if (!ids || ids.length === 0) return el('em', null, '?');
  return ids.map((id, i) => [i ? ', ' : '', link(actorHref(id), name(id))]);
}

/** Events as a table; either API events (sources/targets as names) or contract events (ids resolved with name). */
function eventTable(list, name) {
  if (list.length === 0) return el('p', { class: 'muted' }, 'No events.');
  return el('table', { class: 'list events' },
    el('thead', null, el('tr', null, el('th', null, 'Date'), el('th', null, 'Who → whom'), el('th', null, 'Code'), el('th', { class: 'num' }, 'Goldstein'),
      el('th', { class: 'wide' }, 'Evidence'))),
    el('tbody', null, list.map(e => el('tr', { dataset: { event: e.id ?? '' } },
      el('td', null, e.date || 'undated', e.dateFromPublication ? el('span', { class: 'muted', title: 'date of publication' }, '*') : ''),
      el('td', null, e.sourceIds ? parties(e.sourceIds, name) : (e.sources || '?'), ' → ', e.targetIds ? parties(e.targetIds, name) : (e.targets || '?')),
      el('td', null, e.cameo, ' ', el('span', { class: 'small' }, e.cameoName || cameoName(e.cameo)), e.plover ? el('div', { class: 'small muted' }, e.plover) : null,
        e.negated ? el('div', { class: 'small' }, 'negated') : null,
        reportsNote(e)),
      el('td', { class: 'num ' + gsClass(e.goldstein) }, gs(e.goldstein)),
      el('td', { class: 'wide small' }, '“', el('strong', null, e.trigger), '” ', cut(e.evidence, 220),
        e.article ? [' ', link(articleHref(e.article.id), '— ' + cut(articleTitle(e.article), 60))] : null)))));
}

/** "3 reports in 2 articles" for an act several articles tell (a link to its happening), "told 2× here" within one. */
function reportsNote(e) {
  if (e.reports > 1 && e.happening != null)
    return el('div', { class: 'small' }, link('#/happening/' + e.happening, `${e.reports} reports in ${e.reportingArticles} article${e.reportingArticles === 1 ? '' : 's'}`));
  return e.mentions > 1 ? el('div', { class: 'small muted' }, `told ${e.mentions}× in the article`) : null;
}

// ---------- the actor page ----------

async function actor(params, ref) {
  const d = await api('actors/' + enc(ref), { limit: 50 });
  show(
    el('p', { class: 'small' }, link('#/actors', '← actors')),
    el('h1', { id: 'actor-name' }, d.name, ' ', typeChip(d.type)),
    el('p', { class: 'muted' }, `${d.id} · ${fmt(d.mentions)} mentions in ${fmt(d.articles)} article${d.articles === 1 ? '' : 's'}`,
      Object.keys(d.codes || {}).length ? ' · codes ' + Object.entries(d.codes).map(([k, v]) => `${k} ${v}`).join(', ') : ''),
    el('div', { class: 'grid' },
      section(`Names (${d.aliases.length})`, el('div', { class: 'chips', id: 'aliases' }, d.aliases.map(a =>
        el('span', { class: 'chip', title: a.evidence || '' }, a.alias, ' ', el('span', { class: 'muted small' }, `×${a.articles}`))))),
      section(`Roles (${d.roles.length})`, d.roles.length ? [roleChart(d.roles), el('ul', { class: 'plain small', id: 'roles' }, d.roles.map(r => el('li', null,
        el('strong', null, roleName(r)), ' ', el('span', { class: 'muted' }, r.source === 'dictionary'
          ? `${r.start || '?'} → ${r.end || 'present'} · actor dictionary (${r.code})`
          : `${r.start || '?'} → ${r.end ? '≤' + r.end : r.lastSeen ? 'last seen ' + r.lastSeen : 'present'} · ${r.articles} article${r.articles === 1 ? '' : 's'}`))))]
        : el('p', { class: 'muted' }, 'No role stated.')),
      section('Seen with', d.coActors.length ? [network(d), el('p', { class: 'small muted' }, d.coActorsOver < d.articles ? `Counted over its latest ${d.coActorsOver.toLocaleString('en')} of ${d.articles.toLocaleString('en')} articles. ` : '',
        'Lines: articles naming both (dashed: two of them together in two or more of this actor\'s articles). ',
        d.coActors.slice(0, 3).map((c, i) => [i ? ' · ' : '', link(relationHref(d.id, c.id), `relation with ${c.name}`)]))] : el('p', { class: 'muted' }, 'Alone so far.'))),
    d.evidence?.length ? el('details', { class: 'card', id: 'evidence' }, el('summary', null, `How these names became one actor (${d.evidence.length})`),
      el('ul', { class: 'plain small' }, d.evidence.map(x => el('li', null, x.text, ' ', el('span', { class: 'muted' }, `× ${x.articles}`))))) : null,
    corrections(d),
    section(`Quotes (${d.quoteCount})`, d.quotes.length ? [more(el('ul', { class: 'plain', id: 'quotes' }, [...d.quotes].reverse().map(quoteItem)), 8),
      loadMore(d.quoteCount, d.quotes.length, '#quotes', o => api(`actors/${enc(d.id)}/quotes`, { offset: o, limit: 50 }), quoteItem)]
      : el('p', { class: 'muted' }, 'No quotes attributed.')),
    section(`Events (${d.eventCount} happening${d.eventCount === 1 ? '' : 's'})`, d.events.length ? more(eventTable(d.events.map(x => ({ ...x.event })), null), 10) : eventTable([], null),
      d.eventCount > d.events.length ? el('p', { class: 'small' }, link('#/events?' + new URLSearchParams({ actor: d.id, undated: 'true' }), `all ${d.eventCount} happenings →`)) : null),
    section(`Articles (${d.articles})`, more(el('ul', { class: 'plain', id: 'actor-articles' }, d.articleList.map(articleItem)), 12),
      loadMore(d.articles, d.articleList.length, '#actor-articles', o => api(`actors/${enc(d.id)}/articles`, { offset: o, limit: 50 }), articleItem)));
}

function quoteItem(q) {
  return el('li', null, el('q', null, cut(q.text, 400)), el('div', { class: 'small muted' }, `${q.kind}`, q.cue ? ` · “${q.cue}”` : '', ' · ',
    link(articleHref(q.article.id), cut(articleTitle(q.article), 80))));
}

function articleItem(a) {
  return el('li', null, link(articleHref(a.id), articleTitle(a)), ' ',
    el('span', { class: 'muted small' }, `${a.published?.slice(0, 10) || 'undated'} · ${a.mentions} mention${a.mentions === 1 ? '' : 's'}`));
}

/** A button that fetches the next page of a list the dossier cut short and appends it. */
function loadMore(total, shown, selector, fetchPage, render) {
  if (total <= shown) return null;
  let offset = shown;
  const note = el('span', { class: 'small muted' }, ` ${fmt(shown)} of ${fmt(total)} shown`);
  const button = el('button', { type: 'button', class: 'more load-more', onclick: async () => {
    button.disabled = true;
    try {
      const page = await fetchPage(offset);
      const list = document.querySelector(selector);
      for (const item of list.querySelectorAll('.hidden')) item.classList.remove('hidden');
      list.parentElement.querySelector(':scope > button.more:not(.load-more)')?.remove();
      list.append(...page.map(render));
      offset += page.length;
      note.textContent = ` ${fmt(offset)} of ${fmt(total)} shown`;
      if (offset >= total || page.length === 0) button.remove(); else button.disabled = false;
    } catch (e) { note.textContent = ' ' + e.message; button.disabled = false; }
  } }, 'Load more');
  return el('div', null, button, note);
}

/** Manual decisions on the actor page: merge another actor in, split a name off (writes: they need the server's token,
 *  kept for this browser session only). */
let flash = null; // a message for the next drawing of the actor page (the outcome of a split)

function corrections(d) {
  const status = el('p', { class: 'small', id: 'correction-status', role: 'status' }, flash);
  const reopen = flash !== null;
  flash = null;
  const tokenInput = el('input', { type: 'password', name: 'token', autocomplete: 'off', value: sessionStorage.getItem('dossier-token') || '' });
  const run = async (ev, what, body) => {
    ev.preventDefault();
    const token = tokenInput.value.trim();
    if (!token) { status.replaceChildren(el('span', { class: 'gs-neg' }, 'The server\'s write token is needed.')); return; }
    sessionStorage.setItem('dossier-token', token);
    status.replaceChildren('Saving…');
    try {
      const r = await apiPost('actors/' + what, body, token);
      if (what === 'merge') location.hash = actorHref(r.kept.id) + '?t=' + Date.now();
      else if (what === 'suggestions/dismiss') {
        flash = [`Kept apart: ${r.first.name} and ${r.second.name} (the proposal is dismissed).`];
        await route();
      } else {
        flash = [`“${r.created.name}” is now its own actor: `, link(actorHref(r.created.id), r.created.id), ` (${r.mentions} mention${r.mentions === 1 ? '' : 's'} moved).`];
        await route();
      }
    } catch (e) {
      if (e.status === 401 || e.status === 403) sessionStorage.removeItem('dossier-token');
      status.replaceChildren(e instanceof ApiError ? errorBox(e) : String(e));
    }
  };
  const mergeForm = el('form', { class: 'row', id: 'merge-form', onsubmit: ev => run(ev, 'merge', { keep: d.id, absorb: ev.target.absorb.value.trim(), note: ev.target.note.value.trim() || null }) },
    el('label', null, 'Merge into this actor', el('input', { name: 'absorb', required: true, list: 'merge-names', autocomplete: 'off', placeholder: 'name or id' })),
    el('label', null, 'Note', el('input', { name: 'note', placeholder: 'why (optional)' })),
    el('button', { type: 'submit' }, 'Merge'), el('datalist', { id: 'merge-names' }));
  mergeForm.addEventListener('input', async ev => {
    if (ev.target.name !== 'absorb' || ev.target.value.trim().length < 2) return;
    try {
      const list = await api('actors', { q: ev.target.value.trim(), limit: 10 });
      mergeForm.querySelector('#merge-names').replaceChildren(...list.filter(x => x.id !== d.id).map(x => el('option', { value: x.id }, `${x.name} · ${x.type} · ${x.mentions}`)));
    } catch { /* suggestions are optional */ }
  });
  const splitForm = el('form', { class: 'row', id: 'split-form', onsubmit: ev => run(ev, 'split', { actor: d.id, alias: ev.target.alias.value, note: ev.target.note.value.trim() || null }) },
    el('label', null, 'Split this name off', el('select', { name: 'alias' }, d.aliases.map(a => el('option', { value: a.alias }, a.alias)))),
    el('label', null, 'Note', el('input', { name: 'note', placeholder: 'why (optional)' })),
    el('button', { type: 'submit' }, 'Split'));
  // The name matcher's proposals: merge (the actor in more articles is kept) or dismiss, each a recorded decision.
  const proposals = d.suggestions?.length ? el('div', { id: 'suggestions' },
    el('h3', null, `Possibly the same as (${d.suggestions.length})`),
    el('ul', { class: 'plain small' }, d.suggestions.map(s => {
      const keepOther = s.other.articles > d.articles;
      return el('li', null, link(actorHref(s.other.id), s.other.name), ' ', typeChip(s.other.type), ' ',
        el('span', { class: 'muted' }, `${s.other.id} · ${s.other.articles} article${s.other.articles === 1 ? '' : 's'} · score ${s.score.toFixed(3)}`),
        el('div', { class: 'muted' }, s.evidence),
        el('button', { type: 'button', class: 'accept-suggestion', onclick: ev => run(ev, 'merge',
          { keep: keepOther ? s.other.id : d.id, absorb: keepOther ? d.id : s.other.id, note: 'proposed merge accepted: ' + s.evidence }) }, 'Same actor: merge'), ' ',
        el('button', { type: 'button', class: 'dismiss-suggestion', onclick: ev => run(ev, 'suggestions/dismiss', { first: d.id, second: s.other.id, note: null }) }, 'Not the same'));
    }))) : null;
  return el('details', { class: 'card', id: 'corrections', open: reopen || !!proposals },
    el('summary', null, 'Correct this actor (merge, split)' + (proposals ? ` · ${d.suggestions.length} possible duplicate${d.suggestions.length === 1 ? '' : 's'}` : '')),
    el('p', { class: 'small muted' }, 'Decisions are recorded and hold for later articles. They need the write token the server was started with.'),
    el('label', { class: 'small' }, 'Write token ', tokenInput), proposals, mergeForm, d.aliases.length > 1 ? splitForm : null, status);
}

function roleName(r) {
  return [r.qualifier, r.title].filter(Boolean).join(' ') + (r.of ? ' of ' + r.of : '');
}

/** Decimal year of an ISO date prefix (2025, 2025-02, 2025-02-12); null when absent. */
function yearOf(s) {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(s);
  if (!m) return null;
  return +m[1] + ((+m[2] || 1) - 1) / 12 + ((+m[3] || 1) - 1) / 365;
}

/** Roles on a time line: a bar from start (or first seen) to end (or last seen); open roles run to the axis end. */
function roleChart(roles) {
  const spans = roles.map(r => ({ r, a: yearOf(r.start) ?? yearOf(r.lastSeen), b: yearOf(r.end) ?? yearOf(r.lastSeen) })).filter(x => x.a !== null || x.b !== null);
  // A time line needs time: with every statement on one day the list below says it all.
  const days = new Set(roles.flatMap(r => [r.start, r.lastSeen, r.end]).filter(Boolean));
  if (spans.length === 0 || days.size < 2) return null;
  let min = Math.min(...spans.map(x => x.a ?? x.b)), max = Math.max(...spans.map(x => x.b ?? x.a));
  if (max - min < 1) { min -= .5; max += .5; }
  const W = 360, left = 6, right = 6, row = 26, top = 18, H = top + spans.length * row + 8;
  const x = v => left + (v - min) / (max - min) * (W - left - right);
  const years = [];
  for (let y = Math.ceil(min); y <= Math.floor(max); y++) years.push(y);
  const step = Math.max(1, Math.ceil(years.length / 8));
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'Roles over time', id: 'role-chart' },
    years.filter((_, i) => i % step === 0).map(y => [svg('line', { class: 'grid', x1: x(y), x2: x(y), y1: top - 4, y2: H }), svg('text', { x: x(y) + 2, y: 11 }, y)]),
    spans.map((s, i) => {
      const a = s.a ?? s.b, b = s.r.end ? s.b : (s.r.lastSeen && !s.r.end ? max : s.b);
      const y = top + i * row;
      return svg('g', null, svg('title', null, `${roleName(s.r)}: ${s.r.start || '?'} → ${s.r.end || s.r.lastSeen || 'present'}`),
        svg('rect', { class: 'role-bar' + (s.r.end ? ' ended' : ' open'), x: x(a), y, width: Math.max(4, x(b) - x(a)), height: row - 10, rx: 3 }),
        svg('text', { x: Math.min(x(a) + 4, W - 190), y: y + row - 14, class: 'role-label' }, cut(roleName(s.r), 34)));
    }));
}

/** The actor with its co-actors on a circle; line width and node size by articles in common. */
function network(d) {
  const others = d.coActors.slice(0, 14);
  const W = 420, H = 320, cx = W / 2, cy = H / 2, R = 115;
  const most = Math.max(...others.map(c => c.articles), 1);
  const nodes = others.map((c, i) => {
    const t = (2 * Math.PI * i) / others.length - Math.PI / 2;
    return { c, x: cx + R * Math.cos(t), y: cy + R * Math.sin(t) * .85, w: c.articles / most };
  });
  // A group, not an image: its nodes are links.
  // Co-actors named together in this actor's articles are joined too (thinner, dashed).
  const at = new Map(nodes.map(n => [n.c.id, n]));
  // Only pairs seen together more than once: within one article everyone is with everyone, which says nothing.
  const between = (d.coActorLinks || []).filter(l => l.articles >= 2 && at.has(l.a) && at.has(l.b));
  const mostBetween = Math.max(...between.map(l => l.articles), 1);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'group', 'aria-label': `Actors seen with ${d.name}`, id: 'network' },
    between.map(l => svg('line', { class: 'edge between', x1: at.get(l.a).x, y1: at.get(l.a).y, x2: at.get(l.b).x, y2: at.get(l.b).y,
      'stroke-width': .5 + 2.5 * l.articles / mostBetween }, svg('title', null, `${at.get(l.a).c.name} and ${at.get(l.b).c.name}: ${l.articles} article${l.articles === 1 ? '' : 's'} with ${d.name}`))),
    nodes.map(n => svg('line', { class: 'edge', x1: cx, y1: cy, x2: n.x, y2: n.y, 'stroke-width': 1 + 5 * n.w })),
    nodes.map(n => {
      const a = svg('a', { href: actorHref(n.c.id) },
        svg('title', null, `${n.c.name} (${n.c.type}): ${n.c.articles} article${n.c.articles === 1 ? '' : 's'} in common`),
        svg('circle', { cx: n.x, cy: n.y, r: 5 + 7 * n.w }),
        svg('text', { x: n.x, y: n.y + (n.y < cy ? -12 - 7 * n.w : 20 + 7 * n.w), 'text-anchor': 'middle' }, cut(n.c.name, 22)));
      return svg('g', { class: 'node' }, a);
    }),
    svg('g', { class: 'node center' }, svg('circle', { cx, cy, r: 14 }), svg('text', { x: cx, y: cy + 30, 'text-anchor': 'middle' }, cut(d.name, 28))));
}

// ---------- events ----------

async function events(params) {
  const f = Object.fromEntries(['actor', 'with', 'cameo', 'plover', 'from', 'to', 'undated', 'every'].map(k => [k, params.get(k) || '']));
  // Undated events are shown too unless the reader turned them off (a corpus without dates has only those).
  if (!params.has('undated')) f.undated = 'true';
  const offset = +params.get('offset') || 0;
  // One row per happening (an act several articles report) unless the reader asks for every report.
  const list = await api('events', { ...f, every: undefined, happenings: f.every === 'true' ? undefined : 'true', undated: f.undated || undefined, offset, limit: 100 });
  const go = o => '#/events?' + new URLSearchParams({ ...f, offset: o });
  show(el('h1', null, 'Events'),
    el('form', { class: 'row', onsubmit: ev => {
      ev.preventDefault();
      // The hidden "false" stands when the box is unticked; a ticked box comes first and wins.
      const v = {};
      for (const [k, x] of new FormData(ev.target)) if (x !== '' && !(k in v)) v[k] = x;
      location.hash = '#/events?' + new URLSearchParams(v);
    } },
      ['actor', 'with', 'cameo', 'plover', 'from', 'to'].map(k => el('label', null, k, el('input', { name: k, value: f[k], size: k === 'cameo' ? 5 : 12,
        list: k === 'cameo' ? 'cameo-codes' : k === 'plover' ? 'plover-types' : null, autocomplete: 'off' }))),
      el('datalist', { id: 'cameo-codes' }, [...CAMEO].map(([code, name]) => el('option', { value: code }, name))),
      el('datalist', { id: 'plover-types' }, ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
        'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'].map(v => el('option', { value: v }))),
      el('label', null, 'undated too', el('input', { type: 'checkbox', name: 'undated', value: 'true', checked: f.undated === 'true' })),
      el('input', { type: 'hidden', name: 'undated', value: 'false' }),
      el('label', null, 'every report', el('input', { type: 'checkbox', name: 'every', value: 'true', checked: f.every === 'true' })),
      el('button', { type: 'submit' }, 'Filter')),
    eventTable(list, null), pager(offset, 100, list.length, go));
}

// ---------- one happening ----------

async function happening(params, id) {
  const h = await api('happenings/' + enc(id));
  show(el('p', { class: 'small' }, link('#/events', '← events')),
    el('h1', null, h.sources || '?', ' → ', h.targets || '?', ' ', el('span', { class: 'muted' }, h.plover + (h.negated ? ' (not)' : ''))),
    el('p', { class: 'muted', id: 'happening-summary' }, `${h.reports} report${h.reports === 1 ? '' : 's'} in ${h.articles} article${h.articles === 1 ? '' : 's'}: first `,
      link(articleHref(h.first.id), cut(articleTitle(h.first), 60)), h.articles > 1 ? [', last ', link(articleHref(h.last.id), cut(articleTitle(h.last), 60))] : null,
      '. Reports of one act: the same sources, targets and PLOVER type, dated within a day of each other.'),
    // Each row is one of the reports: no link back to this page.
    section('Reports', eventTable(h.events.map(e => ({ ...e, reports: 1 })), null)));
}

// ---------- the relation page ----------

async function relation(params) {
  const a = params.get('a') || '', b = params.get('b') || '', by = params.get('by') || 'month', ordered = params.get('ordered') === 'true';
  const form = el('form', { class: 'row', id: 'relation-form', onsubmit: ev => {
    ev.preventDefault();
    const f = ev.target;
    location.hash = '#/relation?' + new URLSearchParams({ a: f.a.value.trim(), b: f.b.value.trim(), by: f.by.value, ...(f.ordered.checked ? { ordered: 'true' } : {}) });
  } },
    el('label', null, 'First actor', el('input', { name: 'a', value: a, list: 'actor-names', required: true, autocomplete: 'off' })),
    el('label', null, 'Second actor', el('input', { name: 'b', value: b, list: 'actor-names', required: true, autocomplete: 'off' })),
    el('label', null, 'By', el('select', { name: 'by' }, ['month', 'week'].map(v => el('option', { value: v, selected: v === by }, v)))),
    el('label', null, 'First → second only', el('input', { type: 'checkbox', name: 'ordered', checked: ordered })),
    el('button', { type: 'submit' }, 'Show'),
    el('datalist', { id: 'actor-names' }));
  // Names to pick from: the most mentioned actors, refreshed as the user types.
  const fill = async q => {
    try {
      const list = await api('actors', { q, limit: 15 });
      form.querySelector('#actor-names').replaceChildren(...list.map(x => el('option', { value: x.name }, `${x.type} · ${x.mentions}`)));
    } catch { /* suggestions are optional */ }
  };
  form.addEventListener('input', ev => { if (ev.target.name === 'a' || ev.target.name === 'b') fill(ev.target.value.trim()); });
  fill('');
  if (!a || !b) {
    show(el('h1', null, 'Relations'), form, el('p', { class: 'muted' },
      'Pick two actors to see their events month by month: cooperation above the line, conflict below (Goldstein scale, −10 to +10).'));
    return;
  }
  const r = await api('relations', { a, b, by, ordered: ordered || undefined });
  const byId = new Map(r.events.map(e => [e.id, e]));
  const list = el('div', { id: 'point-events' });
  const showPoint = (p, g) => {
    for (const s of chart.querySelectorAll('.point.sel')) s.classList.remove('sel');
    if (g) g.classList.add('sel');
    const evs = p ? p.eventIds.map(id => byId.get(id)).filter(Boolean) : r.events;
    list.replaceChildren(el('h3', null, p ? `${p.period}: ${happenings(p)}, Goldstein sum ${gs(p.goldsteinSum)}, mean ${gs(p.goldsteinMean)}`
      : `All ${r.events.length} happenings`), eventTable(evs, null));
  };
  const chart = relationChart(r, showPoint);
  showPoint(r.points.length === 1 ? r.points[0] : null, r.points.length === 1 ? chart.querySelector('.point') : null);
  const arrow = r.ordered ? '→' : '↔';
  show(el('h1', null, 'Relations'), form,
    el('section', { class: 'card' },
      el('h2', { id: 'relation-title' }, link(actorHref(r.first.id), r.first.name), ` ${arrow} `, link(actorHref(r.second.id), r.second.name), ` by ${r.by}`),
      r.points.length === 0 ? el('p', { class: 'muted' }, 'No events between them.') :
        [chart, el('p', { class: 'small muted' }, 'Bars: the Goldstein sum of the period (green cooperation, red conflict); dots: the mean. An act several articles report counts once. Click a bar for its events.')],
      list));
}

/** "3 happenings (5 reports)": a relation point's count, each act once. */
const happenings = p => `${p.events} happening${p.events === 1 ? '' : 's'}` + (p.reports > p.events ? ` (${p.reports} reports)` : '');

/** The months between the first and the last point, empty ones included, so the axis is time (at most ten years). */
function withEmptyMonths(points) {
  const dated = points.filter(p => /^\d{4}-\d{2}$/.test(p.period));
  if (dated.length < 2) return points;
  const key = p => +p.slice(0, 4) * 12 + (+p.slice(5, 7) - 1);
  const first = key(dated[0].period), last = key(dated[dated.length - 1].period);
  if (last - first > 120) return points;
  const byPeriod = new Map(points.map(p => [p.period, p]));
  const out = [];
  for (let k = first; k <= last; k++) {
    const period = `${Math.floor(k / 12)}-${String(k % 12 + 1).padStart(2, '0')}`;
    out.push(byPeriod.get(period) || { period, events: 0, goldsteinSum: 0, goldsteinMean: 0, cooperative: 0, conflictual: 0, eventIds: [], empty: true });
  }
  return out.concat(points.filter(p => !/^\d{4}-\d{2}$/.test(p.period)));
}

function relationChart(r, onPick) {
  const pts = r.by === 'month' ? withEmptyMonths(r.points) : r.points;
  const W = Math.max(360, Math.min(1000, 80 + pts.length * 46)), H = 260, left = 44, right = 12, top = 14, bottom = 40;
  const maxAbs = Math.max(10, ...pts.map(p => Math.abs(p.goldsteinSum)));
  const y = v => top + (maxAbs - v) / (2 * maxAbs) * (H - top - bottom);
  const slot = (W - left - right) / Math.max(1, pts.length);
  const bw = Math.max(6, Math.min(36, slot * .6));
  const ticks = [maxAbs, maxAbs / 2, 0, -maxAbs / 2, -maxAbs].map(v => Math.round(v));
  const labelEvery = Math.max(1, Math.ceil(pts.length / 14));
  // A group, not an image: its bars are buttons.
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'group', 'aria-label': `Goldstein score by ${r.by}`, id: 'relation-chart' },
    ticks.map(t => [svg('line', { class: t === 0 ? 'axis' : 'grid', x1: left, x2: W - right, y1: y(t), y2: y(t) }),
      svg('text', { x: left - 6, y: y(t) + 4, 'text-anchor': 'end' }, t)]),
    pts.map((p, i) => {
      const cx = left + slot * i + slot / 2;
      const y0 = y(0), y1 = y(p.goldsteinSum);
      if (p.empty) return i % labelEvery === 0 ? svg('text', { x: cx, y: H - bottom + 16, 'text-anchor': 'middle', class: 'muted' }, p.period) : null;
      const label = `${p.period}: ${happenings(p)}, Goldstein sum ${gs(p.goldsteinSum)}, mean ${gs(p.goldsteinMean)}; ` +
        `${p.cooperative} cooperative, ${p.conflictual} conflictual`;
      const g = svg('g', { class: 'point', tabindex: 0, role: 'button', 'aria-label': label, 'data-period': p.period }, svg('title', null, label),
        svg('rect', { class: 'hit', x: left + slot * i, y: top, width: slot, height: H - top - bottom, fill: 'transparent' }),
        svg('rect', { class: p.goldsteinSum > 0 ? 'bar-coop' : p.goldsteinSum < 0 ? 'bar-conf' : 'bar-zero', x: cx - bw / 2, y: Math.min(y0, y1), width: bw, height: Math.max(2, Math.abs(y1 - y0)) }),
        svg('circle', { class: 'mean', cx, cy: y(p.goldsteinMean), r: 3.5 }));
      g.addEventListener('click', () => onPick(p, g));
      g.addEventListener('keydown', ev => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); onPick(p, g); } });
      // The labels sit beside the button, not in it: the button's name already says it in words.
      return [g, i % labelEvery === 0 ? svg('text', { x: cx, y: H - bottom + 16, 'text-anchor': 'middle' }, p.period) : null,
        svg('text', { x: cx, y: H - bottom + 30, 'text-anchor': 'middle', class: 'muted' }, `${p.events}`)];
    }));
  return root;
}

route();
