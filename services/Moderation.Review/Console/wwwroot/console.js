// The moderator console. No framework and no build step. Comment text is only ever put into the page as text
// (textContent / text nodes), never as HTML, so a comment cannot inject markup or script.
"use strict";

const state = { queue: "all", decidedNext: null, redecide: null, me: null, csrf: null, reasons: [], siteReasons: {}, sites: [], site: null, items: [], nextOffset: null, current: null, events: null, auditNext: null, rejectMode: "one", lastReason: null };
const PAGE = 500; // items per queue request
const ROW = 72; // px per list row (fixed in console.css), so only the rows in view are in the page
const $ = (id) => document.getElementById(id);

// Bidirectional controls (right-to-left override and the like) would reorder what follows them, so a name or link
// could read as something else ("…/exe.txt"). They are shown as visible marks instead of being applied.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
function shown(text) {
  return String(text).replace(BIDI_CONTROLS, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟧`);
}

function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = shown(options.text);
  for (const [name, value] of Object.entries(options.attrs || {})) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && state.csrf) headers["X-CSRF-TOKEN"] = state.csrf;
  const response = await fetch(path, { method, headers, credentials: "same-origin", body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  return { status: response.status, ok: response.ok, data };
}

async function refreshCsrf() {
  const result = await api("GET", "/v1/review/auth/antiforgery");
  state.csrf = result.data && result.data.token;
}

function formatTime(value) {
  return value ? new Date(value).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" }) : "";
}

function showView(name) {
  for (const view of ["signin", "queue", "audit", "desk", "article", "admin"]) $(`${view}-view`).hidden = view !== name;
  for (const tab of document.querySelectorAll(".tab")) tab.setAttribute("aria-current", tab.dataset.view === name ? "page" : "false");
  state.view = name;
  if (name === "audit") loadAudit(true);
  if (name === "admin") loadModerators();
  if (name === "desk") loadDesk();
  if (name === "article") fillSiteSelect($("article-site"));
}

// ---- sign-in ----------------------------------------------------------------------------------------------

async function boot() {
  const me = await api("GET", "/v1/review/me");
  if (me.status === 200) return start(me.data);
  await refreshCsrf();
  const options = await api("GET", "/v1/review/auth/options");
  if (options.data && options.data.singleSignOn) {
    $("sso").hidden = false;
    $("sso").textContent = options.data.singleSignOnName || "Single sign-on";
  }
  showView("signin");
  $("signin-form").elements.username.focus();
}

$("signin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget.elements;
  const result = await api("POST", "/v1/review/auth/sign-in", { username: form.username.value, password: form.password.value });
  if (result.ok) {
    form.password.value = "";
    $("signin-error").textContent = "";
    return start(result.data);
  }
  $("signin-error").textContent = result.status === 429 ? "Too many attempts. Wait a minute and try again." : "Wrong username or password.";
});

$("sign-out").addEventListener("click", async () => {
  if (state.events) state.events.close();
  await api("POST", "/v1/review/auth/sign-out");
  location.reload();
});

$("password-button").addEventListener("click", () => {
  $("password-form").reset();
  $("password-message").textContent = "";
  $("password-dialog").showModal();
});
$("password-cancel").addEventListener("click", () => $("password-dialog").close());
$("password-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const formElement = event.currentTarget;
  const form = formElement.elements;
  const result = await api("POST", "/v1/review/me/password", { currentPassword: form.currentPassword.value, newPassword: form.newPassword.value });
  if (result.ok) {
    formElement.reset();
    $("password-dialog").close();
    message("Password changed. Your other sessions are signed out.");
    return;
  }
  const errors = (result.data && result.data.errors) || {};
  $("password-message").textContent = Object.values(errors).flat().join(" ") || (result.data && result.data.title) || "Could not change the password.";
});

async function start(me) {
  state.me = me;
  await refreshCsrf(); // the token is bound to the signed-in user
  $("who").textContent = `${me.username} · ${me.role}`;
  for (const id of ["nav", "sign-out", "password-button", "help-button"]) $(id).hidden = false;
  $("admin-tab").hidden = me.role !== "admin";
  state.reasons = (await api("GET", "/v1/review/reasons")).data || [];
  await loadSites();
  const saved = localStorage.getItem("moderation.site");
  selectSite(state.sites.some((s) => s.siteId === saved) ? saved : (state.sites[0] && state.sites[0].siteId) || null);
  showView("queue");
}

// ---- sites and queue ----------------------------------------------------------------------------------------

async function loadSites() {
  state.sites = (await api("GET", "/v1/review/sites")).data || [];
  const sites = $("sites");
  sites.replaceChildren(...state.sites.map((site) => {
    const button = el("button", { attrs: { type: "button", role: "tab", "data-site": site.siteId, "aria-selected": String(site.siteId === state.site) } },
      [document.createTextNode(site.siteId), el("span", { className: "count", text: site.pending })]);
    button.addEventListener("click", () => selectSite(site.siteId));
    return button;
  }));
  const deskSite = $("desk-site");
  const deskChosen = deskSite.value;
  deskSite.replaceChildren(...state.sites.map((site) => el("option", { text: site.siteId, attrs: { value: site.siteId } })));
  if (deskChosen) deskSite.value = deskChosen;
  const auditSite = $("audit-site");
  auditSite.replaceChildren(el("option", { text: "All my sites", attrs: { value: "" } }),
    ...state.sites.map((site) => el("option", { text: site.siteId, attrs: { value: site.siteId } })));
}

function selectSite(siteId) {
  state.site = siteId;
  if (siteId) localStorage.setItem("moderation.site", siteId);
  for (const button of $("sites").children) button.setAttribute("aria-selected", String(button.dataset.site === siteId));
  state.current = null;
  renderItem(null);
  listen();
  loadQueue(true);
  if (state.queue === "decided") loadDecided(true);
  loadBulkActions();
}

// The server keeps each bulk action until its undo window closes, so a reload or another session still offers Undo.
async function loadBulkActions() {
  if (!state.site) return;
  const site = state.site;
  const result = await api("GET", `/v1/review/sites/${encodeURIComponent(site)}/bulk-actions`);
  if (!result.ok || site !== state.site) return;
  const latest = result.data[0];
  if (latest) offerBulkUndo({ action: latest.action, decided: latest.decided, undoUntil: latest.undoUntil, actionId: latest.id, moderator: latest.moderator });
  else if (!state.lastBulk || state.lastBulk.siteId !== site) $("bulk-done").hidden = true;
}

// ---- which comments: waiting (all), reported by readers, or decided (with undo and takedown) -------------------

function selectQueue(queue) {
  state.queue = queue;
  for (const button of $("queues").children) button.setAttribute("aria-selected", String(button.dataset.queue === queue));
  const decidedQueue = queue === "decided";
  for (const id of ["filters", "queue-summary", "items-scroll"]) $(id).hidden = decidedQueue;
  $("decided-view").hidden = !decidedQueue;
  if (decidedQueue) { $("list-more").hidden = true; $("bulk").hidden = true; return loadDecided(true); }
  $("items-scroll").scrollTop = 0;
  return loadQueue(true);
}

for (const button of $("queues").children) button.addEventListener("click", () => selectQueue(button.dataset.queue));
$("decided-outcome").addEventListener("change", () => loadDecided(true));
$("decided-more").addEventListener("click", () => loadDecided(false));

async function loadDecided(fresh) {
  if (!state.site) return;
  const params = new URLSearchParams({ limit: "100", offset: String(fresh ? 0 : state.decidedNext || 0) });
  if ($("decided-outcome").value) params.set("outcome", $("decided-outcome").value);
  const result = await api("GET", `/v1/review/sites/${encodeURIComponent(state.site)}/decided?${params}`);
  if (!result.ok) return;
  const rows = result.data.items.map(decidedRow);
  if (fresh) $("decided-items").replaceChildren(...(rows.length ? rows : [el("li", { className: "muted", text: "Nothing decided yet." })]));
  else $("decided-items").append(...rows);
  state.decidedNext = result.data.nextOffset;
  $("decided-more").hidden = state.decidedNext === null;
}

// An approved comment can always be taken down; a rejection can be undone (published) within the site's undo window.
function decidedRow(item) {
  const actions = [];
  if (item.status === "approved") {
    const down = el("button", { className: "reject", text: item.canUndo ? "Undo (take down)" : "Take down", attrs: { type: "button", "data-action": "take-down" } });
    down.addEventListener("click", () => openRedecide(item));
    actions.push(down);
  } else if (item.canUndo) {
    const up = el("button", { className: "approve", text: "Undo (approve)", attrs: { type: "button", "data-action": "undo-approve" } });
    up.addEventListener("click", () => redecide(item, { action: "approve" }));
    actions.push(up);
  }
  if (item.canUndo) actions.push(el("span", { className: "muted", text: `undo until ${formatTime(item.undoUntil)}` }));
  return el("li", { attrs: { "data-id": item.id, "data-status": item.status } }, [
    el("div", { className: "line1" }, [el("span", { className: `outcome-${item.status}`, text: item.status }), el("strong", { text: item.authorName }),
      el("span", { text: item.articleId }), el("span", { className: "muted", text: `${item.moderator} · ${formatTime(item.decidedAt)}` })]),
    el("p", { className: "excerpt", text: item.excerpt }),
    item.reason ? el("div", { className: "muted", text: item.reason }) : null,
    el("div", { className: "actions" }, actions)]);
}

async function openRedecide(item) {
  state.rejectMode = "redecide";
  state.redecide = item;
  $("reject-title").textContent = `Take down this comment by ${shown(item.authorName)}`;
  $("reject-form").querySelector("button[type=submit]").replaceChildren(document.createTextNode("Take down "), el("kbd", { text: "Enter" }));
  fillReasons(await reasonsFor(item.siteId));
  $("reject-dialog").showModal();
}

async function redecide(item, body) {
  const result = await api("POST", `/v1/review/items/${item.id}/redecide`, { ...body, expectedSequence: item.sequence });
  $("decided-message").textContent = result.ok ? (body.action === "approve" ? "Undone: the comment is published." : "Taken down.")
    : (result.data && result.data.title) || "Could not change the decision.";
  await loadDecided(true);
  if (result.ok) loadSites();
}

function filterQuery() {
  const form = $("filters").elements;
  const params = new URLSearchParams();
  for (const name of ["q", "article", "category", "rule", "author", "order"]) if (form[name].value.trim()) params.set(name, form[name].value.trim());
  if (state.queue === "reported") params.set("view", "reported");
  return params;
}

function queueUrl(offset) {
  const params = filterQuery();
  params.set("limit", String(PAGE));
  params.set("offset", String(offset));
  return `/v1/review/sites/${encodeURIComponent(state.site)}/queue?${params}`;
}

// Loads the queue from the top, as far as the moderator has got (at least one page); later pages come as j or the
// scroll reaches them. A newer load makes older ones (and their pages) void.
let queueGeneration = 0;
async function loadQueue(claimWhenIdle) {
  if (!state.site) { state.items = []; return renderList(); }
  const generation = ++queueGeneration;
  const want = Math.max(PAGE, currentIndex() + 200);
  let items = [], next = 0, pending = null;
  while (next !== null && items.length < want) {
    const result = await api("GET", queueUrl(next));
    if (!result.ok || generation !== queueGeneration) return;
    items = items.concat(result.data.items);
    pending = result.data.pending;
    next = result.data.nextOffset;
  }
  state.items = items;
  state.nextOffset = next;
  const count = document.querySelector(`#sites [data-site="${CSS.escape(state.site)}"] .count`);
  if (count && pending !== null) count.textContent = pending;
  renderList();
  loadCounts(generation);
  if (claimWhenIdle && !state.current) await claimNext();
}

// The filter choices carry what waits behind them: "link (2,104)". A choice that no longer has anything waiting
// stays while it is selected, so the filter in use never silently changes.
async function loadCounts(generation) {
  const result = await api("GET", `/v1/review/sites/${encodeURIComponent(state.site)}/counts`);
  if (!result.ok || generation !== queueGeneration) return;
  const counts = result.data;
  const form = $("filters").elements;
  for (const [name, list, any] of [["category", counts.categories, "Any category"], ["rule", counts.rules, "Any rule"]]) {
    const select = form[name];
    const chosen = select.value;
    const options = list.map((entry) => el("option", { text: `${entry.key} (${entry.count.toLocaleString()})`, attrs: { value: entry.key } }));
    if (chosen && !list.some((entry) => entry.key === chosen)) options.unshift(el("option", { text: `${chosen} (0)`, attrs: { value: chosen } }));
    select.replaceChildren(el("option", { text: any, attrs: { value: "" } }), ...options);
    select.value = chosen;
  }
  const filtered = [...filterQuery().keys()].some((name) => name !== "order" && name !== "view");
  $("bulk").hidden = !filtered || state.queue === "decided";
  $("article-counts").replaceChildren(...counts.articles.map((entry) => el("option", { text: `${entry.count.toLocaleString()} waiting`, attrs: { value: entry.key } })));
  $("queue-summary").textContent = counts.pending
    ? `${counts.pending.toLocaleString()} waiting · oldest ${waited(counts.oldestQueuedAt)}${filtered ? ` · ${state.items.length}${state.nextOffset !== null ? "+" : ""} match the filter` : ""}`
    : "Nothing waiting.";
}

let loadingMore = null;
function loadMore() {
  if (state.nextOffset === null || !state.site) return Promise.resolve();
  if (!loadingMore) {
    const generation = queueGeneration;
    loadingMore = (async () => {
      const result = await api("GET", queueUrl(state.nextOffset));
      if (!result.ok || generation !== queueGeneration) return;
      const known = new Set(state.items.map((item) => item.id));
      state.items = state.items.concat(result.data.items.filter((item) => !known.has(item.id)));
      state.nextOffset = result.data.nextOffset;
      renderList();
    })().finally(() => { loadingMore = null; });
  }
  return loadingMore;
}

function leaseHeld(lease) {
  return lease && new Date(lease.expiresAt).getTime() > Date.now();
}

// A lapsed lease is free again: it is neither shown as taken nor skipped by j/k.
function takenByOther(item) {
  return leaseHeld(item.lease) && item.lease.moderator !== state.me.username;
}

function currentIndex() {
  return state.current ? state.items.findIndex((item) => item.id === state.current.id) : -1;
}

function waited(value) {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(value).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}

function rowFor(item, index) {
  const li = el("li", { className: takenByOther(item) ? "taken" : "", attrs: {
    "data-id": item.id, "aria-current": String(!!state.current && state.current.id === item.id), tabindex: "0",
    "aria-posinset": String(index + 1), "aria-setsize": String(state.items.length) } }, [
    el("div", { className: "line1" }, [el("strong", { text: item.authorName }), el("span", { text: item.articleId }),
      el("span", { className: "waited", text: waited(item.queuedAt), attrs: { title: `waiting since ${formatTime(item.queuedAt)}` } }),
      takenByOther(item) ? el("span", { text: `· ${item.lease.moderator}` }) : null]),
    el("p", { className: "excerpt", text: item.excerpt }),
    el("div", { className: "chips" }, [
      ...(item.reports ? [el("span", { className: "chip reported", text: `reported by ${item.reports}` })] : []),
      ...item.categories.map((category) => el("span", { className: "chip cat", text: category }))]),
  ]);
  li.style.top = `${index * ROW}px`; // through the CSSOM: the page's CSP allows no style attributes
  li.addEventListener("click", () => claim(item.id));
  li.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); claim(item.id); }
  });
  return li;
}

// Only the rows in view (and a margin) are in the page, so 10,000 waiting cost what 30 do.
function renderList() {
  const scroller = $("items-scroll");
  const list = $("items");
  list.style.height = `${state.items.length * ROW}px`;
  const top = scroller.scrollTop;
  const height = scroller.clientHeight || 800;
  const first = Math.max(0, Math.floor(top / ROW) - 10);
  const last = Math.min(state.items.length, Math.ceil((top + height) / ROW) + 10);
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("#items li");
  const focusedId = focused ? focused.dataset.id : null;
  list.replaceChildren(...state.items.slice(first, last).map((item, offset) => rowFor(item, first + offset)));
  if (focusedId) { const again = list.querySelector(`li[data-id="${CSS.escape(focusedId)}"]`); if (again) again.focus(); }
  $("list-more").hidden = state.nextOffset === null || state.queue === "decided";
  if (state.nextOffset !== null && last >= state.items.length - 50) loadMore();
}

// The list scrolls, not the page: the selected row is brought into view inside it.
function scrollToCurrent() {
  const index = currentIndex();
  if (index < 0) return;
  const scroller = $("items-scroll");
  const top = index * ROW;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (top + ROW > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW - scroller.clientHeight;
  renderList();
}

let scrollFrame = 0;
$("items-scroll").addEventListener("scroll", () => {
  if (!scrollFrame) scrollFrame = requestAnimationFrame(() => { scrollFrame = 0; renderList(); });
});

// One claim at a time: the first queue load and the first live event both ask for work, and a second claim would
// take another item and give this one back.
let claiming = null;
function claimNext() {
  if (!state.site) return Promise.resolve();
  if (!claiming) {
    claiming = (async () => {
      const result = await api("POST", `/v1/review/sites/${encodeURIComponent(state.site)}/claim-next?${filterQuery()}`);
      if (result.status === 200) showItem(result.data);
      else if (!state.current) renderItem(null);
    })().finally(() => { claiming = null; });
  }
  return claiming;
}

async function claim(id) {
  const result = await api("POST", `/v1/review/items/${id}/claim`);
  if (result.status === 200) return showItem(result.data);
  message(result.status === 409 ? (result.data && result.data.title) || "Someone else has this one." : "Could not open that comment.");
  await loadQueue(false);
}

// The lease is renewed when a third of it has passed, whatever Review:LeaseDuration is (30 s to 1 h), so a renewal that
// fails once (a slow network, a restart) can be tried again before the lease lapses.
let renewal = 0;
function scheduleRenewal(item) {
  clearTimeout(renewal);
  if (!item || !item.lease) return;
  const left = new Date(item.lease.expiresAt).getTime() - Date.now();
  renewal = setTimeout(async () => {
    if (!state.current || state.current.id !== item.id) return;
    const result = await api("POST", `/v1/review/items/${item.id}/claim`);
    if (result.status === 200) { state.current = result.data; scheduleRenewal(result.data); }
  }, Math.max(1000, left / 3));
}

function showItem(item) {
  state.current = item;
  renderItem(item);
  scheduleRenewal(item);
  if (!state.items.some((i) => i.id === item.id)) loadQueue(false).then(scrollToCurrent);
  else scrollToCurrent();
}

// ---- one item -------------------------------------------------------------------------------------------------

// The body as text nodes, with rule hits wrapped in <mark>. Spans index the body in UTF-16 code units, as JavaScript
// strings do. The body is cut at every hit boundary, so a hit that covers the whole body does not hide the hits inside
// it: each piece is marked with every hit that covers it, and a piece covered by more hits is shaded darker.
function highlighted(container, body, hits) {
  const spans = hits.map((hit) => ({ start: Math.max(0, hit.start), end: Math.min(body.length, hit.start + hit.length), hit }))
    .filter((span) => span.end > span.start);
  const cuts = [...new Set([0, body.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i], to = cuts[i + 1];
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    const text = body.slice(from, to);
    if (!covering.length) { nodes.push(document.createTextNode(shown(text))); continue; }
    nodes.push(el("mark", { text, className: `depth-${Math.min(3, covering.length)}`,
      attrs: { title: covering.map((span) => `${span.hit.rule} (${span.hit.category})`).join(", "), "data-rules": covering.map((span) => span.hit.rule).join(" ") } }));
  }
  container.replaceChildren(...nodes);
}

function renderItem(item) {
  $("item").hidden = !item;
  $("empty").hidden = !!item;
  message("");
  if (!item) { $("item").removeAttribute("data-item-id"); return; }
  $("item").setAttribute("data-item-id", item.id);
  $("item-site").textContent = item.siteId;
  $("item-article").textContent = shown(item.articleId);
  $("item-author").textContent = shown(item.author.name);
  $("item-author-id").textContent = `(${shown(item.author.id)})`;
  $("item-time").textContent = `${formatTime(item.submittedAt)} · waiting ${waited(item.queuedAt)}`;
  $("item-score").textContent = Number(item.score).toFixed(2);
  highlighted($("item-body"), item.body, item.hits);
  $("item-hits").replaceChildren(...item.hits.map((hit) => el("tr", {}, [
    el("td", {}, [el("code", { text: hit.rule })]), el("td", {}, [el("span", { className: "chip cat", text: hit.category })]),
    el("td", { text: hit.severity }), el("td", {}, [el("mark", { text: hit.match })])])));
  $("item-parent").hidden = !item.parent;
  if (item.parent) {
    $("parent-author").textContent = shown(item.parent.authorName);
    $("parent-body").textContent = shown(item.parent.body);
  }
  const history = item.authorHistory;
  $("item-history").replaceChildren(...(history.length ? history.map((c) => el("li", {}, [
    el("div", { className: "line1" }, [el("span", { className: `outcome-${c.outcome}`, text: c.outcome }), el("span", { text: c.articleId }), el("span", { text: formatTime(c.submittedAt) })]),
    el("div", { className: "body", text: c.body })])) : [el("li", { className: "muted", text: "No earlier comments from this author." })]));
  $("history-more").hidden = true;
  renderContext(item);
  loadAuthor(item);
}

// ---- the article: its context, the thread around a comment, and the article view with takedown ----------------

// Only http(s) links are made links (the API refuses others too); the title is text.
function setArticleLink(link, article) {
  link.textContent = shown(article.title || article.articleId);
  if (article.url && /^https?:\/\//i.test(article.url)) link.setAttribute("href", article.url);
  else link.removeAttribute("href");
  link.title = article.url ? shown(article.url) : "";
}

function modeText(mode) {
  if (!mode || mode.mode === "normal") return null;
  if (mode.mode === "closed") return "closed";
  return mode.reason === "surge" ? "surge: premoderated" : "premoderated";
}

function setMode(badge, mode) {
  const text = modeText(mode);
  badge.hidden = !text;
  badge.textContent = text || "";
  badge.dataset.mode = text ? mode.mode : "";
}

function setSection(chip, section) {
  chip.hidden = !section;
  chip.textContent = section ? shown(section) : "";
}

function renderContext(item) {
  const article = item.article || { articleId: item.articleId, siteId: item.siteId };
  setArticleLink($("item-article-title"), article);
  setSection($("item-section"), article.section);
  setMode($("item-mode"), article.mode);
  const links = item.links || {};
  $("item-comment-link").hidden = !links.page;
  if (links.page) $("item-comment-link").setAttribute("href", links.page);
  $("item-comment-api").textContent = links.api || "";
  const before = (item.around || []).filter((c) => c.submittedAt < item.submittedAt || (c.submittedAt === item.submittedAt && c.commentId < item.id));
  const after = (item.around || []).filter((c) => !before.includes(c));
  const listed = new Set((item.around || []).map((c) => c.commentId));
  const row = (c, label) => el("li", { attrs: { "data-id": c.commentId, "data-outcome": c.outcome } }, [
    el("div", { className: "line1" }, [el("span", { className: `outcome-${c.outcome}`, text: c.outcome }), label ? el("span", { className: "chip", text: label }) : null,
      el("strong", { text: c.authorName }), el("span", { className: "muted", text: formatTime(c.submittedAt) })]),
    el("div", { className: "body", text: c.body })]);
  const labelOf = (c) => (c.commentId === item.parentId ? "parent" : c.parentId === item.id ? "reply" : "");
  const rows = [
    ...(item.parent && !listed.has(item.parent.commentId) ? [row(item.parent, "parent")] : []),
    ...before.map((c) => row(c, labelOf(c))),
    el("li", { className: "this-comment", attrs: { "data-id": item.id } }, [el("div", { className: "line1" }, [el("span", { className: "chip", text: "this comment" }), el("strong", { text: item.author.name })])]),
    ...after.map((c) => row(c, labelOf(c))),
    ...(item.replies || []).filter((c) => !listed.has(c.commentId)).map((c) => row(c, "reply"))];
  $("thread-items").replaceChildren(...rows);
}

$("open-article").addEventListener("click", () => { if (state.current) openArticle(state.current.siteId, state.current.articleId); });

function fillSiteSelect(select) {
  if (select.options.length !== state.sites.length) {
    select.replaceChildren(...state.sites.map((s) => el("option", { text: s.siteId, attrs: { value: s.siteId } })));
  }
  if (state.site) select.value = state.site;
}

async function openArticle(siteId, articleId) {
  state.article = { siteId, articleId };
  showView("article");
  $("article-site").value = siteId;
  $("article-form").elements.article.value = articleId;
  await loadArticle(true);
}

$("article-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget.elements;
  openArticle(form.site.value, form.article.value.trim());
});
$("article-more").addEventListener("click", () => loadArticle(false));

async function loadArticle(fresh) {
  const { siteId, articleId } = state.article;
  const offset = fresh ? 0 : state.articleNext || 0;
  const result = await api("GET", `/v1/review/sites/${encodeURIComponent(siteId)}/articles/${encodeURIComponent(articleId)}?limit=50&offset=${offset}`);
  if (!result.ok) { $("article-message").textContent = result.status === 404 ? "No such site." : (result.data && result.data.title) || "Could not open the article."; return; }
  if (fresh) $("article-message").textContent = "";
  const article = result.data.article;
  setArticleLink($("article-title"), article);
  setSection($("article-section"), article.section);
  setMode($("article-mode"), article.mode);
  const rows = result.data.items.map((c) => articleRow(siteId, c));
  if (fresh) $("article-items").replaceChildren(...(rows.length ? rows : [el("li", { className: "muted", text: "No comments of this article are known to Review." })]));
  else $("article-items").append(...rows);
  state.articleNext = result.data.next;
  $("article-more").hidden = result.data.next === null;
}

const ARTICLE_STATE = { approved: "published", rejected: "rejected", flagged: "waiting" };
function articleRow(siteId, c) {
  const actions = [];
  if (c.outcome === "approved") {
    const down = el("button", { className: "reject", text: "Take down", attrs: { type: "button", "data-action": "take-down" } });
    down.addEventListener("click", () => openTakedown(siteId, c));
    actions.push(down);
  }
  return el("li", { attrs: { "data-id": c.commentId, "data-outcome": c.outcome } }, [
    el("div", { className: "line1" }, [el("span", { className: `outcome-${c.outcome}`, text: ARTICLE_STATE[c.outcome] || c.outcome }),
      el("strong", { text: c.authorName }), el("span", { className: "muted", text: formatTime(c.submittedAt) }),
      c.parentId ? el("span", { className: "muted", text: "reply" }) : null]),
    el("div", { className: "body", text: c.body }),
    el("div", { className: "actions" }, actions)]);
}

async function openTakedown(siteId, comment) {
  state.rejectMode = "takedown";
  state.takedown = comment;
  $("reject-title").textContent = `Take down this comment by ${shown(comment.authorName)}`;
  $("reject-form").querySelector("button[type=submit]").replaceChildren(document.createTextNode("Take down "), el("kbd", { text: "Enter" }));
  fillReasons(await reasonsFor(siteId));
  $("reject-dialog").showModal();
}

async function takeDown(comment, body) {
  const result = await api("POST", `/v1/review/comments/${comment.commentId}/takedown`, body);
  await loadArticle(true); // clears the message line, so the outcome is said after it
  $("article-message").textContent = result.ok ? "Taken down." : (result.data && result.data.title) || "Could not take it down.";
}

function historyRow(c) {
  return el("li", {}, [
    el("div", { className: "line1" }, [el("span", { className: `outcome-${c.outcome}`, text: c.outcome }), el("span", { text: c.articleId }), el("span", { text: formatTime(c.submittedAt) })]),
    el("div", { className: "body", text: c.body })]);
}

// ---- the author panel: counts, standing (applied by the worker to the author's next comment), notes, history ----

function authorPath(item) {
  return `/v1/review/sites/${encodeURIComponent(item.siteId)}/authors/${encodeURIComponent(item.author.id)}`;
}

const STANDING_TEXT = { normal: "No restriction: the rules decide.", banned: "Banned", premoderated: "Pre-moderated: every comment is held.", trusted: "Trusted: comments the rules would hold are approved." };

async function loadAuthor(item, offset = 0) {
  const result = await api("GET", `${authorPath(item)}?offset=${offset}&limit=20`);
  if (!result.ok || !state.current || state.current.id !== item.id) return;
  const panel = result.data;
  const c = panel.counts;
  $("author-counts").textContent = `${c.approved} approved · ${c.rejected} rejected · ${c.flagged} flagged`;
  const standing = panel.standing;
  let text = STANDING_TEXT[standing.standing] || standing.standing;
  if (standing.standing === "banned") text += standing.until ? ` until ${formatTime(standing.until)}.` : " permanently.";
  if (standing.moderator) text += ` (${standing.moderator}, ${formatTime(standing.at)})`;
  $("author-standing").textContent = text;
  $("author-standing").dataset.standing = standing.standing;
  $("trust").disabled = !panel.trustAllowed;
  $("author-notes").replaceChildren(...panel.actions.map((entry) => el("li", {}, [
    el("div", { className: "line1" }, [el("span", { text: entry.outcome.replace(/^author/, "").toLowerCase() }), el("span", { text: entry.moderator }), el("span", { text: formatTime(entry.at) })]),
    entry.reason || entry.note ? el("div", { className: "body", text: [entry.reason, entry.note].filter(Boolean).join(" · ") }) : null])));
  const rows = panel.history.filter((comment) => comment.commentId !== item.id).map(historyRow);
  if (offset === 0) $("item-history").replaceChildren(...(rows.length ? rows : [el("li", { className: "muted", text: "No earlier comments from this author." })]));
  else $("item-history").append(...rows);
  state.historyNext = panel.nextOffset;
  $("history-more").hidden = panel.nextOffset === null;
}

async function setStanding(standing) {
  const item = state.current;
  if (!item) return;
  const body = { standing };
  if (standing === "banned" && $("ban-days").value) body.days = Number($("ban-days").value);
  const result = await api("POST", `${authorPath(item)}/standing`, body);
  message(result.ok ? `${item.author.name}: ${standing}. Applied to their next comment.` : (result.data && result.data.title) || "Could not change the author's standing.");
  if (result.ok) loadAuthor(item);
}

$("ban").addEventListener("click", () => setStanding("banned"));
$("premoderate").addEventListener("click", () => setStanding("premoderated"));
$("trust").addEventListener("click", () => setStanding("trusted"));
$("clear-standing").addEventListener("click", () => setStanding("normal"));
$("history-more").addEventListener("click", () => { if (state.current && state.historyNext !== null) loadAuthor(state.current, state.historyNext); });
$("note-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const formElement = event.currentTarget;
  const item = state.current;
  if (!item) return;
  const result = await api("POST", `${authorPath(item)}/notes`, { note: formElement.elements.note.value });
  if (result.ok) { formElement.reset(); loadAuthor(item); }
  else message("Could not save the note.");
});

function message(text) { $("item-message").textContent = text; }

// j/k move through the whole queue: past the loaded rows the next page is fetched first.
async function move(step) {
  let index = currentIndex();
  for (;;) {
    index += step;
    if (index < 0) return;
    if (index >= state.items.length) {
      if (state.nextOffset === null) return;
      await loadMore();
      if (index >= state.items.length) return;
    }
    const item = state.items[index];
    if (!takenByOther(item)) return claim(item.id);
  }
}

// `claimed` is the next item, leased while the decision was on its way (see decideCurrent); without it, ask for one.
async function decided(ids, text, claimed) {
  const gone = new Set(ids);
  state.items = state.items.filter((item) => !gone.has(item.id));
  state.current = null;
  renderList();
  if (claimed && claimed.status === 200 && !gone.has(claimed.data.id)) showItem(claimed.data);
  else await claimNext();
  message(text);
  loadSites();
}

// The next item of the list after the open one that nobody else holds.
function nextFree() {
  const index = currentIndex();
  return state.items.slice(index + 1).find((item) => !takenByOther(item)) || null;
}

// Decides the open item and, at the same time, leases the next one (keeping this one's lease until the decision clears
// it), so a keyboard decision costs one round trip, not two. If the decision fails, the next item is given back.
async function decideCurrent(action, body, text) {
  const id = state.current.id;
  const next = nextFree();
  const [result, claimed] = await Promise.all([
    api("POST", `/v1/review/items/${id}/${action}`, body),
    next ? api("POST", `/v1/review/items/${next.id}/claim?keepOthers=true`) : Promise.resolve(null)]);
  if (result.ok) return decided([id], text, claimed);
  if (claimed && claimed.status === 200) api("POST", `/v1/review/items/${next.id}/release`);
  message((result.data && result.data.title) || `Could not ${action}.`);
}

async function approve() {
  if (!state.current) return;
  await decideCurrent("approve", {}, "Approved.");
}

// Each site's reasons (its presets, or the built-in ones), fetched once.
async function reasonsFor(siteId) {
  if (!state.siteReasons[siteId]) {
    const result = await api("GET", `/v1/review/sites/${encodeURIComponent(siteId)}/reasons`);
    state.siteReasons[siteId] = result.ok ? result.data : state.reasons;
  }
  return state.siteReasons[siteId];
}

// Bulk by filter: the dialog says how many first; at most that many are decided, so later arrivals are left.
async function openBulk(action) {
  const result = await api("GET", `/v1/review/sites/${encodeURIComponent(state.site)}/bulk-count?${filterQuery()}`);
  if (!result.ok) { message("Could not count what the filter matches."); return; }
  if (!result.data.count) { message("Nothing waiting matches the filter."); return; }
  state.rejectMode = `bulk-${action}`;
  state.bulkCount = result.data.count;
  $("reject-title").textContent = `${action === "approve" ? "Approve" : "Reject"} all ${result.data.count.toLocaleString()} waiting comment(s) matching the filter`;
  fillReasons(action === "approve" ? [] : await reasonsFor(state.site));
  $("reject-form").querySelector("button[type=submit]").textContent = action === "approve" ? "Approve all" : "Reject all";
  $("reject-dialog").showModal();
}

// A bulk action can be taken back until the site's undo window closes: the comments it decided, unless decided again since.
let bulkUndoTimer = 0;
function offerBulkUndo(bulk) {
  clearTimeout(bulkUndoTimer);
  state.lastBulk = { ...bulk, siteId: state.site };
  const by = bulk.moderator && state.me && bulk.moderator !== state.me.username ? ` by ${shown(bulk.moderator)}` : "";
  $("bulk-done-text").textContent = `${bulk.action === "approve" ? "Approved" : "Rejected"} ${bulk.decided.toLocaleString()}${by} · undo until ${formatTime(bulk.undoUntil)}`;
  $("bulk-done").hidden = bulk.decided === 0;
  $("bulk-undo").hidden = false;
  bulkUndoTimer = setTimeout(() => { $("bulk-done").hidden = true; }, Math.max(0, new Date(bulk.undoUntil).getTime() - Date.now()));
}

// Undoing approvals rejects them, so the moderator picks a reason first; undoing rejections publishes them at once.
$("bulk-undo").addEventListener("click", async () => {
  const bulk = state.lastBulk;
  if (!bulk) return;
  if (bulk.action === "reject") return undoBulk(null, null);
  state.rejectMode = "bulk-undo";
  $("reject-title").textContent = `Take back ${bulk.decided.toLocaleString()} approval(s): reject them`;
  $("reject-form").querySelector("button[type=submit]").textContent = "Reject them";
  fillReasons(await reasonsFor(state.site));
  $("reject-dialog").showModal();
});

async function undoBulk(reason, note) {
  const bulk = state.lastBulk;
  $("bulk-undo").hidden = true;
  $("bulk-done-text").textContent = `Undoing ${bulk.decided.toLocaleString()} decision(s)…`;
  const request = bulk.actionId ? { actionId: bulk.actionId, reason, note } : { action: bulk.action, ids: bulk.ids, reason, note };
  const result = await api("POST", `/v1/review/sites/${encodeURIComponent(state.site)}/bulk-undo`, request);
  $("bulk-done-text").textContent = result.ok ? `Undone ${result.data.undone.toLocaleString()}${result.data.skipped ? `; ${result.data.skipped} decided again since were left` : ""}.`
    : (result.data && result.data.title) || "Could not undo.";
  state.lastBulk = null;
  await loadQueue(!state.current);
  loadSites();
  loadBulkActions();
}

function fillReasons(reasons) {
  $("reasons").hidden = reasons.length === 0;
  $("reasons").replaceChildren(...reasons.map((reason, index) => el("label", {}, [
    el("input", { attrs: { type: "radio", name: "reason", value: reason.code, required: "", ...(reason.code === state.lastReason ? { checked: "" } : {}) } }),
    el("kbd", { text: index + 1 }), document.createTextNode(reason.label)])));
  $("reject-form").elements.note.value = "";
  $("reject-form").elements.message.value = "";
}

// No reason is preselected: the moderator picks one (1-9), or the last one they used is offered again.
async function openReject(mode) {
  if (!state.current) return;
  $("reject-form").querySelector("button[type=submit]").replaceChildren(document.createTextNode("Reject "), el("kbd", { text: "Enter" }));
  const reasons = await reasonsFor(state.current.siteId);
  state.rejectMode = mode;
  state.authorPending = null;
  $("reject-title").textContent = "Reject this comment";
  if (mode === "author") {
    const result = await api("GET", `/v1/review/items/${state.current.id}/author-pending`);
    if (!result.ok) { message("Could not count this author's comments."); return; }
    state.authorPending = result.data.pending;
    $("reject-title").textContent = `Reject all ${result.data.pending} waiting comment(s) from ${shown(result.data.authorName)}`;
  }
  fillReasons(reasons);
  $("reject-dialog").showModal();
}

$("reject-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.currentTarget.elements;
  if (state.rejectMode === "bulk-undo") {
    if (!form.reason.value) return;
    $("reject-dialog").close();
    await undoBulk(form.reason.value, form.note.value || null);
    return;
  }
  if (state.rejectMode === "takedown") {
    if (!form.reason.value) return;
    $("reject-dialog").close();
    state.lastReason = form.reason.value;
    await takeDown(state.takedown, { reason: form.reason.value, note: form.note.value || null, message: form.message.value.trim() || null });
    return;
  }
  if (state.rejectMode === "redecide") {
    if (!form.reason.value) return;
    $("reject-dialog").close();
    state.lastReason = form.reason.value;
    await redecide(state.redecide, { action: "reject", reason: form.reason.value, note: form.note.value || null, message: form.message.value.trim() || null });
    return;
  }
  if (state.rejectMode.startsWith("bulk-")) {
    const action = state.rejectMode.slice(5);
    if (action === "reject" && !form.reason.value) return;
    $("reject-dialog").close();
    message(`${action === "approve" ? "Approving" : "Rejecting"} ${state.bulkCount.toLocaleString()} comment(s)…`);
    const result = await api("POST", `/v1/review/sites/${encodeURIComponent(state.site)}/bulk?${filterQuery()}`, {
      action, expected: state.bulkCount, reason: action === "reject" ? form.reason.value : null, note: form.note.value || null, message: form.message.value.trim() || null });
    if (result.ok) {
      const skipped = result.data.skipped ? `; ${result.data.skipped} held by another moderator were left` : "";
      message(`${action === "approve" ? "Approved" : "Rejected"} ${result.data.decided.toLocaleString()} comment(s)${skipped}.`);
      offerBulkUndo(result.data);
      await loadQueue(!state.current);
      loadSites();
    } else message((result.data && result.data.title) || "Could not decide them.");
    return;
  }
  if (!form.reason.value) return;
  $("reject-dialog").close();
  if (!state.current) return;
  const body = { reason: form.reason.value, note: form.note.value || null, message: form.message.value.trim() || null };
  state.lastReason = body.reason;
  const id = state.current.id;
  if (state.rejectMode === "author") {
    message(`Rejecting ${state.authorPending} comment(s)…`);
    const result = await api("POST", `/v1/review/items/${id}/reject-author`, body);
    if (result.ok) {
      const skipped = result.data.skipped.length ? `; ${result.data.skipped.length} held by another moderator were left` : "";
      await decided(result.data.rejected, `Rejected ${result.data.rejected.length} comment(s) from ${result.data.authorId}${skipped}.`);
    } else message((result.data && result.data.title) || "Could not reject.");
    return;
  }
  await decideCurrent("reject", body, "Rejected.");
});
$("reject-cancel").addEventListener("click", () => $("reject-dialog").close());
$("bulk-approve").addEventListener("click", () => openBulk("approve"));
$("bulk-reject").addEventListener("click", () => openBulk("reject"));

$("approve").addEventListener("click", approve);
$("reject").addEventListener("click", () => openReject("one"));
$("reject-author").addEventListener("click", () => openReject("author"));
$("next").addEventListener("click", () => move(1));
$("prev").addEventListener("click", () => move(-1));
$("help-button").addEventListener("click", () => $("help-dialog").showModal());
for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
// A new filter lists other comments; the one being worked stays open (and leased) until it is decided or left.
$("filters").addEventListener("change", () => { $("items-scroll").scrollTop = 0; loadQueue(true); });
// Search as the moderator types, once they pause.
let searchTimer = 0;
$("filters").elements.q.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => { $("items-scroll").scrollTop = 0; loadQueue(true); }, 300);
});
$("filters").addEventListener("submit", (event) => event.preventDefault());

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if ($("reject-dialog").open) {
    const index = Number(event.key) - 1;
    const radios = $("reasons").querySelectorAll("input");
    if (event.target.tagName !== "TEXTAREA" && index >= 0 && index < radios.length) { radios[index].checked = true; event.preventDefault(); }
    return;
  }
  if (event.key === "Escape" && ["INPUT", "SELECT"].includes(event.target.tagName) && !document.querySelector("dialog[open]")) {
    event.target.blur(); // Esc leaves a filter box, so the next key is a shortcut again
    event.preventDefault();
    return;
  }
  if (["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName) || document.querySelector("dialog[open]")) return;
  if (event.key === "?") { $("help-dialog").showModal(); event.preventDefault(); return; }
  if (event.key === "/" && state.view === "queue") { $("filters").elements.q.focus(); event.preventDefault(); return; }
  if (state.view !== "queue") return;
  const actions = { j: () => move(1), k: () => move(-1), a: approve, r: () => openReject("one"), x: () => openReject("author") };
  if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
});

// ---- live updates: the server polls the store and tells us when the queue changed ----------------------------------

function listen() {
  if (state.events) state.events.close();
  $("live").hidden = true;
  if (!state.site) return;
  state.events = new EventSource(`/v1/review/sites/${encodeURIComponent(state.site)}/events`);
  state.events.addEventListener("open", () => { $("live").hidden = false; });
  state.events.addEventListener("error", () => { $("live").hidden = true; });
  state.events.addEventListener("queue", () => loadQueue(true));
  // The server ends the stream when the session or the right to this site is gone: start again from what is left.
  state.events.addEventListener("ended", () => { state.events.close(); location.reload(); });
}

// ---- audit log ----------------------------------------------------------------------------------------------

function auditQuery() {
  const form = $("audit-filters").elements;
  const params = new URLSearchParams({ limit: "50" });
  if (form.site.value) params.set("site", form.site.value);
  if (form.moderator.value.trim()) params.set("moderator", form.moderator.value.trim());
  // A date input's value is a local calendar day; "T00:00" makes Date read it as local midnight, not UTC.
  if (form.from.value) params.set("from", new Date(`${form.from.value}T00:00`).toISOString());
  if (form.to.value) {
    const end = new Date(`${form.to.value}T00:00`);
    end.setDate(end.getDate() + 1);
    params.set("to", end.toISOString());
  }
  return params;
}

async function loadAudit(fresh) {
  const params = auditQuery();
  if (!fresh && state.auditNext) params.set("before", state.auditNext);
  const result = await api("GET", `/v1/review/audit?${params}`);
  if (!result.ok) return;
  const rows = result.data.items.map((entry) => el("tr", { attrs: { "data-comment": entry.commentId } }, [
    el("td", { text: formatTime(entry.at) }), el("td", { text: entry.siteId }), el("td", { text: entry.moderator }),
    el("td", { className: `outcome-${entry.outcome}`, text: entry.outcome }),
    el("td", { text: [entry.reason, entry.note].filter(Boolean).join(": ") }),
    el("td", {}, entry.rules.map((rule) => el("code", { text: `${rule} ` }))),
    el("td", { className: "muted" }, [el("span", { text: `${entry.articleId} · ${entry.authorId} · ` }), el("code", { text: entry.commentId })])]));
  if (fresh) $("audit-rows").replaceChildren(...rows); else $("audit-rows").append(...rows);
  state.auditNext = result.data.next;
  $("audit-more").hidden = !state.auditNext;
}

$("audit-filters").addEventListener("submit", (event) => { event.preventDefault(); loadAudit(true); });
$("audit-more").addEventListener("click", () => loadAudit(false));

// ---- desk: service level, moderator activity, rule quality ------------------------------------------------------

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

async function loadDesk() {
  const form = $("desk-filters").elements;
  const site = form.site.value || state.site;
  if (!site) return;
  form.site.value = site;
  const path = `/v1/review/sites/${encodeURIComponent(site)}`;
  const [activity, quality] = await Promise.all([api("GET", `${path}/activity?days=${form.days.value}`), api("GET", `${path}/rule-quality`)]);
  if (activity.ok) {
    const a = activity.data;
    $("desk-pending").textContent = a.pending.pending
      ? `${a.pending.pending.toLocaleString()} waiting; the oldest for ${duration(a.pending.oldestWaitingSeconds)}.` : "Nothing waiting.";
    $("desk-queues").replaceChildren(...a.queues.map((q) => el("tr", { attrs: { "data-queue": q.queue } }, [
      el("td", { text: q.queue }), el("td", { text: q.decided.toLocaleString() }), el("td", { text: duration(q.p50Seconds) }), el("td", { text: duration(q.p90Seconds) })])));
    $("desk-moderators").replaceChildren(...(a.moderators.length ? a.moderators.map((m) => el("tr", { attrs: { "data-moderator": m.moderator } }, [
      el("td", { text: m.moderator }), el("td", { text: m.decisions.toLocaleString() }), el("td", { text: m.decisionsPerDay }), el("td", { text: duration(m.medianSecondsToDecision) })]))
      : [el("tr", {}, [el("td", { className: "muted", text: "No decisions in this window.", attrs: { colspan: "4" } })])]));
    const d = a.disagreements;
    $("desk-disagreements").textContent = d.commentsDecidedByTwo
      ? `Two moderators disagreed on ${d.disagreed} of ${d.commentsDecidedByTwo} comment(s) decided by more than one${d.authors.length ? ` (most: ${d.authors.map((x) => `${x.authorId} ${x.disagreed}`).join(", ")})` : ""}.`
      : "No comment was decided by two moderators.";
  }
  if (quality.ok) {
    $("desk-rules").replaceChildren(...quality.data.windows.map((window) => el("section", { attrs: { "data-days": window.days } }, [
      el("h3", { text: `Last ${window.days} days` }),
      el("table", { className: "log" }, [
        el("thead", {}, [el("tr", {}, ["Rule", "Decided", "Overturned", "Rate", "Upheld", "Waiting", "Overturned comments"].map((h) => el("th", { text: h })))]),
        el("tbody", {}, window.rules.length ? window.rules.map((r) => el("tr", { attrs: { "data-rule": r.rule } }, [
          el("td", {}, [el("code", { text: r.rule })]), el("td", { text: r.decided }), el("td", { text: r.overturned }),
          el("td", { className: "rate", text: `${Math.round(r.overturnRate * 100)}%` }), el("td", { text: r.upheld }), el("td", { text: r.waiting }),
          el("td", {}, r.overturnedComments.length ? [el("details", {}, [el("summary", { text: `${r.overturnedComments.length} shown` }),
            el("ol", { className: "history" }, r.overturnedComments.map((c) => el("li", { attrs: { "data-id": c.id } }, [
              el("div", { className: "line1" }, [el("strong", { text: c.authorName }), el("span", { text: c.articleId }), el("span", { className: "muted", text: `${c.moderator} · ${formatTime(c.decidedAt)}` })]),
              el("div", { className: "body", text: c.excerpt })])))])] : [])]))
          : [el("tr", {}, [el("td", { className: "muted", text: "No held comment decided in this window.", attrs: { colspan: "7" } })])]),
      ])])));
  }
}

$("desk-filters").addEventListener("change", loadDesk);

// ---- admin ----------------------------------------------------------------------------------------------------

async function loadModerators() {
  const result = await api("GET", "/v1/review/admin/moderators");
  if (!result.ok) return;
  $("moderator-rows").replaceChildren(...result.data.map((account) => {
    const sites = el("input", { attrs: { value: account.sites.join(", "), "aria-label": `Sites of ${account.username}` } });
    const save = el("button", { text: "Save sites", attrs: { type: "button" } });
    save.addEventListener("click", () => updateModerator(account.username, { sites: sites.value.split(",") }));
    const toggle = el("button", { text: account.disabled ? "Enable" : "Disable", attrs: { type: "button" } });
    toggle.addEventListener("click", () => updateModerator(account.username, { disabled: !account.disabled }));
    const password = el("input", { attrs: { type: "password", autocomplete: "new-password", placeholder: "12+ characters", "aria-label": `New password for ${account.username}` } });
    const reset = el("button", { text: "Reset password", attrs: { type: "button", "data-reset": account.username } });
    reset.addEventListener("click", async () => {
      const result = await api("POST", `/v1/review/admin/moderators/${encodeURIComponent(account.username)}/password`, { newPassword: password.value });
      const errors = (result.data && result.data.errors) || {};
      $("admin-message").textContent = result.ok ? `New password set for ${account.username}; their sessions are signed out.`
        : Object.values(errors).flat().join(" ") || (result.data && result.data.title) || "Could not reset the password.";
      if (result.ok) password.value = "";
    });
    return el("tr", {}, [el("td", { text: account.username }), el("td", { text: account.role }), el("td", {}, [sites]),
      el("td", { text: account.disabled ? "disabled" : "active" }), el("td", {}, [save, document.createTextNode(" "), toggle]),
      el("td", {}, [password, document.createTextNode(" "), reset])]);
  }));
}

async function updateModerator(username, change) {
  const result = await api("PATCH", `/v1/review/admin/moderators/${encodeURIComponent(username)}`, change);
  $("admin-message").textContent = result.ok ? `Saved ${username}.` : (result.data && result.data.title) || "Could not save.";
  loadModerators();
}

$("create-moderator").addEventListener("submit", async (event) => {
  event.preventDefault();
  // currentTarget is only set while the event is dispatched: take the form before awaiting anything.
  const formElement = event.currentTarget;
  const form = formElement.elements;
  const result = await api("POST", "/v1/review/admin/moderators", {
    username: form.username.value, password: form.password.value, role: form.role.value,
    sites: form.sites.value.split(",").map((s) => s.trim()).filter(Boolean) });
  $("admin-message").textContent = result.ok ? `Added ${result.data.username}.` : (result.data && (result.data.title || JSON.stringify(result.data.errors))) || "Could not add.";
  if (result.ok) formElement.reset();
  loadModerators();
});

$("create-token").addEventListener("submit", async (event) => {
  event.preventDefault();
  const result = await api("POST", "/v1/review/admin/tokens", { name: event.currentTarget.elements.name.value });
  $("new-token").textContent = result.ok ? `${result.data.token}  (copy it now; it is not shown again)` : "Could not create a token.";
});

boot();
