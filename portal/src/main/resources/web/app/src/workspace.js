// The signed-in workspace: the shell (who am I, which tasks) and the reporter's pages. Loaded on demand.
import { html, nothing } from 'lit';
import { t, currentLang } from './i18n.js';
import * as auth from './auth.js';
import { get, call, items, q } from './api.js';
import { date } from './format.js';
import { badge, tableWrap } from './ui.js';

let me = null;
const planCache = new Map();

export async function whoAmI() {
  me ??= await get('/api/me');
  return me;
}

export const hasRole = (role) => (me?.roles || []).includes(role);

/** A plan's number and title for tables (cached for the session). */
export async function planTitle(id) {
  if (!planCache.has(id)) {
    planCache.set(id, get(`/api/plans/${id}?view=summary`).catch(() => ({ id, title: `#${id}` })));
  }
  return planCache.get(id);
}

export async function page(route) {
  if (!auth.loggedIn()) {
    return {
      title: t('ws.title'),
      view: html`<h1 tabindex="-1">${t('ws.title')}</h1><p>${t('ws.loginNeeded')}</p>
        <button type="button" id="ws-login" @click=${() => auth.login(location.hash || '#/ws', currentLang())}>${t('login')}</button>`,
    };
  }
  await whoAmI();
  const tabs = [];
  if (hasRole('reporter')) {
    tabs.push(['obligations', t('ws.obligations')]);
  }
  if (hasRole('reviewer')) {
    tabs.push(['inbox', t('ws.inbox')], ['extensions', t('ws.extensions')], ['requests', t('ws.requests')],
      ['consolidation', t('ws.consolidations')]);
  }
  if (hasRole('stats-pusher')) {
    tabs.push(['upload', t('ws.upload')]);
  }
  if (['plan-manager', 'reviewer', 'admin'].some(hasRole)) {
    tabs.push(['bodies', t('ws.bodies')]);
  }
  const sub = route.params[0] || tabs[0]?.[0] || '';
  const current = { report: 'obligations', review: 'inbox' }[sub] || sub;
  let body;
  if (sub === 'obligations') {
    body = await obligations();
  } else if (sub === 'report') {
    body = await (await import('./ws-report.js')).reportForm(route.params[1]);
  } else if (['inbox', 'review', 'extensions', 'consolidation'].includes(sub)) {
    body = await (await import('./ws-review.js')).reviewPage(sub, route);
  } else if (sub === 'requests') {
    body = await (await import('./ws-requests.js')).requestsPage(route.query);
  } else if (sub === 'bodies') {
    body = await (await import('./ws-members.js')).membersPage(route.params[1]);
  } else if (sub === 'upload') {
    body = await (await import('./ws-upload.js')).uploadPage();
  } else {
    body = { title: t('ws.title'), view: html`<h1 tabindex="-1">${t('ws.title')}</h1><p>${t('ws.noRole')}</p>` };
  }
  return {
    title: body.title,
    after: body.after,
    view: html`
      <p class="meta" id="ws-who">${t('ws.who', { user: me.username, agency: me.agency })}</p>
      ${tabs.length ? html`<nav aria-label=${t('ws.tabs')}><ul class="tabs">${tabs.map(([k, label]) => html`
        <li><a href="#/ws/${k}" aria-current=${k === current ? 'page' : 'false'}>${label}</a></li>`)}</ul></nav>` : nothing}
      ${body.view}`,
  };
}

/** Days left, due today or days late, as the obligation's status says. */
export function timing(o) {
  if (o.firstSubmittedAt) {
    return o.late ? t('obl.daysLate', { n: o.daysLate }) : t('obl.onTime');
  }
  if (o.status === 'OVERDUE' || (o.daysUntilDue !== null && o.daysUntilDue < 0)) {
    const days = Math.round((Date.now() - Date.parse(`${o.dueDate}T17:00:00Z`)) / 86_400_000);
    return t('obl.daysLate', { n: Math.max(days, 1) });
  }
  if (o.daysUntilDue === 0) {
    return t('obl.dueToday');
  }
  return o.daysUntilDue !== null ? t('obl.daysLeft', { n: o.daysUntilDue }) : '';
}

export function extension(o) {
  return o.originalDueDate ? html`<br><span class="meta" data-extended="true">${t('obl.extended', { date: date(o.originalDueDate), reason: o.extensionReason || '' })}</span>` : nothing;
}

const OPEN = ['OVERDUE', 'DUE_SOON', 'UPCOMING', 'RETURNED'];

async function obligations() {
  const list = items(await get('/api/reports/obligations?size=500'))
    .filter((o) => o.status !== 'CANCELLED')
    .sort((a, b) => (OPEN.includes(b.status) - OPEN.includes(a.status)) || a.dueDate.localeCompare(b.dueDate));
  const plans = new Map(await Promise.all([...new Set(list.map((o) => o.planId))].map(async (id) => [id, await planTitle(id)])));
  const view = html`
    <h1 tabindex="-1">${t('ws.obligations')}</h1>
    ${list.length === 0 ? html`<p>${t('obl.none')}</p>` : tableWrap(t('ws.obligations'), html`<table class="data" id="obligations">
      <thead><tr><th scope="col">${t('obl.plan')}</th><th scope="col">${t('obl.report')}</th><th scope="col">${t('obl.period')}</th>
        <th scope="col">${t('obl.due')}</th><th scope="col">${t('obl.timing')}</th><th scope="col">${t('obl.status')}</th>
        <th scope="col">${t('obl.action')}</th></tr></thead>
      <tbody>${list.map((o) => html`<tr data-obligation=${o.id}>
        <td>${plans.get(o.planId)?.documentNumber || plans.get(o.planId)?.code || ''}<br><span class="meta">${plans.get(o.planId)?.title || ''}</span></td>
        <td>${o.ruleKey} <span class="meta">${o.kind}</span>${o.requestSubject
          ? html`<br><span class="request-subject">${t('req.subjectOf', { subject: o.requestSubject })}</span>` : nothing}</td><td>${o.period}</td>
        <td>${date(o.dueDate)}${extension(o)}</td><td>${timing(o)}</td><td>${badge('ostatus', o.status)}</td>
        <td>${o.reportId
          ? html`<a href="#/ws/report/${o.reportId}">${t('obl.open')}</a>`
          : html`<button type="button" class="secondary" @click=${() => startReport(o.id)}>${t('obl.start')}</button>`}</td>
      </tr>`)}</tbody></table>`)}`;
  return { title: t('ws.obligations'), view };
}

export async function startReport(obligationId) {
  try {
    const r = await call('POST', `/api/reports/obligations/${obligationId}/report`, { json: {} });
    location.hash = `#/ws/report/${r.data.id}`;
  } catch (err) {
    if (err.code === 'REPORT_EXISTS') {
      const o = await get(`/api/reports/obligations/${obligationId}`);
      location.hash = `#/ws/report/${o.reportId}`;
    } else {
      alertError(err);
    }
  }
}

export function alertError(err) {
  const main = document.getElementById('main');
  const box = document.createElement('div');
  box.className = 'alert alert-error';
  box.setAttribute('role', 'alert');
  import('./api.js').then(({ problemText }) => {
    box.textContent = problemText(err);
    main.prepend(box);
  });
}

export { q };
