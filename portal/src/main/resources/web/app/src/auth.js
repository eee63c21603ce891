// Keycloak login through the public "portal" client: authorization code + PKCE (S256), written out here in
// full (about a hundred lines) rather than pulled in as a library. Tokens live in this module's variables only:
// never in localStorage, sessionStorage or a cookie. sessionStorage holds just the one-time PKCE verifier and
// state across the redirect to Keycloak and back, and a flag that lets a reload sign in again silently (the
// Keycloak session cookie answers at once, without the login page).
const PENDING = 'gems.pkce';
const SIGNED_IN = 'gems.signedIn';

let config = null;
let tokens = null;
let claims = null;
let refreshing = null;

const b64url = (bytes) => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

function random(n = 32) {
  return b64url(crypto.getRandomValues(new Uint8Array(n)));
}

async function challenge(verifier) {
  return b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}

const redirectUri = () => `${location.origin}/`;
const endpoint = (name) => `${config.issuer}/protocol/openid-connect/${name}`;

function decode(jwt) {
  const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(part);
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))));
}

function keep(answer) {
  tokens = {
    access: answer.access_token,
    refresh: answer.refresh_token,
    idToken: answer.id_token ?? tokens?.idToken,
    expiresAt: Date.now() + (answer.expires_in ?? 60) * 1000,
  };
  claims = decode(tokens.access);
}

async function tokenRequest(params) {
  const res = await fetch(endpoint('token'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...params }),
    credentials: 'omit',
  });
  if (!res.ok) {
    throw new Error(`token endpoint answered ${res.status}`);
  }
  return res.json();
}

/**
 * Reads the portal's configuration; when Keycloak has just sent the browser back with a code, exchanges it
 * (with the verifier) for tokens and restores the page the user was on. Answers the hash to show.
 */
async function loadConfig() {
  config ??= await (await fetch('/portal/config.json', { credentials: 'omit' })).json();
  return config;
}

export async function start() {
  const params = new URLSearchParams(location.search);
  if (params.has('code') && params.has('state')) {
    await loadConfig();
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    const back = pending?.returnTo || '#/ws';
    history.replaceState(null, '', `${location.pathname}${back}`);
    if (pending && pending.state === params.get('state')) {
      keep(await tokenRequest({
        grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(), code_verifier: pending.verifier,
      }));
      sessionStorage.setItem(SIGNED_IN, '1');
    }
    return back;
  }
  if (params.has('error')) {
    history.replaceState(null, '', `${location.pathname}#/ws`);
  }
  return location.hash || '#/';
}

/** Sends the browser to Keycloak's login page; it comes back to the same page. */
export async function login(returnTo = location.hash || '#/ws', lang = 'vi') {
  await loadConfig();
  const verifier = random(48);
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(endpoint('auth'));
  url.search = new URLSearchParams({
    client_id: config.clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri(), state,
    code_challenge: await challenge(verifier), code_challenge_method: 'S256', ui_locales: lang,
  }).toString();
  location.assign(url.toString());
}

/** Whether this tab signed in before a reload (then the workspace signs in again without asking). */
export function wasSignedIn() {
  return sessionStorage.getItem(SIGNED_IN) === '1';
}

export function loggedIn() {
  return tokens !== null;
}

export function user() {
  return claims;
}

/** A valid access token (refreshed shortly before it expires), or null when signed out. */
export async function accessToken() {
  if (!tokens) {
    return null;
  }
  if (Date.now() > tokens.expiresAt - 20_000) {
    refreshing ??= tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh })
      .then(keep)
      .catch(() => {
        tokens = null;
        claims = null;
      })
      .finally(() => {
        refreshing = null;
      });
    await refreshing;
  }
  return tokens?.access ?? null;
}

/** Ends the Keycloak session too, then comes back to the home page. */
export function logout() {
  const idToken = tokens?.idToken;
  tokens = null;
  claims = null;
  sessionStorage.removeItem(SIGNED_IN);
  const url = new URL(endpoint('logout'));
  url.search = new URLSearchParams({
    client_id: config.clientId, post_logout_redirect_uri: redirectUri(), ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  location.assign(url.toString());
}
