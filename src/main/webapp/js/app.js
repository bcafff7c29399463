/**
 * The console's frame: who is signed in, the navigation by role, and which page is shown. The page
 * name is the only thing in the address (#desk, #audit-trail, ...); member data never is.
 */
import { api, session } from './api.js';
import { h, fill, setZone } from './dom.js';
import { pagesFor, homeOf } from './pages.js';
import { countPending, draw as drawPending, stopCounting } from './pending-count.js';
import signIn from './pages/signin.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const status = document.getElementById('status');

let me = null;
let page = null;
let leavePage = null;

const help = h('dialog', { id: 'shortcuts', 'aria-labelledby': 'shortcuts-h' });
document.body.append(help);

/** "?" (outside a text field) lists the keyboard shortcuts of the console and of the page shown. */
function showShortcuts() {
  const rows = [['Alt+1 … Alt+9', 'the pages in the bar, in order'], ['Alt+Q', 'sign out'], ['?', 'this list'],
    ['Tab, Shift+Tab', 'next, previous field or button'], ['Enter', 'send the form you are in']];
  fill(help, h('h2', { id: 'shortcuts-h' }, 'Keyboard shortcuts'),
    h('p', { class: 'muted' }, 'Alt+key in Chromium and Firefox on Linux and Windows (Ctrl+Option+key on a Mac).'),
    h('table', {}, h('tbody', {}, rows.concat(page?.shortcuts || []).map(([keys, what]) =>
      h('tr', {}, h('th', { scope: 'row' }, h('kbd', {}, keys)), h('td', {}, what))))),
    h('form', { method: 'dialog' }, h('button', { type: 'submit', id: 'shortcuts-close' }, 'Close (Esc)')));
  help.showModal();
}

document.addEventListener('keydown', event => {
  const typing = event.target.closest && event.target.closest('input, textarea, select, [contenteditable]');
  if (event.key === '?' && !typing && !help.open && me) {
    event.preventDefault();
    showShortcuts();
  }
});

function say(message) {
  status.textContent = message || '';
}

function leave() {
  if (leavePage) {
    try {
      leavePage();
    } finally {
      leavePage = null;
    }
  }
}

function showSignIn(message) {
  leave();
  stopCounting();
  me = null;
  fill(nav);
  fill(who);
  signOutButton.hidden = true;
  document.title = 'Tally — sign in';
  if (location.hash) {
    history.replaceState(null, '', location.pathname + location.search);
  }
  fill(main);
  signIn.render(main, { message, signedIn });
}

async function signedIn(staff) {
  me = staff;
  try {
    me = (await api('GET', 'api/me')).body;
  } catch (ignored) {
    // the sign-in answer is enough to work; times then show in the browser's zone, still labelled
  }
  const home = homeOf(me);
  if (location.hash !== '#' + home.id) {
    history.replaceState(null, '', '#' + home.id);
  }
  show();
  countPending(me, nav);
}

function show() {
  if (!me) {
    showSignIn();
    return;
  }
  leave();
  const allowed = pagesFor(me);
  const wanted = location.hash.slice(1);
  page = allowed.find(candidate => candidate.id === wanted) || homeOf(me);
  fill(nav, allowed.map((candidate, index) => h('a', {
    href: '#' + candidate.id,
    accesskey: String(index + 1),
    'aria-current': candidate.id === page.id ? 'page' : false,
    title: candidate.title + ' (Alt+' + (index + 1) + ')',
  }, candidate.title)));
  drawPending(nav);
  setZone(me.zone);
  fill(who, h('span', { id: 'who-name' }, me.displayName || me.username), ' ',
    h('span', { class: 'roles' }, me.roles.join(', ')), ' ',
    h('span', { id: 'zone', class: 'zone', title: 'Every time on these pages is in this zone' },
      'Times: ' + (me.zone || Intl.DateTimeFormat().resolvedOptions().timeZone)));
  signOutButton.hidden = false;
  document.title = 'Tally — ' + page.title;
  say('');
  fill(main);
  main.dataset.page = page.id;
  leavePage = page.render(main, { me, say }) || null;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}

async function signOut() {
  try {
    await api('POST', 'api/auth/logout');
  } catch (ignored) {
    // the token is forgotten below either way; a token the server no longer knows is harmless
  }
  session.end();
  showSignIn('You are signed out.');
}

async function start() {
  signOutButton.addEventListener('click', signOut);
  window.addEventListener('hashchange', () => me && show());
  document.addEventListener('tally:session-ended', () => showSignIn('Your session has ended. Sign in again.'));
  if (session.token()) {
    try {
      me = (await api('GET', 'api/me')).body;
    } catch (ended) {
      session.end();
      me = null;
    }
  }
  if (me) {
    show();
    countPending(me, nav);
  } else {
    showSignIn();
  }
}

start();
