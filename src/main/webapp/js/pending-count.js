/**
 * A supervisor's count of requests waiting for them, in the page bar on every page: requests by
 * others that are still PENDING (their own they cannot decide). Read every 5 s while signed in.
 */
import { get, query } from './api.js';
import { h, fill } from './dom.js';

const EVERY_MS = 5000;
const LIMIT = 100;

let timer = null;
let latest = null;

/** Starts counting for a supervisor (or stops, for anyone else); the badge is redrawn into the nav. */
export function countPending(me, nav) {
  stopCounting();
  if (!me.roles.includes('SUPERVISOR')) {
    return;
  }
  const read = async () => {
    try {
      const items = (await get('api/approvals' + query({ status: 'PENDING', limit: LIMIT }))).body.items || [];
      latest = items.filter(item => item.requestedBy !== me.username).length;
    } catch (ignored) {
      // a failed read keeps the last count; the approvals page itself says what went wrong
    }
    draw(nav);
  };
  read();
  timer = setInterval(read, EVERY_MS);
}

/** Draws the last count into the Approvals link of a freshly filled nav. */
export function draw(nav) {
  const link = nav.querySelector('a[href="#approvals"]');
  if (!link || latest === null) {
    return;
  }
  const text = latest >= LIMIT ? LIMIT + '+' : String(latest);
  let badge = link.querySelector('#pending-count');
  if (!badge) {
    badge = h('span', { id: 'pending-count', class: 'badge' });
    link.append(' ', badge);
  }
  fill(badge, text);
  badge.classList.toggle('zero', latest === 0);
  badge.setAttribute('aria-label', text + ' waiting for a supervisor');
}

export function stopCounting() {
  clearInterval(timer);
  timer = null;
  latest = null;
}
