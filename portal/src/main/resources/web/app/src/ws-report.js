// The reporter's form: the targets the agency answers for, last year's figures beside them, the narrative per
// section, the figures by sex, evidence; the draft is checked by the API as the user types (its own problem codes
// are shown beside the fields), saved, and submitted. A returned report shows the reviewer's comments per item.
import { html, render, nothing } from 'lit';
import { t, currentLang } from './i18n.js';
import { get, call, problemText, fieldText } from './api.js';
import { num, date, time, parseNumber, editable } from './format.js';
import { badge } from './ui.js';
import { timing, extension, planTitle } from './workspace.js';

const SEXED = ['FEMALE_SHARE', 'FEMALE_TO_MALE_RATIO', 'MALE_TO_FEMALE_X100', 'GAP', 'FEMALE_VALUE', 'MALE_VALUE', 'TOTAL'];
const fieldId = (key, part) => `v-${key}-${part}`;
const sectionId = (kind, objective) => `s-${kind}${objective ? `-${objective}` : ''}`;

export async function reportForm(id) {
  const first = await call('GET', `/api/reports/submissions/${encodeURIComponent(id)}`);
  const state = { report: first.data, etag: first.etag, timer: null, saving: null };
  const report = state.report;
  const [obligation, plan, summary] = await Promise.all([
    get(`/api/reports/obligations/${report.obligationId}`), get(`/api/plans/${report.planId}`), planTitle(report.planId),
  ]);
  const measures = [];
  for (const o of plan.objectives || []) {
    for (const tg of o.targets || []) {
      for (const m of tg.measures || []) {
        const mine = (m.responsibleAgencies || []).some((a) => a.agency === report.agency);
        if (obligation.coverage === 'ALL_TARGETS' || (obligation.coverage === 'RESPONSIBLE_TARGETS' && mine)) {
          measures.push({ objective: o, target: tg, measure: m });
        }
      }
    }
  }
  const objectives = (plan.objectives || []).filter((o) => measures.some((x) => x.objective.key === o.key)
    || obligation.coverage !== 'RESPONSIBLE_TARGETS');
  const lastPeriod = String(Number(report.period.slice(0, 4)) - 1);
  const lastYear = await lastYearFigures(measures, obligation.unitCode, lastPeriod);
  const content = report.draft || { sections: [], activities: [], values: [] };
  const values = new Map((content.values || []).map((v) => [v.measureKey, v]));
  const sections = new Map((content.sections || []).map((s) => [`${s.kind}/${s.objectiveKey || ''}`, s.text]));
  const returned = report.state === 'RETURNED' && report.lastReview?.outcome === 'RETURNED';
  const comments = returned ? report.lastReview.review?.comments || [] : [];
  const commentFor = (pred) => comments.filter(pred).map((c) => html`<p class="reviewer-note" role="note">
    <strong>${t('form.reviewerComment')}:</strong> ${c.text}</p>`);
  const editableNow = report.state !== 'SUBMITTED';
  const lang = currentLang();

  const input = (key, part, value, label) => html`
    <div><label for=${fieldId(key, part)}>${label}</label>
      <input type="text" inputmode="decimal" id=${fieldId(key, part)} name=${fieldId(key, part)} .value=${editable(value)}
        ?disabled=${!editableNow} aria-describedby=${`err-${fieldId(key, part)}`} @input=${() => edited(state)}>
      <p class="field-error" id=${`err-${fieldId(key, part)}`}></p></div>`;
  const textarea = (kind, objective, label) => html`
    <label for=${sectionId(kind, objective)}>${label}</label>
    <textarea id=${sectionId(kind, objective)} .value=${sections.get(`${kind}/${objective || ''}`) || ''} ?disabled=${!editableNow}
      aria-describedby=${`err-${sectionId(kind, objective)}`} @input=${() => edited(state)}></textarea>
    <p class="field-error" id=${`err-${sectionId(kind, objective)}`}></p>
    ${commentFor((c) => c.sectionKind === kind && (c.objectiveKey || '') === (objective || '') && !c.measureKey)}`;

  const view = html`
    <nav class="breadcrumb" aria-label="breadcrumb"><a href="#/ws/obligations">${t('ws.obligations')}</a></nav>
    <h1 tabindex="-1">${t('form.title', { rule: report.ruleKey, period: report.period })}</h1>
    <p class="meta">${summary.documentNumber || summary.code} – ${summary.title}</p>
    <p>${t('form.due', { date: date(obligation.dueDate) })} (${timing(obligation)})${extension(obligation)} · ${badge('ostatus', report.state)}</p>
    ${returned ? html`<div class="alert alert-warn" id="review-summary" role="region" aria-label=${t('form.returned')}>
      <h2>${t('form.returned')}</h2>
      ${report.lastReview.review?.summary ? html`<p>${t('form.reviewSummary', { text: report.lastReview.review.summary })}</p>` : nothing}
      ${commentFor((c) => !c.measureKey && !c.sectionKind)}</div>` : nothing}
    ${editableNow ? nothing : html`<p class="alert alert-info">${t('form.readOnly')}</p>`}
    <div id="form-errors" tabindex="-1"></div>
    <form id="report-form" novalidate @submit=${(e) => e.preventDefault()}>
      ${measures.length === 0 ? html`<p>${t('form.noMeasures')}</p>` : nothing}
      ${objectives.map((o) => html`<fieldset>
        <legend>${o.key}. ${lang === 'en' && o.titleEn ? o.titleEn : o.title}</legend>
        ${textarea('RESULTS', o.key, t('form.results', { objective: o.key }))}
        ${measures.filter((x) => x.objective.key === o.key).map(({ target, measure: m }) => {
          const v = values.get(m.key) || {};
          const last = lastYear.get(m.key);
          return html`<div class="measure" data-measure=${m.key} role="group" aria-labelledby=${`m-${m.key}`}>
            <p id=${`m-${m.key}`}><strong>${m.key}</strong> – ${t('form.target', { text: lang === 'en' && target.textEn ? target.textEn : target.text })}</p>
            <p class="meta" data-last-year=${m.key}>${last ? t('form.lastYear', { period: lastPeriod, figures: last }) : t('form.lastYearNone', { period: lastPeriod })}</p>
            <div class="figures">${SEXED.includes(m.figure)
              ? html`${input(m.key, 'female', v.female, t('form.female'))}${input(m.key, 'male', v.male, t('form.male'))}${input(m.key, 'total', v.total, t('form.total'))}`
              : input(m.key, 'value', v.value, t('form.value'))}</div>
            <label for=${fieldId(m.key, 'comment')}>${t('form.comment')}</label>
            <textarea id=${fieldId(m.key, 'comment')} class="short" .value=${v.comment || ''} ?disabled=${!editableNow}
              @input=${() => edited(state)}></textarea>
            ${commentFor((c) => c.measureKey === m.key)}
          </div>`;
        })}</fieldset>`)}
      <fieldset><legend>${t('form.general')}</legend>
        ${textarea('DIFFICULTIES', null, t('form.difficulties'))}
        ${textarea('PROPOSALS', null, t('form.proposals'))}
      </fieldset>
      <fieldset><legend>${t('form.evidence')}</legend>
        <ul id="attachments"></ul>
        ${editableNow ? html`<label for="evidence-file">${t('form.evidenceFile')}</label>
          <input type="file" id="evidence-file" accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.csv,.txt">
          <button type="button" class="secondary" id="evidence-upload" @click=${() => upload(state)}>${t('form.upload')}</button>` : nothing}
      </fieldset>
      <p id="form-status" class="status-line" role="status" aria-live="polite"></p>
      ${editableNow ? html`<div class="actions">
        <button type="button" class="secondary" id="save-draft" @click=${() => save(state, true)}>${t('form.save')}</button>
        <button type="button" id="submit-report" @click=${() => submit(state)}>${t('form.submit')}</button></div>` : nothing}
    </form>`;
  state.collect = () => collect(content, measures, objectives);
  return { title: t('form.title', { rule: report.ruleKey, period: report.period }), view, after: () => showAttachments(report.attachments) };
}

function showAttachments(list) {
  render((list || []).map((a) => html`<li>${a.filename} <span class="meta">(${num(a.sizeBytes / 1024, 1)} KB)</span></li>`),
    document.getElementById('attachments'));
}

async function lastYearFigures(measures, unit, period) {
  const found = new Map();
  if (measures.length === 0) {
    return found;
  }
  try {
    const answer = (await call('POST', '/api/values/rollups', {
      json: { queries: measures.map(({ measure: m }) => ({ indicator: m.indicatorCode, unit, period, dimensions: m.dimensions || {} })) },
    })).data;
    (answer.results || []).forEach((r, i) => {
      const key = measures[i]?.measure.key;
      if (!key || (r.female === null && r.male === null && r.value === null)) {
        return;
      }
      found.set(key, r.female !== null || r.male !== null
        ? `${t('form.female')} ${num(r.female)} · ${t('form.male')} ${num(r.male)}${r.total !== null ? ` · ${t('form.total')} ${num(r.total)}` : ''}`
        : num(r.value));
    });
  } catch {
    // Last year's figures are a help, not a requirement: the form works without them.
  }
  return found;
}

/** The report content from the form, keeping what the form does not edit (activities, other sections). */
function collect(content, measures, objectives) {
  const bad = [];
  const read = (id) => {
    const el = document.getElementById(id);
    if (!el) {
      return undefined;
    }
    const n = parseNumber(el.value);
    if (Number.isNaN(n)) {
      bad.push(id);
      return undefined;
    }
    return n;
  };
  const text = (id) => document.getElementById(id)?.value.trim() || '';
  const handled = new Set(['DIFFICULTIES/', 'PROPOSALS/', ...objectives.map((o) => `RESULTS/${o.key}`)]);
  const sections = (content.sections || []).filter((s) => !handled.has(`${s.kind}/${s.objectiveKey || ''}`));
  for (const o of objectives) {
    const v = text(sectionId('RESULTS', o.key));
    if (v) {
      sections.push({ kind: 'RESULTS', objectiveKey: o.key, text: v });
    }
  }
  for (const kind of ['DIFFICULTIES', 'PROPOSALS']) {
    const v = text(sectionId(kind, null));
    if (v) {
      sections.push({ kind, objectiveKey: null, text: v });
    }
  }
  const keys = new Set(measures.map((x) => x.measure.key));
  const values = (content.values || []).filter((v) => !keys.has(v.measureKey));
  for (const { measure: m } of measures) {
    const old = (content.values || []).find((v) => v.measureKey === m.key) || {};
    const v = { measureKey: m.key };
    for (const part of ['female', 'male', 'total', 'value']) {
      const n = read(fieldId(m.key, part));
      if (n !== null && n !== undefined) {
        v[part] = n;
      }
    }
    const comment = text(fieldId(m.key, 'comment'));
    if (comment) {
      v.comment = comment;
    }
    if (old.attachmentId) {
      v.attachmentId = old.attachmentId;
    }
    if (Object.keys(v).length > 1) {
      values.push(v);
    }
  }
  return { body: { sections, activities: content.activities || [], values }, bad };
}

function edited(state) {
  clearTimeout(state.timer);
  state.timer = setTimeout(() => save(state, false), 900);
}

function showErrors(errors, bad, sent = null) {
  document.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  const general = [];
  const mark = (id, message) => {
    const el = document.getElementById(id);
    const p = document.getElementById(`err-${id}`);
    if (el && p) {
      el.setAttribute('aria-invalid', 'true');
      p.textContent = message;
      return true;
    }
    return false;
  };
  bad.forEach((id) => mark(id, t('form.notNumber')));
  for (const e of errors) {
    const field = String(e.field || '');
    // The API names a value by its measure key (values[O4-T1-M1].male) or by its place in the body (values[0].total).
    const byIndex = /^values\[(\d+)\](.*)$/.exec(field);
    const named = byIndex && sent?.values?.[Number(byIndex[1])] ? `values[${sent.values[Number(byIndex[1])].measureKey}]${byIndex[2]}` : field;
    const value = /^values\[([^\]]+)\]\.(\w+)$/.exec(named);
    const valueOnly = /^values\[([^\]]+)\]$/.exec(named);
    const section = /^sections\[(\w+)(?:\/([^\]]*))?\]/.exec(field);
    let done = false;
    if (value) {
      done = mark(fieldId(value[1], value[2]), fieldText(e)) || mark(fieldId(value[1], 'value'), fieldText(e));
    } else if (valueOnly) {
      done = mark(fieldId(valueOnly[1], 'value'), fieldText(e)) || mark(fieldId(valueOnly[1], 'female'), fieldText(e));
    } else if (section) {
      done = mark(sectionId(section[1], section[2] || null), fieldText(e));
    }
    if (!done) {
      general.push(`${field ? `${field}: ` : ''}${fieldText(e)}`);
    }
  }
  const total = errors.length + bad.length;
  render(total === 0 ? nothing : html`<div class="alert alert-error" role="alert"><p>${t('form.errors', { n: total })}</p>
    ${general.length ? html`<ul>${general.map((g) => html`<li>${g}</li>`)}</ul>` : nothing}</div>`, document.getElementById('form-errors'));
}

function status(text) {
  const el = document.getElementById('form-status');
  if (el) {
    el.textContent = text;
  }
}

/** Saves the draft (If-Match with the ETag read); the API's 422 names each field that does not fit the plan. */
async function save(state, explicit) {
  clearTimeout(state.timer);
  if (state.saving) {
    await state.saving.catch(() => {});
  }
  const { body, bad } = state.collect();
  if (bad.length) {
    showErrors([], bad);
    return false;
  }
  state.saving = call('PUT', `/api/reports/submissions/${state.report.id}`, { json: body, headers: { 'If-Match': state.etag } });
  try {
    const r = await state.saving;
    state.etag = r.etag;
    state.report = r.data;
    showErrors([], []);
    status(t('form.saved', { time: time() }));
    return true;
  } catch (err) {
    if (err.status === 412 || err.status === 428) {
      status(problemText(err));
      window.dispatchEvent(new Event('gems:refresh'));
      return false;
    }
    showErrors(err.errors, [], body);
    status(problemText(err));
    if (explicit) {
      document.getElementById('form-errors')?.focus();
    }
    return false;
  } finally {
    state.saving = null;
  }
}

async function submit(state) {
  if (!(await save(state, true))) {
    return;
  }
  try {
    const r = await call('POST', `/api/reports/submissions/${state.report.id}/submit`, {
      headers: { 'Idempotency-Key': crypto.randomUUID(), 'If-Match': state.etag },
    });
    status(t('form.submitted', { n: r.data.lastVersionNo }));
    window.dispatchEvent(new Event('gems:refresh'));
  } catch (err) {
    showErrors(err.errors, []);
    status(problemText(err));
    document.getElementById('form-errors')?.focus();
  }
}

async function upload(state) {
  const file = document.getElementById('evidence-file')?.files?.[0];
  if (!file) {
    return;
  }
  try {
    await call('POST', `/api/reports/submissions/${state.report.id}/attachments?filename=${encodeURIComponent(file.name)}`, {
      body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' },
    });
    const fresh = await call('GET', `/api/reports/submissions/${state.report.id}`);
    state.etag = fresh.etag;
    showAttachments(fresh.data.attachments);
    status(t('form.uploaded', { name: file.name }));
  } catch (err) {
    status(problemText(err));
  }
}
