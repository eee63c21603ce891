import { html, nothing } from 'lit';
import { t, currentLang } from './i18n.js';
import { problemText } from './api.js';

/** A name in the current language (falls back to the Vietnamese one). */
export function name(vi, en) {
  return currentLang() === 'en' && en ? en : vi;
}

/** A status shown as words and a shape, never by colour alone. */
export function badge(prefix, status) {
  if (!status) {
    return nothing;
  }
  return html`<span class="badge badge-${status.toLowerCase().replace(/_/g, '-')}">${t(`${prefix}.${status}`)}</span>`;
}

/** A table that scrolls sideways on a phone; the scrolling region is focusable so a keyboard can scroll it. */
export function tableWrap(label, table) {
  return html`<div class="table-wrap" role="region" aria-label=${label} tabindex="0">${table}</div>`;
}

export function errorBlock(err) {
  return html`<div class="alert alert-error" role="alert"><p>${problemText(err)}</p></div>`;
}

export function liveStatus(id) {
  return html`<p id=${id} class="status-line" role="status" aria-live="polite"></p>`;
}

export function say(id, text) {
  const el = document.getElementById(id);
  if (el) {
    el.textContent = text;
  }
}
