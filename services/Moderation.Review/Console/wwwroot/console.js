// The moderator console. No framework and no build step. Comment text is only ever put into the page as text
// (textContent / text nodes), never as HTML, so a comment cannot inject markup or script.
"use strict";

const state = { me: null, csrf: null, reasons: [], sites: [], site: null, items: [], current: null, events: null, auditNext: null, rejectMode: "one" };
const $ = (id) => document.getElementById(id);

function el(tag, options = {}, children = []) {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined && options.text !== null) node.textContent = String(options.text);
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
  for (const view of ["signin", "queue", "audit", "admin"]) $(`${view}-view`).hidden = view !== name;
  for (const tab of document.querySelectorAll(".tab")) tab.setAttribute("aria-current", tab.dataset.view === name ? "page" : "false");
  state.view = name;
  if (name === "audit") loadAudit(true);
  if (name === "admin") loadModerators();
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
  setInterval(renewLease, 60000);
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
}

function filterQuery() {
  const form = $("filters").elements;
  const params = new URLSearchParams();
  for (const name of ["article", "category", "author", "order"]) if (form[name].value.trim()) params.set(name, form[name].value.trim());
  return params;
}

async function loadQueue(claimWhenIdle) {
  if (!state.site) return renderList();
  const result = await api("GET", `/v1/review/sites/${encodeURIComponent(state.site)}/queue?${filterQuery()}`);
  if (!result.ok) return;
  state.items = result.data.items;
  const count = document.querySelector(`#sites [data-site="${CSS.escape(state.site)}"] .count`);
  if (count) count.textContent = result.data.pending;
  renderList();
  if (claimWhenIdle && !state.current) await claimNext();
}

function takenByOther(item) {
  return item.lease && item.lease.moderator !== state.me.username;
}

function renderList() {
  $("items").replaceChildren(...state.items.map((item) => {
    const li = el("li", { className: takenByOther(item) ? "taken" : "", attrs: { "data-id": item.id, "aria-current": String(state.current && state.current.id === item.id) } }, [
      el("div", { className: "line1" }, [el("strong", { text: item.authorName }), el("span", { text: item.articleId }), el("span", { text: formatTime(item.queuedAt) }),
        takenByOther(item) ? el("span", { text: `· ${item.lease.moderator}` }) : null]),
      el("p", { className: "excerpt", text: item.excerpt }),
      el("div", {}, item.categories.map((category) => el("span", { className: "chip cat", text: category }))),
    ]);
    li.addEventListener("click", () => claim(item.id));
    return li;
  }));
}

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

async function renewLease() {
  if (state.current) await api("POST", `/v1/review/items/${state.current.id}/claim`);
}

function showItem(item) {
  state.current = item;
  renderItem(item);
  if (!state.items.some((i) => i.id === item.id)) loadQueue(false);
  else renderList();
}

// ---- one item -------------------------------------------------------------------------------------------------

// The body as text nodes, with each rule hit wrapped in <mark>. Spans index the body in UTF-16 code units, as
// JavaScript strings do; overlapping hits are merged into one mark.
function highlighted(container, body, hits) {
  const spans = hits.map((hit) => ({ start: Math.max(0, hit.start), end: Math.min(body.length, hit.start + hit.length), hits: [hit] }))
    .filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) { last.end = Math.max(last.end, span.end); last.hits.push(...span.hits); }
    else merged.push(span);
  }
  const nodes = [];
  let at = 0;
  for (const span of merged) {
    if (span.start > at) nodes.push(document.createTextNode(body.slice(at, span.start)));
    nodes.push(el("mark", { text: body.slice(span.start, span.end), attrs: { title: span.hits.map((h) => `${h.rule} (${h.category})`).join(", ") } }));
    at = span.end;
  }
  if (at < body.length) nodes.push(document.createTextNode(body.slice(at)));
  container.replaceChildren(...nodes);
}

function renderItem(item) {
  $("item").hidden = !item;
  $("empty").hidden = !!item;
  message("");
  if (!item) { $("item").removeAttribute("data-item-id"); return; }
  $("item").setAttribute("data-item-id", item.id);
  $("item-site").textContent = item.siteId;
  $("item-article").textContent = item.articleId;
  $("item-author").textContent = item.author.name;
  $("item-author-id").textContent = `(${item.author.id})`;
  $("item-time").textContent = formatTime(item.submittedAt);
  $("item-score").textContent = Number(item.score).toFixed(2);
  highlighted($("item-body"), item.body, item.hits);
  $("item-hits").replaceChildren(...item.hits.map((hit) => el("tr", {}, [
    el("td", {}, [el("code", { text: hit.rule })]), el("td", {}, [el("span", { className: "chip cat", text: hit.category })]),
    el("td", { text: hit.severity }), el("td", {}, [el("mark", { text: hit.match })])])));
  $("item-parent").hidden = !item.parent;
  if (item.parent) {
    $("parent-author").textContent = item.parent.authorName;
    $("parent-body").textContent = item.parent.body;
  }
  const history = item.authorHistory;
  $("item-history").replaceChildren(...(history.length ? history.map((c) => el("li", {}, [
    el("div", { className: "line1" }, [el("span", { className: `outcome-${c.outcome}`, text: c.outcome }), el("span", { text: c.articleId }), el("span", { text: formatTime(c.submittedAt) })]),
    el("div", { className: "body", text: c.body })])) : [el("li", { className: "muted", text: "No earlier comments from this author." })]));
}

function message(text) { $("item-message").textContent = text; }

function move(step) {
  const open = state.items.filter((item) => !takenByOther(item) || (state.current && item.id === state.current.id));
  if (!open.length) return;
  const index = state.current ? open.findIndex((item) => item.id === state.current.id) : -1;
  const next = open[Math.min(open.length - 1, Math.max(0, index + step))];
  if (next && (!state.current || next.id !== state.current.id)) claim(next.id);
}

async function decided(ids, text) {
  state.items = state.items.filter((item) => !ids.includes(item.id));
  state.current = null;
  renderList();
  await claimNext();
  message(text);
  loadSites();
}

async function approve() {
  if (!state.current) return;
  const id = state.current.id;
  const result = await api("POST", `/v1/review/items/${id}/approve`, {});
  if (result.ok) await decided([id], "Approved.");
  else message((result.data && result.data.title) || "Could not approve.");
}

function openReject(mode) {
  if (!state.current) return;
  state.rejectMode = mode;
  $("reject-title").textContent = mode === "author" ? `Reject every pending comment from ${state.current.author.name}` : "Reject this comment";
  $("reasons").replaceChildren(...state.reasons.map((reason, index) => el("label", {}, [
    el("input", { attrs: { type: "radio", name: "reason", value: reason.code, ...(index === 0 ? { checked: "" } : {}) } }),
    el("kbd", { text: index + 1 }), document.createTextNode(reason.label)])));
  $("reject-form").elements.note.value = "";
  $("reject-dialog").showModal();
}

$("reject-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("reject-dialog").close();
  if (!state.current) return;
  const form = event.currentTarget.elements;
  const body = { reason: form.reason.value, note: form.note.value || null };
  const id = state.current.id;
  if (state.rejectMode === "author") {
    const result = await api("POST", `/v1/review/items/${id}/reject-author`, body);
    if (result.ok) await decided(result.data.rejected, `Rejected ${result.data.rejected.length} comment(s) from ${result.data.authorId}.`);
    else message((result.data && result.data.title) || "Could not reject.");
    return;
  }
  const result = await api("POST", `/v1/review/items/${id}/reject`, body);
  if (result.ok) await decided([id], "Rejected.");
  else message((result.data && result.data.title) || "Could not reject.");
});
$("reject-cancel").addEventListener("click", () => $("reject-dialog").close());

$("approve").addEventListener("click", approve);
$("reject").addEventListener("click", () => openReject("one"));
$("reject-author").addEventListener("click", () => openReject("author"));
$("next").addEventListener("click", () => move(1));
$("prev").addEventListener("click", () => move(-1));
$("help-button").addEventListener("click", () => $("help-dialog").showModal());
for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showView(tab.dataset.view));
$("filters").addEventListener("change", () => { state.current = null; loadQueue(true); });
$("filters").addEventListener("submit", (event) => event.preventDefault());

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if ($("reject-dialog").open) {
    const index = Number(event.key) - 1;
    const radios = $("reasons").querySelectorAll("input");
    if (event.target.tagName !== "TEXTAREA" && index >= 0 && index < radios.length) { radios[index].checked = true; event.preventDefault(); }
    return;
  }
  if (["INPUT", "TEXTAREA", "SELECT"].includes(event.target.tagName) || document.querySelector("dialog[open]")) return;
  if (event.key === "?") { $("help-dialog").showModal(); event.preventDefault(); return; }
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
  if (form.from.value) params.set("from", new Date(form.from.value).toISOString());
  if (form.to.value) params.set("to", new Date(new Date(form.to.value).getTime() + 86400000).toISOString());
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
    el("td", { className: "muted", text: `${entry.articleId} · ${entry.authorId} · ${entry.commentId.slice(0, 8)}` })]));
  if (fresh) $("audit-rows").replaceChildren(...rows); else $("audit-rows").append(...rows);
  state.auditNext = result.data.next;
  $("audit-more").hidden = !state.auditNext;
}

$("audit-filters").addEventListener("submit", (event) => { event.preventDefault(); loadAudit(true); });
$("audit-more").addEventListener("click", () => loadAudit(false));

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
