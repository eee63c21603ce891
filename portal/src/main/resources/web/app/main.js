// The portal's entry point: the page shell (header, language switch, navigation), a hash router and the
// public pages. The workspace (signed-in pages) is loaded on demand, so a public visitor downloads none of it.
import './src/style.css';
import { html, render, nothing } from 'lit';
import { t, currentLang, setLang } from './src/i18n.js';
import * as auth from './src/auth.js';
import { useTokens, ApiError } from './src/api.js';
import { disposeAll } from './src/charts.js';
import { errorBlock } from './src/ui.js';
import * as pub from './src/public.js';

useTokens(auth.accessToken);

const publicRoutes = { '': pub.home, unit: pub.unit, plan: pub.plan, report: pub.report, search: pub.search };

function parse(hash) {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { head: parts[0] || '', params: parts.slice(1), query: Object.fromEntries(new URLSearchParams(query)) };
}

function header() {
  const signedIn = auth.loggedIn();
  render(html`
    <div class="bar">
      <a class="brand" href="#/"><span class="brand-mark" aria-hidden="true">GEMS</span> ${t('site.title')}</a>
      <button type="button" class="link-button" id="lang-switch" lang=${currentLang() === 'vi' ? 'en' : 'vi'}
        aria-label=${t('lang.switchLabel')} @click=${switchLang}>${t('lang.switch')}</button>
    </div>
    <nav aria-label=${t('nav.main')}>
      <ul class="nav">
        <li><a href="#/">${t('nav.home')}</a></li>
        <li><a href="#/search">${t('nav.search')}</a></li>
        <li><a href="#/ws" id="nav-workspace">${t('nav.workspace')}</a></li>
        <li>${signedIn
          ? html`<button type="button" class="link-button" id="logout" @click=${() => auth.logout()}>${t('logout')}</button>`
          : html`<button type="button" class="link-button" id="login" @click=${() => auth.login('#/ws', currentLang())}>${t('login')}</button>`}</li>
      </ul>
    </nav>`, document.getElementById('site-header'));
  render(html`<p>${t('footer')}</p>`, document.getElementById('site-footer'));
  const skip = document.getElementById('skip-link');
  skip.textContent = t('skip');
}

function switchLang() {
  setLang(currentLang() === 'vi' ? 'en' : 'vi');
  show();
  document.getElementById('lang-switch')?.focus();
}

let generation = 0;

async function show() {
  const mine = ++generation;
  const route = parse(location.hash);
  const main = document.getElementById('main');
  header();
  disposeAll();
  render(html`<p class="loading" role="status">${t('loading')}</p>`, main);
  let page;
  try {
    if (route.head === 'ws') {
      const ws = await import('./src/workspace.js');
      page = await ws.page(route);
    } else if (route.head in publicRoutes) {
      page = await publicRoutes[route.head](route);
    } else {
      page = { title: t('error.notFound'), view: html`<h1 tabindex="-1">${t('error.notFound')}</h1><p><a href="#/">${t('error.back')}</a></p>` };
    }
  } catch (err) {
    if (!(err instanceof ApiError)) {
      console.error(err);
    }
    page = { title: t('error.title'), view: html`<h1 tabindex="-1">${t('error.title')}</h1>${errorBlock(err)}<p><a href="#/">${t('error.back')}</a></p>` };
  }
  if (mine !== generation) {
    return; // the user has moved on
  }
  render(page.view ?? nothing, main);
  document.title = `${page.title} – GEMS`;
  page.after?.();
  // Move focus to the new page's heading, so screen readers announce it (not on the very first load).
  if (started) {
    main.querySelector('h1')?.focus();
  }
  started = true;
}

let started = false;

document.getElementById('skip-link').addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('main').focus();
});
window.addEventListener('hashchange', show);
window.addEventListener('gems:refresh', show);

(async () => {
  setLang(currentLang());
  document.getElementById('main').textContent = ''; // the static "loading" line; lit renders from here on
  let target = '#/';
  try {
    target = await auth.start();
  } catch (err) {
    console.error(err);
  }
  if (!auth.loggedIn() && auth.wasSignedIn() && target.startsWith('#/ws')) {
    // Reloaded while signed in: the Keycloak session signs this tab in again without the login page.
    auth.login(target, currentLang());
    return;
  }
  show();
})();
