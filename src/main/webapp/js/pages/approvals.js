/**
 * The supervisor's approval queue: every pending override request, oldest first, read again every
 * five seconds. Each shows what was asked, by whom and in which call, why it needs an override, and
 * the balances checked when it was asked; the supervisor approves or denies it with a reason. A
 * request the supervisor made themselves is shown, but only another supervisor can decide it.
 */
import { get, post, query } from '../api.js';
import { h, fill, field, result, problemText, when } from '../dom.js';
import { formatMoney } from '../money.js';
import { decisionOf } from '../approval-wait.js';

const EVERY_MS = 5000;
const AMOUNT_FIELDS = /amount|balance|limit|fee|payoff/i;

/** A JSON object's fields as a definition list, amounts as money. */
function facts(object, className) {
  return h('dl', { class: 'facts ' + (className || '') }, Object.entries(object || {}).flatMap(([name, value]) => [
    h('dt', {}, name),
    h('dd', { 'data-field': name }, typeof value === 'object' && value !== null ? JSON.stringify(value)
      : AMOUNT_FIELDS.test(name) && /^-?\d+(\.\d+)?$/.test(String(value)) ? formatMoney(value) : String(value))]));
}

function render(main, { me }) {
  const queue = h('div', { id: 'approval-queue', 'aria-live': 'polite' });
  const refreshed = h('p', { id: 'queue-refreshed', class: 'muted' }, 'Reading the queue…');
  const decided = h('div', { id: 'approval-decided', hidden: true });
  const cards = new Map();
  let timer = null;
  let stopped = false;

  function card(request) {
    const own = request.requestedBy === me.username;
    const reason = h('input', { id: 'decision-reason-' + request.id, maxlength: 500, autocomplete: 'off', required: true });
    const answer = h('div', { class: 'decision-result', hidden: true });
    const decide = async (action, event) => {
      event?.preventDefault();
      if (!reason.value.trim()) {
        result(answer, 'error', 'Say why (the reason is kept with the decision).');
        reason.focus();
        return;
      }
      try {
        const approval = (await post('api/approvals/' + request.id + '/' + action, { reason: reason.value.trim() })).body;
        const outcome = decisionOf(approval);
        result(decided, outcome.ok ? 'ok' : 'info', 'Request ' + request.id + ' (' + request.summary + '): ',
          outcome.done ? outcome.text : approval.status);
        cards.get(request.id)?.remove();
        cards.delete(request.id);
      } catch (failure) {
        result(answer, 'error', problemText(failure.body));
      }
    };
    const form = own
      ? h('p', { class: 'own-request error' }, 'Your own request: another supervisor must decide it.')
      : h('form', { class: 'decision', onsubmit: event => decide('approve', event) },
        field('Reason', reason, 'required; kept with the decision'),
        h('button', { type: 'submit', class: 'approve', 'data-approval': request.id }, 'Approve'),
        h('button', { type: 'button', class: 'deny secondary', 'data-approval': request.id, onclick: () => decide('deny') }, 'Deny'));
    return h('article', { class: 'card approval', 'data-approval': request.id, 'data-maker': request.requestedBy, tabindex: '-1' },
      h('h3', {}, 'Request ', request.id, ' · ', request.kind, ' · ', request.summary),
      h('p', { class: 'muted' }, 'Asked by ', h('strong', { class: 'maker' }, request.requestedBy), ' at ', when(request.requestedAt),
        request.sessionId ? ' in call ' + request.sessionId : '', request.memberNumber ? ' for member ' + request.memberNumber : '',
        ' · expires ', when(request.expiresAt)),
      h('h4', {}, 'Why it needs an override'),
      h('ul', { class: 'approval-reasons' }, (request.reasons || []).map(item =>
        h('li', { 'data-reason': item.reason }, h('strong', {}, item.reason), item.message ? ': ' + item.message : ''))),
      h('h4', {}, 'What was asked'), facts(request.request, 'asked'),
      (request.balancesChecked || []).length ? [h('h4', {}, 'Balances checked'),
        h('ul', { class: 'balances' }, request.balancesChecked.map(balance => h('li', {}, facts(balance))))] : null,
      form, answer);
  }

  async function read() {
    timer = null;
    try {
      const items = (await get('api/approvals' + query({ status: 'PENDING', limit: 100 }))).body.items;
      const pending = new Set(items.map(item => item.id));
      for (const [id, element] of cards) {
        if (!pending.has(id)) {
          element.remove();
          cards.delete(id);
        }
      }
      // new requests are added; the ones shown stay as they are, so a reason being typed is kept
      for (const item of items) {
        if (!cards.has(item.id)) {
          const element = card(item);
          cards.set(item.id, element);
          queue.append(element);
        }
      }
      if (items.length === 0 && !queue.querySelector('.empty')) {
        fill(queue, h('p', { class: 'muted empty' }, 'Nothing waits for a decision.'));
      } else if (items.length) {
        queue.querySelector('.empty')?.remove();
      }
      refreshed.textContent = items.length + ' pending · read at ' + new Date().toLocaleTimeString() + ' (every 5 s)';
    } catch (failure) {
      refreshed.textContent = 'The queue could not be read: ' + problemText(failure.body);
    }
    if (!stopped) {
      timer = setTimeout(read, EVERY_MS);
    }
  }

  main.append(h('h1', {}, 'Approvals'),
    h('section', { class: 'card', 'aria-labelledby': 'queue-h' },
      h('h2', { id: 'queue-h' }, 'Waiting for a supervisor'),
      refreshed, decided, queue));
  read();
  return () => {
    stopped = true;
    if (timer) {
      clearTimeout(timer);
    }
  };
}

export default { id: 'approvals', title: 'Approvals', roles: ['SUPERVISOR'], shortcuts: [['Tab', 'the first request\'s reason; Enter approves']], render };
