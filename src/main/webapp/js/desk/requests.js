/**
 * The override requests of the open call, read from the API (GET api/approvals?sessionId=…, which
 * shows a rep only their own), never from page memory: a request still waits after the rep went to
 * another page or reloaded, and the desk must say so, or the rep may key the posting again and
 * both may be approved. Open requests are read again every two seconds until each is decided; each
 * decision is shown in words. The posting form asks here whether a posting repeats a waiting one.
 */
import { get, post, query } from '../api.js';
import { h, fill, problemText } from '../dom.js';
import { decisionOf } from '../approval-wait.js';
import { whatWasAsked } from '../approval-text.js';

const EVERY_MS = 2000;

/** PENDING, or APPROVED while it is being carried out: a decision is still to come. */
const isOpen = approval => !decisionOf(approval).done;

/** The fields that make two postings the same one for the member: type, accounts and amount. */
const SAME = ['type', 'fromAccount', 'toAccount', 'loanAccount', 'amount'];

export function requestsPanel(section, desk) {
  const list = h('ul', { id: 'call-requests-list', class: 'requests', 'aria-live': 'polite' });
  const problem = h('p', { class: 'error', hidden: true });
  fill(section, h('h2', { id: 'requests-h', tabindex: '-1' }, 'Override requests of this call'), problem, list);
  section.hidden = true;
  let requests = [];
  let shown = null;
  let timer = null;
  let stopped = false;
  const callId = desk.call.id;

  function item(approval) {
    const decided = decisionOf(approval);
    const withdraw = decided.done ? null : h('button', { type: 'button', class: 'secondary withdraw-request', onclick: async () => {
      try {
        await post('api/approvals/' + encodeURIComponent(approval.id) + '/cancel', {});
      } catch (failure) {
        fill(problem, problemText(failure.body));
        problem.hidden = false;
      }
      read();
    } }, 'Withdraw request ' + approval.id);
    return h('li', { 'data-approval': approval.id, 'data-status': approval.status, class: decided.done ? (decided.ok ? 'ok' : 'error') : 'waiting' },
      h('strong', { class: 'request-what' }, whatWasAsked(approval)), ' · request ', String(approval.id), ' · ',
      h('span', { class: 'approval-status' }, decided.done ? approval.status : 'waiting for a supervisor'),
      (approval.reasons || []).length && !decided.done ? h('span', { class: 'muted' }, ' (' + approval.reasons.map(reason => reason.reason).join(', ') + ')') : null,
      decided.done ? h('div', { class: 'approval-decision' }, decided.text) : null,
      withdraw);
  }

  async function read() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (stopped) {
      return;
    }
    try {
      const items = (await get('api/approvals' + query({ sessionId: callId, limit: 100 }))).body.items || [];
      if (stopped) {
        return;
      }
      // one that was waiting and is now posted changed the member's balances: read them again
      const posted = items.some(approval => decisionOf(approval).ok
        && requests.some(before => before.id === approval.id && isOpen(before)));
      requests = items;
      problem.hidden = true;
      // drawn again only when a request came or changed: a redraw every poll would take the keyboard
      // focus off a Withdraw button and make a screen reader read the list out again
      const seen = JSON.stringify(items.map(approval => [approval.id, approval.status, approval.outcome?.result ?? null]));
      if (seen !== shown) {
        shown = seen;
        const focused = list.contains(document.activeElement) ? document.activeElement.closest('li')?.dataset.approval : null;
        fill(list, items.map(item));
        if (focused) {
          (list.querySelector('li[data-approval="' + focused + '"] button') || section.querySelector('h2')).focus();
        }
      }
      section.hidden = items.length === 0;
      if (posted) {
        desk.refresh({ accounts: true }).catch(() => {});
      }
    } catch (failure) {
      fill(problem, 'The override requests could not be read: ', problemText(failure.body));
      problem.hidden = false;
      section.hidden = false;
    }
    if (!stopped && requests.some(isOpen)) {
      timer = setTimeout(read, EVERY_MS);
    }
  }

  read();
  return {
    read,
    /** A waiting request that asked for the same posting (same type, accounts and amount), or null. */
    repeatOf(body) {
      return requests.filter(isOpen).find(approval => approval.kind === 'POSTING'
        && SAME.every(name => (approval.request?.[name] ?? '') === (body[name] ?? ''))) || null;
    },
    stop() {
      stopped = true;
      if (timer) {
        clearTimeout(timer);
      }
    },
  };
}
