/**
 * The posting form: deposit, withdrawal, transfer, loan payment (with its payoff quote) and official
 * check, inside the verified call. The answer is the posted entry with the new balances, or the
 * wait for a supervisor's override (202) and then the decision, or the problem in plain words.
 */
import { api, get, newIdempotencyKey, Problem, uiState } from '../api.js';
import { h, fill, field, table, result, problemText } from '../dom.js';
import { formatMoney, moneyInput, parseAmount } from '../money.js';
import { awaitApproval } from '../approval-wait.js';
import { whatWasAsked } from '../approval-text.js';
import { receiptButton } from './receipt.js';

/**
 * Names for people; what each type needs (tenders, fields, verification, instrument fees) is the
 * server's answer to GET api/posting-types, never kept here. A type the server adds shows by its name.
 */
const LABELS = { DEPOSIT: 'Deposit', WITHDRAWAL: 'Withdrawal', TRANSFER: 'Transfer', LOAN_PAYMENT: 'Loan payment', OFFICIAL_CHECK: 'Official check' };
const INSTRUMENTS = { MONEY_ORDER: 'Money order', CASHIERS_CHECK: 'Cashier\'s check' };
const LEVELS = ['NONE', 'BASIC', 'STRONG'];
const named = (labels, name) => labels[name] || name.replaceAll('_', ' ').toLowerCase();

let postingTypesAnswer = null;

/** What the server asks of each posting type, read once per console (it changes only with a new release). */
export function postingTypes() {
  if (!postingTypesAnswer) {
    postingTypesAnswer = get('api/posting-types').then(reply => reply.body.postingTypes, failure => {
      postingTypesAnswer = null;
      throw failure;
    });
  }
  return postingTypesAnswer;
}

export function postingPanel(section, desk, types) {
  const TYPES = Object.fromEntries(types.map(spec => [spec.type, spec]));
  let stopWaiting = () => {};
  let lastBody = null;
  let lastKey = null;
  let confirmedRepeat = null;

  const type = h('select', { id: 'posting-type', name: 'type', accesskey: 'p' },
    types.map(spec => h('option', { value: spec.type }, named(LABELS, spec.type))));
  const tender = h('select', { id: 'posting-tender', name: 'tender' });
  const fromAccount = h('select', { id: 'posting-from', name: 'fromAccount' });
  const toAccount = h('input', { id: 'posting-to', name: 'toAccount', list: 'member-accounts', maxlength: 40, autocomplete: 'off' });
  const loanAccount = h('select', { id: 'posting-loan', name: 'loanAccount' });
  const instrument = h('select', { id: 'posting-instrument', name: 'instrument' });
  const amount = moneyInput(h('input', { id: 'posting-amount', name: 'amount', required: true, maxlength: 20 }));
  const memo = h('input', { id: 'posting-memo', name: 'memo', maxlength: 200, autocomplete: 'off' });
  // an official check's payee is screened against the sanctions list; none: payable to the member
  const payee = h('input', { id: 'posting-payee', name: 'payee', maxlength: 100, autocomplete: 'off' });
  const payeeField = field('Payee', payee, 'blank: the member');
  const accountsList = h('datalist', { id: 'member-accounts' });
  const payoff = h('div', { id: 'payoff', class: 'muted' });
  const answer = h('div', { id: 'post-result', hidden: true });
  const receiptBox = h('div', { id: 'receipt-box', hidden: true });
  const submit = h('button', { type: 'submit', id: 'post-button' }, 'Post');
  const needsLevel = h('p', { id: 'posting-level', class: 'muted', 'aria-live': 'polite' });

  const wrappers = {
    tender: field('Tender', tender),
    fromAccount: field('From account', fromAccount),
    toAccount: field('To account', toAccount, 'one of the member\'s, or another member\'s account number'),
    loanAccount: h('div', {}, field('Loan', loanAccount),
      h('button', { type: 'button', id: 'payoff-button', onclick: quotePayoff }, 'Payoff quote'), payoff),
    instrument: field('Instrument', instrument),
  };

  const form = h('form', { id: 'posting-form', onsubmit: send },
    field('Transaction', type, 'Alt+P'),
    needsLevel,
    Object.values(wrappers),
    payeeField,
    field('Amount', amount, 'typed as money: 125 or 125.00'),
    field('Memo', memo),
    submit, accountsList);
  fill(section, h('h2', { id: 'posting-h' }, 'Post'), form, answer);

  function isOtherMembers(accountNumber) {
    const written = accountNumber.trim();
    return written !== '' && !desk.memberFile.accounts.some(account => account.accountNumber === written);
  }

  function fillAccounts(file) {
    const open = file.accounts.filter(account => account.status !== 'CLOSED');
    const deposits = open.filter(account => account.type !== 'LOAN');
    const keepFrom = fromAccount.value;
    const keepLoan = loanAccount.value;
    fill(fromAccount, deposits.map(account => h('option', { value: account.accountNumber },
      account.accountNumber + ' ' + account.type + ' · ' + formatMoney(account.availableBalance) + ' available')));
    fill(loanAccount, open.filter(account => account.type === 'LOAN').map(account => h('option', { value: account.accountNumber },
      account.accountNumber + ' · owed ' + formatMoney(account.ledgerBalance))));
    fill(accountsList, deposits.map(account => h('option', { value: account.accountNumber }, account.type)));
    if (keepFrom) fromAccount.value = keepFrom;
    if (keepLoan) loanAccount.value = keepLoan;
  }

  function arrange() {
    const spec = TYPES[type.value];
    // cash changes hands only at the counter: a visit-only tender is offered in a branch visit, never on the phone
    const atCounter = desk.call.channel === 'BRANCH';
    const offered = spec.tenderRequired ? spec.tenders.filter(offer => !offer.visitOnly || atCounter) : [];
    fill(tender, offered.map(offer => h('option', { value: offer.tender }, offer.tender.replaceAll('_', ' ').toLowerCase())));
    fill(instrument, (spec.instruments || []).map(offer => h('option', { value: offer.instrument },
      named(INSTRUMENTS, offer.instrument) + ' (' + offer.fee + ' fee)')));
    showFields();
    fill(payoff);
  }

  function showFields() {
    const spec = TYPES[type.value];
    const offer = spec.tenderRequired ? spec.tenders.find(candidate => candidate.tender === tender.value) : null;
    const needs = new Set(offer ? offer.fields : spec.fields);
    if (spec.tenderRequired) needs.add('tender');
    for (const [name, wrapper] of Object.entries(wrappers)) {
      wrapper.hidden = !needs.has(name);
    }
    payeeField.hidden = type.value !== 'OFFICIAL_CHECK';
    // the server decides; this only says ahead of time what it will ask for (another member's account may need more)
    const toOther = needs.has('toAccount') && isOtherMembers(toAccount.value);
    const level = toOther ? spec.verificationToAnotherMember : spec.verification;
    if (!level) {
      needsLevel.textContent = 'No call allows this into another member\'s account.';
      needsLevel.className = 'error';
      return needs;
    }
    const short = LEVELS.indexOf(desk.call.level) < LEVELS.indexOf(level);
    needsLevel.textContent = 'Needs ' + level + ' verification' + (short ? ': this call is ' + desk.call.level + '.' : '.');
    needsLevel.className = short ? 'error' : 'muted';
    return needs;
  }

  async function quotePayoff() {
    try {
      const quote = (await get('api/accounts/' + encodeURIComponent(loanAccount.value) + '/payoff')).body;
      result(payoff, 'plain', 'Payoff as of ', quote.asOf, ': ', h('strong', { id: 'payoff-amount' }, formatMoney(quote.payoff)),
        ' (principal ', formatMoney(quote.principal), ', interest ', formatMoney(quote.interest),
        ', late fees ', formatMoney(quote.lateFees), ')');
    } catch (failure) {
      result(payoff, 'error', problemText(failure.body));
    }
  }

  async function send(event) {
    event.preventDefault();
    const money = parseAmount(amount.value);
    if (!money) {
      result(answer, 'error', 'Type the amount as money, for example 125.00.');
      amount.focus();
      return;
    }
    amount.value = money;
    const needs = showFields();
    const body = { type: type.value, amount: money, sessionId: desk.call.id };
    if (needs.has('tender')) body.tender = tender.value;
    if (needs.has('fromAccount')) body.fromAccount = fromAccount.value;
    if (needs.has('toAccount')) body.toAccount = toAccount.value.trim();
    if (needs.has('loanAccount')) body.loanAccount = loanAccount.value;
    if (needs.has('instrument')) body.instrument = instrument.value;
    if (memo.value.trim()) body.memo = memo.value.trim();
    if (type.value === 'OFFICIAL_CHECK' && payee.value.trim()) body.payee = payee.value.trim();
    // the same request sent again (after a lost answer) keeps its key, so it can never post twice
    const text = JSON.stringify(body);
    // a posting that repeats one still waiting for a supervisor may be a mistake (both could be
    // approved): the rep is told and must confirm; it is not blocked, the member may want both
    const repeat = desk.requests.repeatOf(body);
    if (repeat && confirmedRepeat !== text) {
      askToRepeat(repeat, text);
      return;
    }
    confirmedRepeat = null;
    const key = text === lastBody && lastKey ? lastKey : newIdempotencyKey();
    lastBody = text;
    lastKey = key;
    stopWaiting();
    submit.disabled = true;
    try {
      const reply = await api('POST', 'api/transactions', { body, headers: { 'Idempotency-Key': key } });
      lastBody = null;
      if (reply.status === 202) {
        desk.requests.read();
        stopWaiting = awaitApproval(answer, reply.body, (posted, decided) => {
          showPosted(posted, decided);
          desk.refresh({ accounts: true }).catch(() => {});
        });
      } else {
        showPosted(reply.body);
        amount.value = '';
        memo.value = '';
        payee.value = '';
      }
    } catch (failure) {
      if (failure instanceof Problem && failure.status !== 0) {
        lastBody = null;
      }
      result(answer, 'error', problemText(failure.body), failure.body.payoff ? ' Payoff: ' + formatMoney(failure.body.payoff) : '');
    } finally {
      submit.disabled = false;
      desk.refresh({ accounts: true }).catch(() => {});
    }
  }

  function askToRepeat(repeat, text) {
    const again = h('button', { type: 'button', id: 'post-again', onclick: () => {
      confirmedRepeat = text;
      form.requestSubmit();
    } }, 'Post it again');
    const keep = h('button', { type: 'button', id: 'post-keep', class: 'secondary', onclick: () => {
      result(answer, 'info', 'Not posted: request ' + repeat.id + ' still waits for a supervisor.');
    } }, 'Do not post');
    result(answer, 'waiting', h('p', { id: 'repeat-warning' }, h('strong', {}, 'This repeats a waiting request. '),
      whatWasAsked(repeat), ' already waits for a supervisor (request ' + repeat.id + '). If both are approved, both are posted.'),
    h('p', {}, again, ' ', keep));
    again.focus();
  }

  function showPosted(posted, decided) {
    const entry = posted.entry;
    fill(receiptBox);
    receiptBox.hidden = true;
    const allocation = posted.loanAllocation;
    result(answer, 'ok',
      decided ? h('p', { class: 'approval-decision' }, decided) : null,
      h('p', {}, h('strong', {}, 'Posted'), ' ', entry.type.replaceAll('_', ' ').toLowerCase(), ' · entry ',
        h('span', { id: 'posted-entry' }, String(entry.id)), ' · business date ', entry.businessDate,
        entry.memo ? h('span', {}, ' · memo ', h('q', { class: 'memo' }, entry.memo)) : ''),
      allocation ? h('p', {}, 'Applied: interest ', formatMoney(allocation.interest), ', principal ',
        formatMoney(allocation.principal), ', late fees ', formatMoney(allocation.lateFees)) : null,
      table(['Account', 'Ledger balance', 'Available'], (posted.balances || []).map(balance =>
        [balance.account, formatMoney(balance.ledgerBalance), formatMoney(balance.availableBalance)]), 'New balances'),
      (posted.holds || []).length ? h('p', {}, 'Held: ', posted.holds.map(hold => formatMoney(hold.amount) + ' until ' + hold.releaseOn).join(', ')) : null,
      h('p', {}, receiptButton(posted, desk, receiptBox)), receiptBox);
  }

  // the type and tender chosen stay chosen when the desk is drawn again or the rep comes back to it
  const keep = () => uiState.set('desk.posting', { type: type.value, tender: tender.value });
  type.addEventListener('change', () => {
    arrange();
    keep();
  });
  tender.addEventListener('change', () => {
    showFields();
    keep();
  });
  toAccount.addEventListener('change', showFields);
  section.addEventListener('tally:call', showFields);
  section.addEventListener('tally:accounts', event => {
    fillAccounts(event.detail);
    showFields();
  });
  fillAccounts(desk.memberFile);
  const kept = uiState.get('desk.posting') || {};
  if (kept.type && TYPES[kept.type]) {
    type.value = kept.type;
  }
  arrange();
  if (kept.tender && Array.from(tender.options).some(option => option.value === kept.tender)) {
    tender.value = kept.tender;
    showFields();
  }
  return () => stopWaiting();
}
