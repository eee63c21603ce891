import { currentLang } from './i18n.js';

const locale = () => (currentLang() === 'vi' ? 'vi-VN' : 'en-US');

/** 1.234,5 in Vietnamese, 1,234.5 in English; null stays an em dash. */
export function num(v, maxDigits = 2) {
  if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) {
    return '—';
  }
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: maxDigits }).format(Number(v));
}

/** dd/MM/yyyy for an ISO date ("2025-11-30") or an instant (shown in Vietnam's time zone). */
export function date(v) {
  if (!v) {
    return '—';
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' })
    .formatToParts(new Date(v));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('day')}/${get('month')}/${get('year')}`;
}

export function time(d = new Date()) {
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(d);
}

/** The ISO day after an ISO date (a unit valid until 30/06 was merged on 01/07). */
export function dayAfter(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Reads a number as the user typed it in the current language ("7.000" or "92,5" in Vietnamese). */
export function parseNumber(text) {
  const s = String(text ?? '').trim().replace(/\s/g, '');
  if (s === '') {
    return null;
  }
  const normal = currentLang() === 'vi' ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** A number as an input shows it for editing (no grouping, the language's decimal mark). */
export function editable(v) {
  if (v === null || v === undefined) {
    return '';
  }
  const s = String(v);
  return currentLang() === 'vi' ? s.replace('.', ',') : s;
}

/** Lower case without Vietnamese diacritics: "Bình Đẳng Giới" → "binh dang gioi". */
export function fold(s) {
  return String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** An RFC 4180 CSV file (UTF-8 with BOM for Excel); text that a spreadsheet would run as a formula is neutralised. */
export function csv(header, rows) {
  const cell = (v) => {
    if (v === null || v === undefined) {
      return '';
    }
    if (typeof v === 'number') {
      return String(v);
    }
    let s = String(v);
    if (/^[=+\-@\t\r]/.test(s)) {
      s = `'${s}`;
    }
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Offers a file to the user (a Blob behind a temporary link: no navigation, no inline script). */
export function download(filename, content, type = 'text/csv;charset=utf-8') {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file-name-safe slug. */
export function slug(s) {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'gems';
}
