import { t, knows } from './i18n.js';

let tokenSource = async () => null;

/** The workspace plugs in its in-memory access token; public pages call anonymously. */
export function useTokens(source) {
  tokenSource = source;
}

/** An RFC 9457 problem from the API (or a network failure, status 0). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code || null;
    this.detail = problem?.detail || null;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.problem = problem || {};
  }
}

/** The problem in the user's language when the portal knows its code, else the API's own detail. */
export function problemText(err) {
  if (!(err instanceof ApiError)) {
    return t('problem.network');
  }
  if (err.status === 0) {
    return t('problem.network');
  }
  if (err.code && knows(`problem.${err.code}`)) {
    return t(`problem.${err.code}`);
  }
  return err.detail || t('problem.generic', { status: err.status });
}

/** One field error of a problem in the user's language (known codes), else the API's message. */
export function fieldText(e) {
  if (e.code && knows(`field.${e.code}`)) {
    return t(`field.${e.code}`);
  }
  return e.message || e.code || '';
}

/**
 * Calls the API through the gateway (same origin). Answers {data, etag, location, status}; a non-2xx answer
 * throws ApiError with the problem's code, detail and field errors.
 */
export async function call(method, path, { json, body, headers = {}, accept = 'application/json' } = {}) {
  const h = { Accept: `${accept}, application/problem+json`, ...headers };
  const token = await tokenSource();
  if (token) {
    h.Authorization = `Bearer ${token}`;
  }
  let payload = body;
  if (json !== undefined) {
    h['Content-Type'] = 'application/json';
    payload = JSON.stringify(json);
  }
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: payload, credentials: 'omit' });
  } catch {
    throw new ApiError(0, null);
  }
  if (!res.ok) {
    let problem = null;
    try {
      problem = await res.json();
    } catch {
      problem = null;
    }
    throw new ApiError(res.status, problem);
  }
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (res.status !== 204) {
    data = type.includes('json') ? await res.json() : await res.blob();
  }
  return { data, etag: res.headers.get('ETag'), location: res.headers.get('Location'), status: res.status };
}

export async function get(path) {
  return (await call('GET', path)).data;
}

/** A page of items ({items,total,...}) or a plain list, as a list. */
export function items(pageOrList) {
  return Array.isArray(pageOrList) ? pageOrList : (pageOrList?.items ?? []);
}

export function q(params) {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') {
      s.set(k, v);
    }
  }
  const text = s.toString();
  return text ? `?${text}` : '';
}
