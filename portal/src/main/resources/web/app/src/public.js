// Public pages: no login. Every figure comes from /api/public/** through the gateway.
import { html, nothing } from 'lit';
import { t, currentLang } from './i18n.js';
import { get, items, q } from './api.js';
import { num, date, dayAfter, fold, csv, download, slug } from './format.js';
import { bars, lines, WOMEN, MEN } from './charts.js';
import { name, badge, tableWrap } from './ui.js';

const unitLink = (code, asOf) => `#/unit/${encodeURIComponent(code)}${asOf ? `?date=${asOf}` : ''}`;

// ---------------------------------------------------------------- home

export async function home({ query }) {
  const asOf = query.date || '';
  const [provinces, plans, reports] = await Promise.all([
    get(`/api/public/units${q({ level: 'PROVINCE', asOf, size: 200 })}`),
    get('/api/public/plans?size=100'),
    get('/api/public/reports/consolidations'),
  ]);
  const view = html`
    <h1 tabindex="-1">${t('home.title')}</h1>
    <p class="lead">${t('home.intro')}</p>
    ${searchForm('')}
    <section aria-labelledby="h-prov">
      <h2 id="h-prov">${t('home.provinces')}</h2>
      <form class="inline-form" id="map-date-form" @submit=${onMapDate}>
        <label for="map-date">${t('home.mapDate')}</label>
        <input type="date" id="map-date" name="date" .value=${asOf}>
        <button type="submit">${t('home.mapShow')}</button>
        ${asOf ? html`<a href="#/">${t('home.mapToday')}</a>` : nothing}
      </form>
      <ul class="card-list">
        ${items(provinces).map((u) => html`<li><a class="card-link" href=${unitLink(u.code, asOf)}>${name(u.name, u.nameEn)}</a></li>`)}
      </ul>
    </section>
    <section aria-labelledby="h-plans">
      <h2 id="h-plans">${t('home.plans')}</h2>
      ${planList(items(plans))}
    </section>
    <section aria-labelledby="h-reports">
      <h2 id="h-reports">${t('home.reports')}</h2>
      ${reportList(items(reports), items(plans))}
    </section>`;
  return { title: t('home.title'), view };
}

function onMapDate(e) {
  e.preventDefault();
  const d = new FormData(e.target).get('date');
  location.hash = d ? `#/?date=${d}` : '#/';
}

function searchForm(value) {
  return html`
    <form class="search-form" role="search" @submit=${(e) => {
      e.preventDefault();
      location.hash = `#/search?q=${encodeURIComponent(new FormData(e.target).get('q'))}`;
    }}>
      <label for="search-q">${t('search.label')}</label>
      <div class="search-row">
        <input type="search" id="search-q" name="q" .value=${value} aria-describedby="search-hint" autocomplete="off">
        <button type="submit">${t('search.button')}</button>
      </div>
      <p id="search-hint" class="hint">${t('search.hint')}</p>
    </form>`;
}

function planList(plans) {
  if (plans.length === 0) {
    return html`<p>${t('home.noPlans')}</p>`;
  }
  return html`<ul class="item-list">${plans.map((p) => html`
    <li><a href="#/plan/${p.id}">${p.title}</a>
      <span class="meta">${p.documentNumber || p.code} · ${t('plan.period', { from: p.periodFrom, to: p.periodTo })} · ${badge('status', p.status)}</span></li>`)}
  </ul>`;
}

/** Published reports as the list endpoint gives them (id, plan, period, receiving agency, date). */
function reportList(reports, plans) {
  if (reports.length === 0) {
    return html`<p>${t('home.noReports')}</p>`;
  }
  const title = new Map(plans.map((p) => [p.id, p.title]));
  return html`<ul class="item-list">${reports.map((r) => html`
    <li><a href="#/report/${r.id}">${title.get(r.planId) ? `${title.get(r.planId)} – ` : ''}${t('report.title', { period: r.period })}</a>
      <span class="meta">${r.receivingAgency} · ${t('report.published', { date: date(r.publishedAt) })}</span></li>`)}
  </ul>`;
}

// ---------------------------------------------------------------- search

export async function search({ query }) {
  const text = (query.q || '').trim();
  const needle = fold(text);
  const [units, plans, indicators] = await Promise.all([
    get('/api/public/units?all=true&size=500'),
    get('/api/public/plans?size=500'),
    get('/api/public/indicators?size=500'),
  ]);
  const hit = (...fields) => needle !== '' && fields.some((f) => fold(f).includes(needle));
  const u = items(units).filter((x) => hit(x.code, x.nameVi, x.nameEn, ...(x.names || []).flatMap((n) => [n.nameVi, n.nameEn])));
  const p = items(plans).filter((x) => hit(x.title, x.code, x.documentNumber));
  const i = items(indicators).filter((x) => hit(x.code, x.nameVi, x.nameEn));
  const none = u.length + p.length + i.length === 0;
  const view = html`
    <h1 tabindex="-1">${t('search.title')}</h1>
    ${searchForm(text)}
    ${text ? html`<p role="status">${t('search.for', { q: text })}</p>` : nothing}
    ${needle && none ? html`<p>${t('search.none')}</p>` : nothing}
    ${u.length ? html`<section aria-labelledby="h-su"><h2 id="h-su">${t('search.units')}</h2><ul class="item-list">
      ${u.map((x) => html`<li><a href=${unitLink(x.code, x.active ? '' : x.validTo)}>${name(x.nameVi, x.nameEn)}</a>
        <span class="meta">${t(`level.${x.level}`)}${x.active ? nothing : html` · ${t('unit.until', { date: date(x.validTo) })}`}</span></li>`)}
    </ul></section>` : nothing}
    ${p.length ? html`<section aria-labelledby="h-sp"><h2 id="h-sp">${t('search.plans')}</h2>${planList(p)}</section>` : nothing}
    ${i.length ? html`<section aria-labelledby="h-si"><h2 id="h-si">${t('search.indicators')}</h2><ul class="item-list">
      ${i.map((x) => html`<li>${name(x.nameVi, x.nameEn)} <span class="meta">${x.code}</span></li>`)}</ul></section>` : nothing}`;
  return { title: t('search.title'), view };
}

// ---------------------------------------------------------------- unit (province, district, commune)

export async function unit({ params, query }) {
  const code = params[0];
  const asOf = query.date || '';
  // One round trip for the unit, its children and the published data sets; a second for the series.
  let [u, children, publications] = await Promise.all([
    get(`/api/public/units/${encodeURIComponent(code)}${q({ asOf })}`),
    get(`/api/public/units${q({ parent: code, asOf, size: 500 })}`).then(items),
    get('/api/public/values/publications'),
  ]);
  if (u.validTo && !asOf) {
    // A unit that no longer exists is shown as it last was (its last name and parent).
    u = await get(`/api/public/units/${encodeURIComponent(code)}${q({ asOf: u.validTo })}`);
  }
  // Published periods per indicator; the series endpoint leaves out what is not published for this unit.
  const periods = new Map();
  for (const p of publications) {
    periods.set(p.indicator, [...new Set([...(periods.get(p.indicator) || []), p.period])].sort());
  }
  const codes = [...periods.keys()].sort();
  const [catalogue, ...series] = await Promise.all([
    codes.length ? get(`/api/public/indicators${q({ codes: codes.join(','), size: 500 })}`) : Promise.resolve([]),
    ...codes.map((c) => get(`/api/public/values/series${q({ indicator: c, unit: code, periods: periods.get(c).join(','), asOf })}`)
      .catch(() => null)),
  ]);
  const byCode = new Map(items(catalogue).map((i) => [i.code, i]));
  const datasets = series.filter((s) => s && s.points && s.points.some((p) => p.value !== null || p.female !== null))
    .map((s) => ({ indicator: byCode.get(s.indicator) || { code: s.indicator, nameVi: s.indicator }, points: s.points }));

  const title = name(u.name, u.nameEn);
  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/">${t('nav.home')}</a>
      ${u.parentCode && u.parentCode !== 'VN' ? html` › <a href=${unitLink(u.parentCode, asOf)}>${t('unit.parent')} ${u.parentCode}</a>` : nothing}</nav>
    <h1 tabindex="-1">${title}</h1>
    <p class="meta">${t(`level.${u.level}`)} · ${u.code}${asOf ? html` · ${t('unit.asOf', { date: date(asOf) })}` : nothing}</p>
    ${mergedNotice(u)}
    ${(u.names || []).length > 1 ? html`<details class="names"><summary>${t('unit.names')}</summary><ul>
      ${u.names.map((n) => html`<li>${name(n.nameVi, n.nameEn)} (${date(n.validFrom)} – ${n.validTo ? date(n.validTo) : '…'})</li>`)}
    </ul></details>` : nothing}
    <section aria-labelledby="h-data">
      <h2 id="h-data">${t('unit.data')}</h2>
      ${datasets.length === 0 ? html`<p>${t('unit.noData')}</p>` : datasets.map((d, i) => datasetCard(d, i, u))}
    </section>
    <section aria-labelledby="h-children">
      <h2 id="h-children">${t('unit.children')}</h2>
      ${children.length === 0 ? html`<p>${t('unit.noChildren')}</p>` : html`<ul class="card-list">
        ${children.map((c) => html`<li><a class="card-link" href=${unitLink(c.code, asOf)}>${name(c.name, c.nameEn)}</a></li>`)}</ul>`}
    </section>`;
  return { title, view, after: () => datasets.forEach((d, i) => drawDataset(d, i)) };
}

function mergedNotice(u) {
  const parts = [];
  if (u.validTo) {
    const on = date(dayAfter(u.validTo));
    const [before, after] = t('unit.merged', { date: on }).split('{to}');
    parts.push((u.successors || []).length
      ? html`<p>${before}${u.successors.map((s, k) => html`${k ? ', ' : ''}<a href=${unitLink(s, '')} data-successor=${s}>${s}</a>`)}${after}</p>`
      : html`<p>${t('unit.ended', { date: on })}</p>`);
  }
  if ((u.predecessors || []).length) {
    parts.push(html`<p>${t('unit.predecessors')}</p>
      <ul>${u.predecessors.map((p) => html`<li><a href=${unitLink(p, '')} data-predecessor=${p}>${p}</a></li>`)}</ul>`);
  }
  return parts.length ? html`<div class="alert alert-info" id="merge-notice">${parts}</div>` : nothing;
}

const bySex = (points) => points.some((p) => p.female !== null || p.male !== null);

function datasetCard(d, i, u) {
  const ind = d.indicator;
  const label = name(ind.nameVi, ind.nameEn);
  const sexed = bySex(d.points);
  const last = d.points[d.points.length - 1];
  const summary = sexed
    ? t('chart.latest', { period: last.period, female: num(last.female), male: num(last.male), share: num(last.femaleShare, 1), gap: num(last.gap) })
    : t('chart.latestValue', { period: last.period, value: num(last.value) });
  const header = sexed
    ? [t('chart.period'), t('chart.women'), t('chart.men'), t('chart.total'), t('chart.femaleShare'), t('chart.gap')]
    : [t('chart.period'), t('chart.value')];
  const rows = d.points.map((p) => (sexed
    ? [p.period, num(p.female), num(p.male), num(p.total ?? p.value), num(p.femaleShare, 1), num(p.gap)]
    : [p.period, num(p.value)]));
  return html`
    <article class="dataset" aria-labelledby="ds-${i}">
      <h3 id="ds-${i}">${label}</h3>
      <p class="summary">${summary}</p>
      <div class="charts">
        <div class="chart" id="chart-${i}" role="img" aria-label=${t('chart.label', { name: label })}></div>
        ${sexed && d.points.length > 1 ? html`<div class="chart" id="share-${i}" role="img" aria-label=${t('chart.shareLabel', { name: label })}></div>` : nothing}
      </div>
      ${tableWrap(t('chart.table', { name: label }), html`<table class="data">
        <caption>${t('chart.table', { name: label })}</caption>
        <thead><tr>${header.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
        <tbody>${rows.map((r) => html`<tr><th scope="row">${r[0]}</th>${r.slice(1).map((c) => html`<td class="num">${c}</td>`)}</tr>`)}</tbody>
      </table>`)}
      <button type="button" class="secondary" data-csv=${ind.code} @click=${() => downloadDataset(d, u)}
        aria-label=${t('csv.downloadOf', { name: label })}>${t('csv.download')}</button>
    </article>`;
}

function drawDataset(d, i) {
  const el = document.getElementById(`chart-${i}`);
  if (!el) {
    return;
  }
  const categories = d.points.map((p) => p.period);
  if (bySex(d.points)) {
    bars(el, { categories, series: [
      { name: t('chart.women'), data: d.points.map((p) => p.female), color: WOMEN },
      { name: t('chart.men'), data: d.points.map((p) => p.male), color: MEN },
    ] }, (v) => num(v));
    const share = document.getElementById(`share-${i}`);
    if (share) {
      lines(share, { categories, series: [{ name: t('chart.femaleShare'), data: d.points.map((p) => p.femaleShare), color: WOMEN }] },
        (v) => num(v, 1));
    }
  } else {
    bars(el, { categories, series: [{ name: t('chart.value'), data: d.points.map((p) => p.value), color: MEN }] }, (v) => num(v));
  }
}

function downloadDataset(d, u) {
  const rows = d.points.map((p) => [d.indicator.code, u.code, p.period, p.female, p.male, p.total ?? p.value, p.femaleShare, p.gap, p.status]);
  download(`${slug(u.code)}-${slug(d.indicator.code)}.csv`,
    csv(['indicator', 'unit', 'period', 'female', 'male', 'total', 'femaleShare', 'gap', 'status'], rows));
}

// ---------------------------------------------------------------- plan

export async function plan({ params }) {
  const p = await get(`/api/public/plans/${encodeURIComponent(params[0])}`);
  const published = items(await get(`/api/public/reports/consolidations${q({ planId: p.id })}`))
    .sort((a, b) => (a.period === b.period ? String(a.publishedAt).localeCompare(b.publishedAt) : a.period.localeCompare(b.period)));
  const latest = published[published.length - 1];
  // The list may carry summaries only: the latest report is read whole for its target rows.
  const full = latest ? await get(`/api/public/reports/consolidations/${latest.id}`) : null;
  const rows = new Map();
  for (const o of full?.objectives || []) {
    for (const r of o.rows) {
      rows.set(r.measureKey, r);
    }
  }
  const counts = {};
  rows.forEach((r) => { counts[r.status] = (counts[r.status] || 0) + 1; });
  const title = currentLang() === 'en' && p.titleEn ? p.titleEn : p.title;
  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/">${t('nav.home')}</a> › ${t('plan.title')}</nav>
    <h1 tabindex="-1">${title}</h1>
    <p class="meta">${t('plan.number')}: ${p.documentNumber || p.code} · ${t('plan.period', { from: p.periodFrom, to: p.periodTo })}
      ${p.issueDate ? html` · ${t('plan.issued')} ${date(p.issueDate)}` : nothing} · ${badge('status', p.status)}
      · <a href=${unitLink(p.unitCode, '')}>${p.unitCode}</a></p>
    ${latest ? html`<section aria-labelledby="h-sum"><h2 id="h-sum">${t('plan.summary')}</h2>
      <p>${t('plan.progressOf', { period: latest.period, date: date(latest.publishedAt) })}</p>
      <ul class="status-summary">${['ACHIEVED', 'ON_TRACK', 'OFF_TRACK', 'NO_DATA'].map((s) => html`
        <li>${badge('status', s)} <strong>${counts[s] || 0}</strong></li>`)}</ul></section>`
      : html`<p class="alert alert-info">${t('plan.noProgress')}</p>`}
    <section aria-labelledby="h-obj">
      <h2 id="h-obj">${t('plan.objectives')}</h2>
      ${(p.objectives || []).map((o) => html`
        <section class="objective" aria-labelledby="o-${o.key}">
          <h3 id="o-${o.key}">${o.key}. ${currentLang() === 'en' && o.titleEn ? o.titleEn : o.title}</h3>
          ${tableWrap(o.title, html`<table class="data">
            <thead><tr><th scope="col">${t('plan.target')}</th><th scope="col">${t('plan.measure')}</th>
              <th scope="col">${t('plan.latest')}</th><th scope="col">${t('plan.status')}</th></tr></thead>
            <tbody>${(o.targets || []).flatMap((tg) => (tg.measures || []).map((m) => {
              const r = rows.get(m.key);
              return html`<tr data-measure=${m.key}>
                <td>${currentLang() === 'en' && tg.textEn ? tg.textEn : tg.text}</td>
                <td>${target(m)}</td>
                <td class="num">${r && r.figureValue !== null ? html`${num(r.figureValue)} <span class="meta">(${r.valuePeriod})</span>` : '—'}</td>
                <td>${badge('status', r?.status || 'NO_DATA')}</td></tr>`;
            }))}</tbody></table>`)}
        </section>`)}
    </section>
    <section aria-labelledby="h-pub">
      <h2 id="h-pub">${t('plan.reports')}</h2>
      ${reportList(published.slice().reverse(), [p])}
    </section>`;
  return { title, view };
}

function target(m) {
  return `${m.key}: ${targetText(m)}`;
}

const given = (v) => v !== null && v !== undefined;

/** A target in words: "khoảng 109 ± 2 vào năm 2030", a range "trong khoảng 30–40", the period's interim target where set. */
export function targetText(m) {
  const value = given(m.targetValue) ? `${num(m.targetValue)}${given(m.targetValueHigh) ? `–${num(m.targetValueHigh)}` : ''}` : '';
  const parts = [m.comparator ? t(`cmp.${m.comparator}`) : '', value, given(m.tolerance) ? `± ${num(m.tolerance)}` : '',
    m.targetYear ? t('cmp.by', { year: m.targetYear }) : ''];
  const text = parts.filter(Boolean).join(' ');
  return given(m.interimTarget) ? `${text}; ${t('cmp.interim', { value: num(m.interimTarget) })}` : text;
}

// ---------------------------------------------------------------- published consolidated report

export async function report({ params }) {
  const r = await get(`/api/public/reports/consolidations/${encodeURIComponent(params[0])}`);
  const c = r.completeness;
  const title = `${r.planTitle} – ${t('report.title', { period: r.period })}`;
  const allRows = r.objectives.flatMap((o) => o.rows);
  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/">${t('nav.home')}</a> › <a href="#/plan/${r.planId}">${r.planNumber}</a></nav>
    <h1 tabindex="-1">${title}</h1>
    <p class="meta">${r.receivingAgencyName || r.receivingAgency} · ${t('report.published', { date: date(r.publishedAt) })}</p>
    <section aria-labelledby="h-comp">
      <h2 id="h-comp">${t('report.completeness')}</h2>
      <div class="charts"><div class="chart" id="chart-completeness" role="img" aria-label=${t('report.chartLabel')}></div></div>
      ${completenessTable(c)}
    </section>
    <section aria-labelledby="h-targets">
      <h2 id="h-targets">${t('report.targets')}</h2>
      ${tableWrap(t('report.targets'), html`<table class="data">
        <thead><tr><th scope="col">${t('plan.measure')}</th><th scope="col">${t('chart.women')}</th><th scope="col">${t('chart.men')}</th>
          <th scope="col">${t('chart.value')}</th><th scope="col">${t('plan.target')}</th><th scope="col">${t('plan.status')}</th></tr></thead>
        <tbody>${allRows.map((x) => html`<tr data-measure=${x.measureKey}><th scope="row">${x.measureKey}<br><span class="meta">${x.targetText}</span></th>
          <td class="num">${num(x.female)}</td><td class="num">${num(x.male)}</td><td class="num">${num(x.figureValue)}</td>
          <td>${target({ ...x, key: x.measureKey })}</td>
          <td>${badge('status', x.status)}</td></tr>`)}</tbody></table>`)}
      <div class="actions">
        <button type="button" class="secondary" id="report-csv" @click=${() => download(`${slug(r.planNumber)}-${r.period}.csv`,
          csv(['objective', 'target', 'measure', 'indicator', 'period', 'female', 'male', 'total', 'figure', 'comparator', 'targetValue',
            'targetYear', 'status'], allRows.map((x) => [x.objectiveKey, x.targetKey, x.measureKey, x.indicatorCode, x.valuePeriod, x.female,
            x.male, x.total, x.figureValue, x.comparator, x.targetValue, x.targetYear, x.status])))}>${t('csv.download')}</button>
        <button type="button" class="secondary" @click=${() => download(`${slug(r.planNumber)}-${r.period}.json`,
          JSON.stringify(r, null, 2), 'application/json')}>${t('json.download')}</button>
      </div>
    </section>`;
  return {
    title,
    view,
    after: () => {
      const el = document.getElementById('chart-completeness');
      bars(el, { categories: [t('report.onTime'), t('report.late'), t('report.missing'), t('report.pending')],
        series: [{ name: t('report.expected'), data: [c.onTime, c.late, c.missing, c.pending], color: MEN }] }, (v) => num(v));
    },
  };
}

export function completenessTable(c) {
  const keys = ['expected', 'submitted', 'onTime', 'late', 'missing', 'pending', 'accepted'];
  return tableWrap(t('report.completeness'), html`<table class="data compact" id="completeness">
    <caption>${t('report.completeness')}</caption>
    <tbody>${keys.map((k) => html`<tr><th scope="row">${t(`report.${k}`)}</th><td class="num" data-key=${k}>${num(c[k])}</td></tr>`)}
      <tr><th scope="row">${t('report.percent')}</th><td class="num" data-key="submittedPercent">${num(c.submittedPercent, 1)}%</td></tr>
    </tbody></table>`);
}
