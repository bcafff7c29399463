/**
 * The console's frame: who is signed in, the navigation by role, and which page is shown. The page
 * name is the only thing in the address (#desk, #audit-trail, ...); member data never is.
 */
import { api, session } from './api.js';
import { h, fill } from './dom.js';
import { pagesFor, homeOf } from './pages.js';
import signIn from './pages/signin.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const status = document.getElementById('status');

let me = null;
let leavePage = null;

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
  const home = homeOf(me);
  if (location.hash !== '#' + home.id) {
    history.replaceState(null, '', '#' + home.id);
  }
  show();
}

function show() {
  if (!me) {
    showSignIn();
    return;
  }
  leave();
  const allowed = pagesFor(me);
  const wanted = location.hash.slice(1);
  const page = allowed.find(candidate => candidate.id === wanted) || homeOf(me);
  fill(nav, allowed.map((candidate, index) => h('a', {
    href: '#' + candidate.id,
    accesskey: String(index + 1),
    'aria-current': candidate === page ? 'page' : false,
    title: candidate.title + ' (Alt+' + (index + 1) + ')',
  }, candidate.title)));
  fill(who, h('span', { id: 'who-name' }, me.displayName || me.username), ' ',
    h('span', { class: 'roles' }, me.roles.join(', ')));
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
  } else {
    showSignIn();
  }
}

start();
