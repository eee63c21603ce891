// The reviewer's report requests (báo cáo chuyên đề, đột xuất khi có yêu cầu): issue one under a dateless thematic or
// ad hoc rule (plan → rule → recipients → due date, subject, instructions), list them with their recipients'
// timeliness, withdraw one before its due date.
import { html, nothing, render } from 'lit';
import { t } from './i18n.js';
import { get, call, items, q, problemText } from './api.js';
import { date } from './format.js';
import { badge, tableWrap } from './ui.js';
import { whoAmI, hasRole } from './workspace.js';

const onRequest = (r) => ['THEMATIC', 'AD_HOC'].includes(r.kind) && !(r.dueDay && r.dueMonth);

export async function requestsPage(query = {}) {
  const me = await whoAmI();
  const [found, requests, linked] = await Promise.all([
    get(`/api/plans${q({ status: 'ISSUED', agency: me.agency, size: 200 })}`).then(items).catch(() => []),
    get('/api/reports/requests?size=100').then(items),
    // A link may name the plan (#/ws/requests?plan=12): it is listed and chosen even beyond the first page.
    query.plan ? get(`/api/plans/${encodeURIComponent(query.plan)}?view=summary`).catch(() => null) : Promise.resolve(null),
  ]);
  const plans = linked && !found.some((p) => String(p.id) === String(linked.id)) ? [linked, ...found] : found;
  const chosen = linked ? String(linked.id) : '';
  const view = html`
    <h1 tabindex="-1">${t('req.title')}</h1>
    <p>${t('req.intro')}</p>
    <section aria-labelledby="h-req-new"><h2 id="h-req-new">${t('req.new')}</h2>
      <form id="request-form" @submit=${issue}>
        <label for="req-plan">${t('req.plan')}</label>
        <select id="req-plan" name="planId" required @change=${(e) => pickPlan(e.target.value)}>
          <option value="">${t('req.pickPlan')}</option>
          ${plans.map((p) => html`<option value=${p.id} ?selected=${String(p.id) === chosen}>${p.documentNumber || p.code} – ${p.title}</option>`)}
        </select>
        <div id="req-rule-box"></div>
        <label for="req-due">${t('req.due')}</label><input type="date" id="req-due" name="dueDate" required>
        <label for="req-subject">${t('req.subject')}</label><input type="text" id="req-subject" name="subject" required maxlength="300">
        <label for="req-instructions">${t('req.instructions')}</label>
        <textarea id="req-instructions" name="instructions" required maxlength="4000"></textarea>
        <div class="actions"><button type="submit" id="req-issue">${t('req.issue')}</button></div>
        <p id="req-status" class="status-line" role="status" aria-live="polite"></p>
      </form></section>
    <section aria-labelledby="h-req-list"><h2 id="h-req-list">${t('req.list')}</h2>
      ${requests.length === 0 ? html`<p id="req-none">${t('req.none')}</p>` : tableWrap(t('req.list'), html`<table class="data" id="requests">
        <thead><tr><th scope="col">${t('req.subject')}</th><th scope="col">${t('obl.report')}</th><th scope="col">${t('obl.due')}</th>
          <th scope="col">${t('req.recipients')}</th><th scope="col">${t('req.progress')}</th><th scope="col">${t('obl.status')}</th>
          <th scope="col">${t('obl.action')}</th></tr></thead>
        <tbody>${requests.map((r) => html`<tr data-request=${r.id}>
          <th scope="row">${r.subject}<br><span class="meta">${r.period}</span></th><td>${r.ruleKey} <span class="meta">${r.kind}</span></td>
          <td>${date(r.dueDate)}</td>
          <td>${r.obligations.map((o) => html`<span class="recipient" data-agency=${o.agency}>${o.agency} ${badge('ostatus', o.status)}</span><br>`)}</td>
          <td>${t('req.counts', r.counts)}</td><td>${badge('rstate', r.state)}</td>
          <td>${r.state === 'OPEN' && r.receivingAgency === me.agency ? html`<form class="withdraw-form" @submit=${(e) => withdraw(e, r.id)}>
            <label for="wd-${r.id}">${t('req.reason')}</label><input type="text" id="wd-${r.id}" name="reason" required maxlength="1000">
            <button type="submit" class="danger">${t('req.withdraw')}</button>
            <p class="status-line" role="status" aria-live="polite"></p></form>`
            : r.withdrawalReason ? html`<span class="meta">${r.withdrawalReason}</span>` : nothing}</td></tr>`)}
        </tbody></table>`)}</section>`;
  return { title: t('req.title'), view, after: chosen ? () => pickPlan(chosen) : undefined };
}

async function pickPlan(id) {
  const box = document.getElementById('req-rule-box');
  if (!id) {
    render(nothing, box);
    return;
  }
  const [plan, me] = await Promise.all([get(`/api/plans/${encodeURIComponent(id)}`), whoAmI()]);
  // Only the rule's receiving agency asks (admins for any).
  const receiverOf = (r) => r.receivingAgency || plan.leadAgency || plan.issuingAgency;
  const rules = (plan.reportingRules || []).filter(onRequest).filter((r) => hasRole('admin') || receiverOf(r) === me.agency);
  const pickRule = (key) => {
    const rule = rules.find((r) => r.key === key);
    const receiver = rule ? receiverOf(rule) : null;
    const named = rule?.submitters?.mode === 'EXPLICIT' ? rule.submitters.agencies : [...(plan.assignedAgencies || []), ...(rule?.submitters?.agencies || [])];
    const agencies = [...new Set(named || [])].filter((a) => a !== receiver);
    render(rule ? html`<fieldset id="req-recipients"><legend>${t('req.recipients')}</legend>
        <p class="meta">${t('req.recipientsHint')}</p>
        ${agencies.map((a) => html`<label class="inline"><input type="checkbox" name="recipient" value=${a}> ${a}</label>`)}
      </fieldset>` : nothing, document.getElementById('req-recipient-box'));
  };
  render(html`
    <label for="req-rule">${t('req.rule')}</label>
    <select id="req-rule" name="ruleKey" required @change=${(e) => pickRule(e.target.value)}>
      <option value="">${rules.length ? t('req.pickRule') : t('req.noRule')}</option>
      ${rules.map((r) => html`<option value=${r.key}>${r.key} – ${t(`req.kind.${r.kind}`)}${r.title ? ` – ${r.title}` : ''}</option>`)}
    </select>
    <div id="req-recipient-box"></div>`, box);
}

async function issue(e) {
  e.preventDefault();
  const form = e.target;
  const data = new FormData(form);
  const out = document.getElementById('req-status');
  try {
    const r = await call('POST', '/api/reports/requests', {
      json: {
        planId: Number(data.get('planId')), ruleKey: data.get('ruleKey'), dueDate: data.get('dueDate'),
        subject: data.get('subject'), instructions: data.get('instructions'), recipients: data.getAll('recipient'),
      },
      headers: { 'Idempotency-Key': `portal-${crypto.randomUUID()}` },
    });
    out.textContent = t('req.issued', { period: r.data.period, n: r.data.counts.total });
    form.querySelectorAll('input, select, textarea, button').forEach((el) => { el.disabled = true; });
  } catch (err) {
    const fields = (err.errors || []).map((x) => x.field).join(', ');
    out.textContent = problemText(err) + (fields ? ` (${fields})` : '');
  }
}

async function withdraw(e, id) {
  e.preventDefault();
  const form = e.target;
  const out = form.querySelector('.status-line');
  try {
    const current = await call('GET', `/api/reports/requests/${id}`);
    const r = await call('POST', `/api/reports/requests/${id}/withdraw`, {
      json: { reason: new FormData(form).get('reason') }, headers: { 'If-Match': current.etag },
    });
    out.textContent = t('req.withdrawn', { n: r.data.counts.cancelled });
    form.querySelectorAll('input, button').forEach((el) => { el.disabled = true; });
  } catch (err) {
    out.textContent = problemText(err);
  }
}
