// Bodies (Ban vì sự tiến bộ của phụ nữ, the Committee for the Advancement of Women, and other agencies of kind
// COMMITTEE) and their dated members: who submits under a BODY_MEMBERS rule on its due date. Anyone signed in reads
// the list; an admin or the body's own plan manager replaces it under the body's ETag (If-Match), and the API's
// problem is shown, each field error beside its row.
import { html, nothing, render } from 'lit';
import { t } from './i18n.js';
import { get, call, items, problemText, fieldText } from './api.js';
import { date } from './format.js';
import { name, tableWrap } from './ui.js';
import { whoAmI, hasRole } from './workspace.js';

export async function membersPage(code) {
  return code ? body(code) : bodies();
}

async function bodies() {
  const list = items(await get('/api/agencies?kind=COMMITTEE&size=200'));
  const view = html`<h1 tabindex="-1">${t('body.title')}</h1><p>${t('body.intro')}</p>
    ${list.length === 0 ? html`<p>${t('body.none')}</p>` : html`<ul class="item-list" id="bodies">
      ${list.map((a) => html`<li data-body=${a.code}><a href="#/ws/bodies/${encodeURIComponent(a.code)}">${name(a.nameVi, a.nameEn)}</a>
        <span class="meta">${a.code}</span></li>`)}</ul>`}`;
  return { title: t('body.title'), view };
}

const today = () => new Date().toISOString().slice(0, 10);
const current = (m) => m.from <= today() && (!m.to || m.to >= today());

async function body(code) {
  const me = await whoAmI();
  const [agency, first] = await Promise.all([get(`/api/agencies/${encodeURIComponent(code)}`), call('GET', `/api/agencies/${encodeURIComponent(code)}/members`)]);
  const state = { code, etag: first.etag, rows: first.data.map((m) => ({ ...m })), names: new Map(), errors: [], problem: null };
  state.editable = agency.kind === 'COMMITTEE' && (hasRole('admin') || (hasRole('plan-manager') && me.agency === code));
  await names(state);
  const title = name(agency.nameVi, agency.nameEn);
  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/ws/bodies">${t('body.title')}</a></nav>
    <h1 tabindex="-1">${title}</h1>
    <p class="meta">${agency.code} · ${t('body.kind')}: ${agency.kind}</p>
    ${agency.kind === 'COMMITTEE' ? nothing : html`<p class="alert alert-info">${t('body.notABody')}</p>`}
    <p>${state.editable ? t('body.canEdit') : t('body.readOnly')}</p>
    <div id="members-box"></div>`;
  return { title, view, after: () => draw(state) };
}

/** Names of the member agencies (the list is short: one call each, a missing one shown by its code). */
async function names(state) {
  const codes = [...new Set(state.rows.map((m) => m.agency))].filter((c) => c && !state.names.has(c));
  await Promise.all(codes.map(async (c) => {
    const a = await get(`/api/agencies/${encodeURIComponent(c)}`).catch(() => null);
    state.names.set(c, a ? name(a.nameVi, a.nameEn) : c);
  }));
}

function draw(state) {
  const box = document.getElementById('members-box');
  if (!box) {
    return;
  }
  const errorOf = (i, field) => state.errors.filter((e) => e.field === `[${i}].${field}` || (field === 'agency' && e.field === `[${i}]`));
  const cell = (i, field, type, label) => {
    const errs = errorOf(i, field);
    const id = `member-${i}-${field}`;
    return html`<td><label class="visually-hidden" for=${id}>${label}</label>
      <input type=${type} id=${id} .value=${state.rows[i][field] || ''} aria-invalid=${errs.length ? 'true' : 'false'}
        aria-describedby="err-${id}" ?required=${field !== 'to'} maxlength=${type === 'text' ? 40 : nothing}
        @input=${(e) => { state.rows[i][field] = e.target.value || null; }}>
      <p class="field-error" id="err-${id}">${errs.map((e) => fieldText(e)).join(' ')}</p></td>`;
  };
  render(html`
    ${state.problem ? html`<div class="alert alert-error" role="alert" id="members-problem"><p>${state.problem}</p>
      ${state.errors.length ? html`<ul>${state.errors.map((e) => html`<li>${e.field}: ${fieldText(e)}</li>`)}</ul>` : nothing}</div>` : nothing}
    ${state.rows.length === 0 && !state.editable ? html`<p id="members-none">${t('body.noMembers')}</p>` : tableWrap(t('body.members'), html`
      <table class="data" id="members"><caption>${t('body.members')}</caption>
      <thead><tr><th scope="col">${t('body.member')}</th><th scope="col">${t('body.from')}</th><th scope="col">${t('body.to')}</th>
        <th scope="col">${t('body.now')}</th>${state.editable ? html`<th scope="col">${t('obl.action')}</th>` : nothing}</tr></thead>
      <tbody>${state.rows.map((m, i) => html`<tr data-member=${m.agency || ''}>
        ${state.editable ? html`${cell(i, 'agency', 'text', `${t('body.member')} ${i + 1}`)}${cell(i, 'from', 'date', `${t('body.from')} ${i + 1}`)}
            ${cell(i, 'to', 'date', `${t('body.to')} ${i + 1}`)}`
          : html`<th scope="row">${state.names.get(m.agency) || m.agency}<br><span class="meta">${m.agency}</span></th>
            <td>${date(m.from)}</td><td>${m.to ? date(m.to) : t('body.open')}</td>`}
        <td>${m.from && current(m) ? t('body.current') : t('body.notCurrent')}</td>
        ${state.editable ? html`<td>${state.names.has(m.agency) ? html`<span class="meta">${state.names.get(m.agency)}</span><br>` : nothing}
          <button type="button" class="secondary" data-remove=${i} @click=${() => { state.rows.splice(i, 1); state.errors = []; draw(state); }}>
            ${t('body.remove')}</button></td>` : nothing}</tr>`)}
      </tbody></table>`)}
    ${state.editable ? html`<div class="actions">
      <button type="button" class="secondary" id="member-add" @click=${() => { state.rows.push({ agency: '', from: today(), to: null }); draw(state); }}>
        ${t('body.add')}</button>
      <button type="button" id="members-save" @click=${() => save(state)}>${t('body.save')}</button></div>` : nothing}
    <p id="members-status" class="status-line" role="status" aria-live="polite"></p>`, box);
}

async function save(state) {
  const body = state.rows.map((m) => ({ agency: (m.agency || '').trim(), from: m.from || null, to: m.to || null }));
  try {
    const r = await call('PUT', `/api/agencies/${encodeURIComponent(state.code)}/members`, { json: body, headers: { 'If-Match': state.etag } });
    const fresh = await call('GET', `/api/agencies/${encodeURIComponent(state.code)}/members`);
    state.etag = fresh.etag || r.etag;
    state.rows = fresh.data.map((m) => ({ ...m }));
    state.errors = [];
    state.problem = null;
    await names(state);
    draw(state);
    document.getElementById('members-status').textContent = t('body.saved', { n: state.rows.length });
  } catch (err) {
    state.errors = err.errors || [];
    state.problem = err.status === 412 ? t('body.stale') : problemText(err);
    draw(state);
  }
}
