/**
 * The supervisor's approval queue: every pending override request, oldest first, read again every
 * five seconds. Each shows what was asked in words and money, for which member and by whom
 * (approval-text.js), why it needs an override phrased for the supervisor (the policies' messages
 * speak to the rep), and the balances checked when it was asked, labelled rather than by the API's
 * field names; the supervisor approves or denies it with a reason. A request the supervisor made
 * themselves is shown, but only another supervisor can decide it.
 */
import { get, post, query } from '../api.js';
import { h, fill, field, result, problemText, when, clockTime, shortRef } from '../dom.js';
import { formatMoney } from '../money.js';
import { decisionOf } from '../approval-wait.js';
import { accountWords, fieldWords, reasonForSupervisor, requestSentence, words } from '../approval-text.js';

const EVERY_MS = 5000;
const AMOUNT_FIELDS = /amount|balance|limit|fee|payoff|total|expected|counted|over|short/i;

/** Labels of the fields a request and its balances carry; a field not named here is shown as words. */
const LABELS = {
  type: 'Type', tender: 'Tender', fromAccount: 'From', toAccount: 'To', loanAccount: 'Loan', amount: 'Amount',
  instrument: 'Instrument', fee: 'Fee', feeWaived: 'Fee waived', memo: 'Memo', sessionId: 'Call or visit',
  businessDate: 'Business date', denominations: 'Count', entryId: 'Entry', reasonCode: 'Reason',
  account: 'Account', ledgerBalance: 'Ledger balance', availableBalance: 'Available',
  drawerId: 'Drawer', drawer: 'Drawer', expected: 'Expected', counted: 'Counted',
};
const ACCOUNT_FIELDS = new Set(['fromAccount', 'toAccount', 'loanAccount', 'account']);

/** One value as a person reads it: money as money, accounts by type, API names as words, a count as "50 × $100". */
function valueText(approval, name, value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (name === 'denominations' && typeof value === 'object') {
    return Object.entries(value).map(([unit, count]) => count + ' × ' + formatMoney(unit)).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([key, inner]) => fieldWords(key) + ' ' + valueText(approval, key, inner)).join(', ');
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (name === 'sessionId') {
    return shortRef(value);
  }
  if (ACCOUNT_FIELDS.has(name)) {
    return accountWords(approval, value) + ' (' + value + ')';
  }
  if (AMOUNT_FIELDS.test(name) && /^-?\d+(\.\d+)?$/.test(String(value))) {
    return formatMoney(value);
  }
  if (/^[A-Z][A-Z_]+$/.test(String(value))) {
    return words(value);
  }
  return String(value);
}

/** A JSON object's fields as a definition list with labels, not API names. */
/** Fields a held sanctions review keeps for carrying the action out, not for reading: the SSN sealed to the hold. */
const NOT_SHOWN = new Set(['ssnSealed', 'sealContext']);

function shown(value) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return value;
  }
  return Object.fromEntries(Object.entries(value).filter(([name]) => !NOT_SHOWN.has(name)).map(([name, inner]) => [name, shown(inner)]));
}

function facts(approval, object, className) {
  return h('dl', { class: 'facts ' + (className || '') }, Object.entries(shown(object) || {}).flatMap(([name, value]) => [
    h('dt', {}, LABELS[name] || fieldWords(name)),
    h('dd', { 'data-field': name }, valueText(approval, name, value))]));
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
        result(decided, outcome.ok ? 'ok' : 'info', 'Request ' + request.id + ' (' + requestSentence(request) + '): ',
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
      h('h3', { class: 'approval-sentence' }, requestSentence(request)),
      h('p', { class: 'muted' }, 'Request ', String(request.id), ' · ', words(request.kind), ' · asked at ', when(request.requestedAt),
        request.sessionId ? [' in call ', h('abbr', { title: request.sessionId }, shortRef(request.sessionId))] : '', ' · expires ', when(request.expiresAt)),
      h('h4', {}, 'Why it needs a supervisor'),
      h('ul', { class: 'approval-reasons' }, (request.reasons || []).map(item =>
        h('li', { 'data-reason': item.reason }, reasonForSupervisor(item, request), ' ', h('small', { class: 'muted' }, '(' + item.reason + ')')))),
      h('h4', {}, 'What was asked'), facts(request, request.request, 'asked'),
      (request.balancesChecked || []).length ? [h('h4', {}, 'Balances when it was asked'),
        h('ul', { class: 'balances' }, request.balancesChecked.map(balance => h('li', {}, facts(request, balance))))] : null,
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
      refreshed.textContent = items.length + ' pending · read at ' + clockTime() + ' (every 5 s)';
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
