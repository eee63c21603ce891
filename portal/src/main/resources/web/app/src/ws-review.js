// The reviewer's pages: the inbox, a report side by side with its previous version, return or accept with
// per-item comments, due-date extensions, and the consolidation with its exports and publication.
import { html, nothing, render } from 'lit';
import { t, currentLang } from './i18n.js';
import { get, call, items, q, problemText } from './api.js';
import { num, date, download, slug } from './format.js';
import { bars, MEN } from './charts.js';
import { badge, tableWrap } from './ui.js';
import { planTitle, timing, extension, startReport } from './workspace.js';
import { completenessTable, targetText } from './public.js';

export async function reviewPage(sub, route) {
  if (sub === 'review') {
    return review(route.params[1]);
  }
  if (sub === 'extensions') {
    return extensions();
  }
  if (sub === 'consolidation') {
    return consolidation(route.params[1], route.query);
  }
  return inbox();
}

// What the agency receives (only those in a status when one is given), page by page: a lead agency receives thousands.
async function received(status) {
  const all = [];
  for (let page = 0; ; page++) {
    const list = items(await get(`/api/reports/obligations${q({ view: 'received', status, size: 500, page })}`));
    all.push(...list);
    if (list.length < 500) {
      return all;
    }
  }
}

async function withPlans(list) {
  return new Map(await Promise.all([...new Set(list.map((o) => o.planId))].map(async (id) => [id, await planTitle(id)])));
}

const planLabel = (p) => (p ? `${p.documentNumber || p.code}` : '');

// ---------------------------------------------------------------- inbox

async function inbox() {
  const all = await received('SUBMITTED');
  const waiting = all.filter((o) => o.status === 'SUBMITTED' && o.reportId).sort((a, b) => String(a.firstSubmittedAt).localeCompare(b.firstSubmittedAt));
  const plans = await withPlans(waiting);
  const view = html`
    <h1 tabindex="-1">${t('ws.inbox')}</h1>
    ${waiting.length === 0 ? html`<p>${t('review.empty')}</p>` : tableWrap(t('ws.inbox'), html`<table class="data" id="inbox">
      <thead><tr><th scope="col">${t('obl.agency')}</th><th scope="col">${t('obl.plan')}</th><th scope="col">${t('obl.report')}</th>
        <th scope="col">${t('obl.due')}</th><th scope="col">${t('review.submittedAt')}</th><th scope="col">${t('obl.timing')}</th>
        <th scope="col">${t('obl.action')}</th></tr></thead>
      <tbody>${waiting.map((o) => html`<tr data-report=${o.reportId}>
        <td>${o.agency}</td><td>${planLabel(plans.get(o.planId))}</td><td>${o.ruleKey} ${o.period}</td>
        <td>${date(o.dueDate)}${extension(o)}</td><td>${date(o.firstSubmittedAt)}</td><td>${timing(o)}</td>
        <td><a href="#/ws/review/${o.reportId}">${t('review.open')}</a></td></tr>`)}</tbody></table>`)}`;
  return { title: t('ws.inbox'), view };
}

// ---------------------------------------------------------------- one report, side by side with the last version

function valueText(v) {
  if (!v) {
    return '—';
  }
  const parts = [];
  for (const [k, label] of [['female', 'form.female'], ['male', 'form.male'], ['total', 'form.total'], ['value', 'form.value']]) {
    if (v[k] !== null && v[k] !== undefined) {
      parts.push(`${t(label)} ${num(v[k], 6)}`);
    }
  }
  return parts.join(' · ') + (v.comment ? ` (${v.comment})` : '');
}

async function review(id) {
  const r = await call('GET', `/api/reports/submissions/${encodeURIComponent(id)}`);
  const report = r.data;
  const n = report.lastVersionNo;
  const [current, previous, diff, obligation] = await Promise.all([
    get(`/api/reports/submissions/${report.id}/versions/${n}`),
    n > 1 ? get(`/api/reports/submissions/${report.id}/versions/${n - 1}`) : Promise.resolve(null),
    n > 1 ? get(`/api/reports/submissions/${report.id}/diff`) : Promise.resolve(null),
    get(`/api/reports/obligations/${report.obligationId}`),
  ]);
  const changed = new Set((diff?.changes || []).map((c) => c.path.replace(/\].*$/, ']')));
  const before = new Map((previous?.content.values || []).map((v) => [v.measureKey, v]));
  const values = current.content.values || [];
  const sections = current.content.sections || [];
  const underReview = report.state === 'SUBMITTED';
  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/ws/inbox">${t('ws.inbox')}</a></nav>
    <h1 tabindex="-1">${t('review.title', { agency: report.agency })}</h1>
    <p>${report.ruleKey} ${report.period} · ${t('review.version', { n, date: date(current.submittedAt) })}
      ${current.late ? html` · <span class="badge badge-late">${t('review.late', { n: current.daysLate })}</span>` : nothing}
      · ${badge('ostatus', report.state)} · ${t('form.due', { date: date(obligation.dueDate) })}</p>
    ${diff ? html`<section aria-labelledby="h-diff"><h2 id="h-diff">${t('review.changes')}</h2>
      ${diff.count === 0 ? html`<p>${t('review.noChanges')}</p>` : tableWrap(t('review.changes'), html`<table class="data" id="diff">
        <thead><tr><th scope="col">${t('review.item')}</th><th scope="col">${t('review.before', { n: n - 1 })}</th>
          <th scope="col">${t('review.after', { n })}</th></tr></thead>
        <tbody>${diff.changes.map((c) => html`<tr class="changed" data-path=${c.path}><th scope="row">${c.path}</th>
          <td>${c.from ?? '—'}</td><td>${c.to ?? '—'}</td></tr>`)}</tbody></table>`)}</section>` : nothing}
    <form id="review-form" @submit=${(e) => e.preventDefault()}>
      <section aria-labelledby="h-values"><h2 id="h-values">${t('review.values')}</h2>
        ${tableWrap(t('review.values'), html`<table class="data" id="values-side-by-side">
          <thead><tr><th scope="col">${t('plan.measure')}</th>${previous ? html`<th scope="col">${t('review.before', { n: n - 1 })}</th>` : nothing}
            <th scope="col">${t('review.after', { n })}</th>${underReview ? html`<th scope="col">${t('form.reviewerComment')}</th>` : nothing}</tr></thead>
          <tbody>${values.map((v) => html`<tr class=${changed.has(`values[${v.measureKey}]`) ? 'changed' : ''} data-measure=${v.measureKey}>
            <th scope="row">${v.measureKey}</th>${previous ? html`<td>${valueText(before.get(v.measureKey))}</td>` : nothing}
            <td>${valueText(v)}</td>
            ${underReview ? html`<td><label class="visually-hidden" for="c-${v.measureKey}">${t('review.comment', { item: v.measureKey })}</label>
              <textarea id="c-${v.measureKey}" class="short" data-measure-comment=${v.measureKey}></textarea></td>` : nothing}</tr>`)}
          </tbody></table>`)}
      </section>
      <section aria-labelledby="h-sections"><h2 id="h-sections">${t('review.sections')}</h2>
        ${sections.map((s, i) => html`<div class="measure">
          <h3>${s.kind}${s.objectiveKey ? ` – ${s.objectiveKey}` : ''}</h3><p>${s.text}</p>
          ${underReview ? html`<label for="sc-${i}">${t('review.comment', { item: `${s.kind}${s.objectiveKey ? ` ${s.objectiveKey}` : ''}` })}</label>
            <textarea id="sc-${i}" class="short" data-section-kind=${s.kind} data-objective=${s.objectiveKey || ''}></textarea>` : nothing}
        </div>`)}
      </section>
      ${underReview ? html`<label for="review-summary-text">${t('review.summary')}</label>
        <textarea id="review-summary-text"></textarea>
        <p id="review-status" class="status-line" role="status" aria-live="polite"></p>
        <div class="actions">
          <button type="button" class="danger" id="return-report" @click=${() => decide(report.id, r.etag, 'return')}>${t('review.return')}</button>
          <button type="button" id="accept-report" @click=${() => decide(report.id, r.etag, 'accept')}>${t('review.accept')}</button>
        </div>` : nothing}
    </form>`;
  return { title: t('review.title', { agency: report.agency }), view };
}

async function decide(id, etag, outcome) {
  const comments = [];
  document.querySelectorAll('[data-measure-comment]').forEach((el) => {
    if (el.value.trim()) {
      comments.push({ measureKey: el.dataset.measureComment, text: el.value.trim() });
    }
  });
  document.querySelectorAll('[data-section-kind]').forEach((el) => {
    if (el.value.trim()) {
      comments.push({ sectionKind: el.dataset.sectionKind, objectiveKey: el.dataset.objective || null, text: el.value.trim() });
    }
  });
  const summary = document.getElementById('review-summary-text').value.trim();
  const statusEl = document.getElementById('review-status');
  try {
    await call('POST', `/api/reports/submissions/${id}/${outcome}`, { json: { summary: summary || null, comments }, headers: { 'If-Match': etag } });
    statusEl.textContent = t(outcome === 'return' ? 'review.returned' : 'review.accepted');
    document.querySelectorAll('#review-form textarea, #review-form button').forEach((el) => { el.disabled = true; });
  } catch (err) {
    statusEl.textContent = problemText(err);
  }
}

// ---------------------------------------------------------------- extensions

async function extensions() {
  const open = (await received()).filter((o) => ['UPCOMING', 'DUE_SOON', 'OVERDUE'].includes(o.status) && !o.firstSubmittedAt)
    .sort((a, b) => b.dueDate.localeCompare(a.dueDate)).slice(0, 300);
  const plans = await withPlans(open);
  const view = html`
    <h1 tabindex="-1">${t('ext.title')}</h1>
    <p>${t('ext.intro')}</p>
    ${open.length === 0 ? html`<p>${t('ext.none')}</p>` : tableWrap(t('ext.title'), html`<table class="data" id="extensions">
      <thead><tr><th scope="col">${t('obl.agency')}</th><th scope="col">${t('obl.plan')}</th><th scope="col">${t('obl.report')}</th>
        <th scope="col">${t('obl.due')}</th><th scope="col">${t('obl.status')}</th><th scope="col">${t('ext.give')}</th></tr></thead>
      <tbody>${open.map((o) => html`<tr data-obligation=${o.id}>
        <td>${o.agency}</td><td>${planLabel(plans.get(o.planId))}</td><td>${o.ruleKey} ${o.period}</td>
        <td>${date(o.dueDate)}${extension(o)}</td><td>${badge('ostatus', o.status)}<br>${timing(o)}</td>
        <td><form class="extension-form" @submit=${(e) => extend(e, o.id)}>
          <label for="ext-date-${o.id}">${t('ext.newDate')}</label><input type="date" id="ext-date-${o.id}" name="dueDate" required>
          <label for="ext-reason-${o.id}">${t('ext.reason')}</label><input type="text" id="ext-reason-${o.id}" name="reason" required maxlength="1000">
          <button type="submit" class="secondary">${t('ext.give')}</button>
          <p class="status-line" role="status" aria-live="polite"></p></form></td></tr>`)}</tbody></table>`)}`;
  return { title: t('ext.title'), view };
}

async function extend(e, id) {
  e.preventDefault();
  const form = e.target;
  const out = form.querySelector('.status-line');
  const data = new FormData(form);
  try {
    const current = await call('GET', `/api/reports/obligations/${id}`);
    const r = await call('POST', `/api/reports/obligations/${id}/extension`, {
      json: { dueDate: data.get('dueDate'), reason: data.get('reason') }, headers: { 'If-Match': current.etag },
    });
    out.textContent = t('ext.done', { date: date(r.data.dueDate) });
  } catch (err) {
    out.textContent = problemText(err);
  }
}

// ---------------------------------------------------------------- consolidation

async function consolidation(planId, query) {
  if (!planId) {
    const all = await received();
    const combos = new Map();
    // An on-request report (period REQ-n) is followed on the requests page, not consolidated.
    for (const o of all.filter((x) => !x.requestId)) {
      combos.set(`${o.planId}/${o.ruleKey}/${o.period}`, o);
    }
    const list = [...combos.values()].sort((a, b) => b.period.localeCompare(a.period) || a.planId - b.planId);
    const plans = await withPlans(list);
    return {
      title: t('cons.title'),
      view: html`<h1 tabindex="-1">${t('cons.title')}</h1><h2>${t('cons.pick')}</h2><ul class="item-list" id="consolidations">
        ${list.map((o) => html`<li><a href="#/ws/consolidation/${o.planId}${q({ period: o.period, rule: o.ruleKey })}">
          ${t('cons.of', { plan: planLabel(plans.get(o.planId)), rule: o.ruleKey, period: o.period })}</a></li>`)}</ul>`,
    };
  }
  const params = { period: query.period, rule: query.rule };
  const c = await get(`/api/reports/plans/${encodeURIComponent(planId)}/consolidation${q(params)}`);
  const rows = c.objectives.flatMap((o) => o.rows);
  const exportFile = async (format) => {
    const res = await call('GET', `/api/reports/plans/${planId}/consolidation/export${q({ ...params, format })}`, { accept: '*/*' });
    download(`${slug(c.planNumber)}-${c.period}.${format}`, res.data);
  };
  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/ws/consolidation">${t('ws.consolidations')}</a></nav>
    <h1 tabindex="-1">${t('cons.title')}: ${c.planNumber} – ${c.period}</h1>
    <p class="meta">${currentLang() === 'en' ? '' : c.planTitle} · ${c.receivingAgencyName || c.receivingAgency}</p>
    <section aria-labelledby="h-c"><h2 id="h-c">${t('report.completeness')}</h2>
      <div class="charts"><div class="chart" id="chart-consolidation" role="img" aria-label=${t('report.chartLabel')}></div></div>
      ${completenessTable(c.completeness)}</section>
    <section aria-labelledby="h-ag"><h2 id="h-ag">${t('cons.agencies')}</h2>
      <p class="meta">${t('cons.requiredOnly')}</p>
      ${linesTable('agencies', t('cons.agencies'), [...c.agencies, ...(c.countedAsSuccessor || [])],
        new Set((c.countedAsSuccessor || []).map((a) => a.obligationId)))}</section>
    ${c.invited?.invited ? html`<section aria-labelledby="h-inv" id="invited"><h2 id="h-inv">${t('cons.invited')}</h2>
      <p><span class="badge badge-not-counted">${t('cons.notCounted')}</span>
        <span id="invited-count">${t('cons.invitedCount', { submitted: c.invited.submitted, invited: c.invited.invited })}</span></p>
      ${linesTable('invited-agencies', t('cons.invited'), c.invited.agencies, new Set())}</section>` : nothing}
    ${c.children?.length ? childPlansSection(c.children) : nothing}
    ${c.childrenRollup?.length ? childrenRollupSection(c.childrenRollup) : nothing}
    ${c.upward?.length ? upwardSection(c.upward, c.planId) : nothing}
    <section aria-labelledby="h-rows"><h2 id="h-rows">${t('report.targets')}</h2>
      ${tableWrap(t('report.targets'), html`<table class="data"><thead><tr><th scope="col">${t('plan.measure')}</th>
        <th scope="col">${t('chart.women')}</th><th scope="col">${t('chart.men')}</th><th scope="col">${t('chart.value')}</th>
        <th scope="col">${t('plan.target')}</th><th scope="col">${t('plan.status')}</th></tr></thead>
        <tbody>${rows.map((x) => html`<tr data-measure=${x.measureKey}><th scope="row">${x.measureKey}</th><td class="num">${num(x.female)}</td>
          <td class="num">${num(x.male)}</td><td class="num">${num(x.figureValue)}</td><td class="target">${targetText(x)}</td>
          <td>${badge('status', x.status)}</td></tr>`)}
        </tbody></table>`)}</section>
    <section aria-labelledby="h-exp"><h2 id="h-exp">${t('cons.export')}</h2>
      <div class="actions">${['xlsx', 'docx', 'csv'].map((f) => html`<button type="button" class="secondary" data-export=${f}
        @click=${() => exportFile(f)}>${t('cons.exportAs', { format: f.toUpperCase() })}</button>`)}
        <button type="button" id="publish" @click=${() => publish(planId, params)}>${t('cons.publish')}</button></div>
      <div id="publish-status" role="status" aria-live="polite"></div></section>`;
  return {
    title: t('cons.title'),
    view,
    after: () => bars(document.getElementById('chart-consolidation'), {
      categories: [t('report.onTime'), t('report.late'), t('report.missing'), t('report.pending')],
      series: [{ name: t('report.expected'), data: [c.completeness.onTime, c.completeness.late, c.completeness.missing, c.completeness.pending], color: MEN }],
    }, (v) => num(v)),
  };
}

/** Submitters' lines: due date, report state and timeliness, a link to the report; merged bodies marked as counted once. */
function linesTable(id, label, lines, merged) {
  return tableWrap(label, html`<table class="data" id=${id}><thead><tr><th scope="col">${t('obl.agency')}</th>
    <th scope="col">${t('obl.due')}</th><th scope="col">${t('obl.status')}</th><th scope="col">${t('cons.timeliness')}</th>
    <th scope="col">${t('obl.action')}</th></tr></thead>
    <tbody>${lines.map((a) => html`<tr data-agency=${a.agency}><th scope="row">${a.agencyName || a.agency}
        ${merged.has(a.obligationId) ? html`<br><span class="badge badge-successor" data-counted-as-successor="true">${t('cons.countedAsSuccessor')}</span>` : nothing}</th>
      <td>${date(a.dueDate)}</td><td>${badge('ostatus', a.state)}</td>
      <td>${badge('time', a.timeliness)}${a.daysLate ? ` (${t('obl.daysLate', { n: a.daysLate })})` : ''}</td>
      <td>${reportLink(a)}</td></tr>`)}
    </tbody></table>`);
}

const reportLink = (line) => (line?.reportId && line.state !== 'OPEN'
  ? html`<a href="#/ws/review/${line.reportId}">${t('cons.openReport')}</a>` : nothing);

/** A plan over child plans (the ministry over the provinces): each child's own report and the completeness it received. */
function childPlansSection(children) {
  return html`<section aria-labelledby="h-children"><h2 id="h-children">${t('cons.children')}</h2>
    <p class="meta">${t('cons.childrenIntro')}</p>
    ${tableWrap(t('cons.children'), html`<table class="data" id="child-plans"><thead><tr>
      <th scope="col">${t('cons.childPlan')}</th><th scope="col">${t('cons.childReport')}</th><th scope="col">${t('cons.timeliness')}</th>
      <th scope="col">${t('report.expected')}</th><th scope="col">${t('report.onTime')}</th><th scope="col">${t('report.late')}</th>
      <th scope="col">${t('report.missing')}</th><th scope="col">${t('report.pending')}</th><th scope="col">${t('report.percent')}</th>
      <th scope="col">${t('obl.action')}</th></tr></thead>
      <tbody>${children.map((ch) => {
        const s = ch.submission;
        const k = ch.completeness;
        return html`<tr data-child-plan=${ch.planId} data-agency=${ch.issuingAgency}>
          <th scope="row">${s?.agencyName || ch.issuingAgency}<br><span class="meta">${ch.planNumber} · ${ch.unitCode || ''}</span></th>
          <td>${s ? html`${badge('ostatus', s.state)}<br><span class="meta">${t('obl.due')}: ${date(s.dueDate)}</span>` : t('cons.noChildReport')}</td>
          <td>${s ? html`${badge('time', s.timeliness)}${s.daysLate ? ` (${t('obl.daysLate', { n: s.daysLate })})` : ''}` : '—'}</td>
          <td class="num" data-key="expected">${num(k.expected)}</td><td class="num" data-key="onTime">${num(k.onTime)}</td>
          <td class="num" data-key="late">${num(k.late)}</td><td class="num" data-key="missing">${num(k.missing)}</td>
          <td class="num" data-key="pending">${num(k.pending)}</td><td class="num" data-key="submittedPercent">${num(k.submittedPercent, 1)}%</td>
          <td>${reportLink(s)}</td></tr>`;
      })}</tbody></table>`)}</section>`;
}

/** The plans below summed per target measure (the ministry: the provinces' figures), with the units that contributed. */
function childrenRollupSection(rows) {
  return html`<section aria-labelledby="h-children-rollup"><h2 id="h-children-rollup">${t('cons.childrenRollup')}</h2>
    <p class="meta">${t('cons.childrenRollupIntro')}</p>
    ${tableWrap(t('cons.childrenRollup'), html`<table class="data" id="children-rollup"><thead><tr><th scope="col">${t('plan.measure')}</th>
      <th scope="col">${t('chart.women')}</th><th scope="col">${t('chart.men')}</th><th scope="col">${t('chart.value')}</th>
      <th scope="col">${t('plan.target')}</th><th scope="col">${t('plan.status')}</th><th scope="col">${t('cons.contributingUnits')}</th></tr></thead>
      <tbody>${rows.map((x) => html`<tr data-measure=${x.measureKey}><th scope="row">${x.measureKey}</th>
        <td class="num" data-key="female">${num(x.female)}</td><td class="num" data-key="male">${num(x.male)}</td>
        <td class="num" data-key="value">${num(x.figureValue)}</td><td class="target">${targetText(x)}</td>
        <td>${badge('status', x.status)}</td><td data-key="units">${(x.contributingUnits || []).join(', ') || '—'}</td></tr>`)}
      </tbody></table>`)}</section>`;
}

/**
 * The receiving agency's own reports upward, prefilled from this consolidation: within this plan, and under the parent
 * plan (a province's report to the ministry).
 */
function upwardSection(upward, planId) {
  return html`<section aria-labelledby="h-up"><h2 id="h-up">${t('cons.upward')}</h2>
    ${tableWrap(t('cons.upward'), html`<table class="data" id="upward"><thead><tr><th scope="col">${t('obl.report')}</th>
      <th scope="col">${t('cons.receiver')}</th><th scope="col">${t('obl.due')}</th><th scope="col">${t('obl.status')}</th>
      <th scope="col">${t('obl.action')}</th></tr></thead>
      <tbody>${upward.map((u) => html`<tr data-obligation=${u.obligationId} data-plan=${u.planId}><th scope="row">${u.ruleKey}
        ${u.planId !== planId ? html`<br><span class="meta" data-parent-plan="true">${t('cons.parentPlan')}</span>` : nothing}</th><td>${u.receivingAgency}</td>
        <td>${date(u.dueDate)}</td><td>${badge('ostatus', u.state)}</td>
        <td>${u.reportId ? html`<a href="#/ws/report/${u.reportId}">${t('obl.open')}</a>`
          : html`<button type="button" class="secondary" @click=${() => startReport(u.obligationId)}>${t('cons.prefill')}</button>`}</td></tr>`)}
      </tbody></table>`)}</section>`;
}

async function publish(planId, params) {
  const out = document.getElementById('publish-status');
  try {
    const r = await call('POST', `/api/reports/plans/${planId}/consolidation/publication${q({ period: params.period })}`);
    const id = (r.location || '').split('/').pop();
    render(html`<p class="alert alert-ok">${t('cons.published')} <a href="#/report/${id}" id="public-report-link">${t('cons.viewPublic')}</a></p>`, out);
  } catch (err) {
    render(html`<p class="alert alert-error">${problemText(err)}</p>`, out);
  }
}
