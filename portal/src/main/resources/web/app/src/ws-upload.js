// The statistics officer's upload: a CSV file is checked first (dry run), then imported; large files answer 202
// and the job is polled for its progress; rejected rows are listed with their line numbers and reasons.
import { html, render, nothing } from 'lit';
import { t } from './i18n.js';
import * as auth from './auth.js';
import { get, q, problemText, ApiError } from './api.js';
import { num } from './format.js';
import { tableWrap } from './ui.js';

const DONE = ['SUCCEEDED', 'FAILED', 'REJECTED'];

export async function uploadPage() {
  const view = html`
    <h1 tabindex="-1">${t('up.title')}</h1>
    <p>${t('up.intro')}</p>
    <form id="upload-form" @submit=${(e) => e.preventDefault()}>
      <label for="upload-file">${t('up.file')}</label>
      <input type="file" id="upload-file" accept=".csv,text/csv">
      <label for="upload-status">${t('up.status')}</label>
      <select id="upload-status"><option value="FINAL">${t('up.final')}</option><option value="PROVISIONAL">${t('up.provisional')}</option></select>
      <p><input type="checkbox" id="upload-skip" checked> <label for="upload-skip" class="inline">${t('up.skip')}</label></p>
      <div class="actions">
        <button type="button" class="secondary" id="upload-dry-run" @click=${() => run(true)}>${t('up.dryRun')}</button>
        <button type="button" id="upload-import" @click=${() => run(false)}>${t('up.import')}</button>
      </div>
    </form>
    <section aria-labelledby="h-progress"><h2 id="h-progress">${t('up.progress')}</h2>
      <progress id="upload-progress" max="100" value="0" aria-labelledby="h-progress" aria-describedby="upload-phase"></progress>
      <p id="upload-phase" class="status-line" role="status" aria-live="polite"></p></section>
    <div id="upload-result"></div>`;
  return { title: t('up.title'), view };
}

function phase(text, pct) {
  document.getElementById('upload-phase').textContent = text;
  if (pct !== null) {
    document.getElementById('upload-progress').value = Math.max(0, Math.min(100, pct));
  }
}

/** Sends the file with XMLHttpRequest (fetch reports no upload progress); the token is the in-memory one. */
async function send(file, params) {
  const token = await auth.accessToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/values/pushes${q(params)}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'text/csv; charset=UTF-8');
    xhr.setRequestHeader('Idempotency-Key', crypto.randomUUID());
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        const pct = Math.round((e.loaded / e.total) * 100);
        phase(t('up.uploading', { pct }), pct * 0.3);
      }
    };
    xhr.onload = () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, push: body });
      } else {
        reject(new ApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.send(file);
  });
}

async function run(dryRun) {
  const file = document.getElementById('upload-file').files?.[0];
  const out = document.getElementById('upload-result');
  if (!file) {
    phase(t('up.chooseFirst'), null);
    return;
  }
  const buttons = document.querySelectorAll('#upload-form button');
  buttons.forEach((b) => { b.disabled = true; });
  render(nothing, out);
  try {
    // Lines in the file (less the header): the denominator of the progress bar while the job runs.
    const total = Math.max(1, (await file.text()).split('\n').filter((l) => l.trim() !== '').length - 1);
    const params = {
      dryRun: dryRun ? 'true' : null, onError: document.getElementById('upload-skip').checked ? 'SKIP' : 'ABORT',
      status: document.getElementById('upload-status').value, reference: file.name,
    };
    let { push } = await send(file, params);
    while (!DONE.includes(push.status)) {
      phase(`${t(`up.phase.${push.status}`)} – ${t('up.rows', { read: num(push.rowsRead), total: num(total) })}`,
        30 + (70 * push.rowsRead) / total);
      await new Promise((r) => setTimeout(r, 400));
      push = await get(`/api/values/pushes/${push.id}`);
    }
    phase(`${t(`up.phase.${push.status}`)} – ${t('up.rows', { read: num(push.rowsRead), total: num(push.rowsRead) })}`, 100);
    const rejections = push.rowsRejected > 0 ? await get(`/api/values/pushes/${push.id}/rejections?size=500`) : { items: [], total: 0 };
    render(result(push, rejections, dryRun), out);
  } catch (err) {
    phase(problemText(err), 0);
    if (err.errors?.length) {
      render(rejectedTable(err.errors.map((e) => ({ line: (/\[(\d+)\]/.exec(e.field) || [])[1], column: (e.field || '').split('.').pop(),
        code: e.code, message: e.message })), err.errors.length), out);
    }
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
  }
}

function result(push, rejections, dryRun) {
  const rows = [['up.rowsRead', push.rowsRead], ['up.rowsAccepted', push.rowsAccepted], ['up.rowsRejected', push.rowsRejected],
    ['up.inserted', push.inserted], ['up.updated', push.updated], ['up.unchanged', push.unchanged]];
  return html`<section aria-labelledby="h-result" id="upload-summary" data-dry-run=${dryRun}>
    <h2 id="h-result">${t(dryRun ? 'up.dryResult' : 'up.result')}</h2>
    <dl class="summary-list">${rows.map(([k, v]) => html`<dt>${t(k)}</dt><dd data-key=${k.slice(3)}>${num(v)}</dd>`)}</dl>
    ${push.rowsRejected > 0 ? rejectedTable(rejections.items, rejections.total) : nothing}</section>`;
}

function rejectedTable(list, total) {
  return html`<h3>${t('up.rejections')}</h3>
    ${tableWrap(t('up.rejections'), html`<table class="data" id="rejections">
      <thead><tr><th scope="col">${t('up.line')}</th><th scope="col">${t('up.column')}</th><th scope="col">${t('up.code')}</th>
        <th scope="col">${t('up.reason')}</th></tr></thead>
      <tbody>${list.map((r) => html`<tr data-line=${r.line}><td class="num">${r.line}</td><td>${r.column || ''}</td><td>${r.code}</td>
        <td>${r.message}</td></tr>`)}</tbody></table>`)}
    ${total > list.length ? html`<p>${t('up.more', { n: num(total - list.length) })}</p>` : nothing}`;
}
