/**
 * Opening and closing the verified member's accounts at the desk. Opening: the type (a
 * certificate with its term, rate and renewal), and the opening deposit by cash, check or transfer
 * from another of the member's accounts. Closing: how the balance leaves (transfer to another of
 * the member's accounts, official check mailed to the address on file, or cash at the counter),
 * and for a certificate before maturity whether to ask a supervisor to waive the penalty; that
 * request waits in the approval queue.
 */
import { api, newIdempotencyKey } from '../api.js';
import { h, fill, field, result, problemText } from '../dom.js';
import { awaitApproval } from '../approval-wait.js';
import { formatMoney } from '../money.js';

const TYPES = [['SHARE', 'Share'], ['SHARE_DRAFT', 'Share draft'], ['CERTIFICATE', 'Certificate']];
const TENDERS = [['CASH', 'Cash (visit)'], ['CHECK', 'Check'], ['ACCOUNT', 'Transfer from an account']];
const PAYOUTS = [['TRANSFER', 'Transfer to another account'], ['OFFICIAL_CHECK', 'Official check mailed to the address on file'],
  ['CASH', 'Cash (visit)'], ['NONE', 'Nothing to pay out (empty account)']];

/** How long an answer is shown again in a panel drawn anew for the accounts it changed. */
const NOTICE_MS = 10000;

/**
 * Shows the answer, and reads the accounts again: the panel is then drawn anew with the changed
 * accounts, and shows the answer there too.
 */
function announce(desk, section, id, text) {
  desk.lifecycleNotice = { id, text, at: Date.now() };
  result(section.querySelector('#' + id), 'ok', text);
  desk.refresh({ accounts: true }).catch(() => {});
}

/** Draws the panel from the member file; returns a function that stops a waiting approval's polling. */
export function lifecyclePanel(section, desk) {
  const open = (desk.memberFile.accounts || []).filter(account => account.status !== 'CLOSED');
  const options = accounts => accounts.map(account => h('option', { value: account.accountNumber },
    account.accountNumber + ' · ' + account.type + ' · ' + formatMoney(account.availableBalance)));
  const stops = [];

  const type = h('select', { id: 'open-type' }, TYPES.map(([value, label]) => h('option', { value }, label)));
  const term = h('input', { id: 'open-term', inputmode: 'numeric', maxlength: 2, placeholder: 'months', autocomplete: 'off' });
  const rate = h('input', { id: 'open-rate', maxlength: 9, placeholder: '0.0425', autocomplete: 'off' });
  const renew = h('input', { id: 'open-renew', type: 'checkbox' });
  const certificateFields = h('div', { id: 'open-certificate', hidden: true },
    field('Term (months)', term), field('Annual rate', rate, 'a fraction: 0.0425 is 4.25 %'), field('Renew at maturity', renew));
  const tender = h('select', { id: 'open-tender' }, TENDERS.map(([value, label]) => h('option', { value }, label)));
  const from = h('select', { id: 'open-from' }, options(open.filter(account => account.type === 'SHARE' || account.type === 'SHARE_DRAFT')));
  const fromField = h('div', { hidden: true }, field('From account', from));
  const amount = h('input', { id: 'open-amount', inputmode: 'decimal', required: true, autocomplete: 'off', placeholder: '0.00' });
  const opened = h('div', { id: 'open-result', hidden: true });
  type.onchange = () => { certificateFields.hidden = type.value !== 'CERTIFICATE'; };
  tender.onchange = () => { fromField.hidden = tender.value !== 'ACCOUNT'; };

  let openKey = null;
  let openSent = null;
  async function sendOpen(event) {
    event.preventDefault();
    const body = { type: type.value, deposit: { tender: tender.value, amount: amount.value.trim() } };
    if (type.value === 'CERTIFICATE') {
      body.termMonths = Number(term.value.trim());
      body.annualRate = rate.value.trim();
      body.renewAtMaturity = renew.checked;
    }
    if (tender.value === 'ACCOUNT') body.deposit.fromAccount = from.value;
    const text = JSON.stringify(body);
    // the same form sent again (a retry) keeps its key, so it cannot open a second account
    openKey = text === openSent && openKey ? openKey : newIdempotencyKey();
    openSent = text;
    try {
      const reply = (await api('POST', 'api/desk/accounts', { body, headers: { 'Idempotency-Key': openKey } })).body;
      const account = reply.account;
      announce(desk, section, 'open-result', 'Opened ' + account.accountNumber + ' (' + account.type + ')'
        + (account.maturityDate ? ', matures on ' + account.maturityDate : '')
        + (reply.depositResult === 'AWAITING_APPROVAL' ? '; the deposit waits for a supervisor.' : '; deposit posted.'));
    } catch (failure) {
      result(opened, 'error', problemText(failure.body));
    }
  }

  const closing = h('select', { id: 'close-account' }, options(open));
  const payout = h('select', { id: 'close-payout' }, PAYOUTS.map(([value, label]) => h('option', { value }, label)));
  const to = h('select', { id: 'close-to' }, options(open.filter(account => account.type === 'SHARE' || account.type === 'SHARE_DRAFT')));
  const toField = field('To account', to);
  const waive = h('input', { id: 'close-waive', type: 'checkbox' });
  const closed = h('div', { id: 'close-result', hidden: true });
  payout.onchange = () => { toField.hidden = payout.value !== 'TRANSFER'; };

  async function sendClose(event) {
    event.preventDefault();
    const body = { payout: payout.value };
    if (payout.value === 'TRANSFER') body.toAccount = to.value;
    if (waive.checked) body.waivePenalty = true;
    try {
      const reply = await api('POST', 'api/desk/accounts/' + encodeURIComponent(closing.value) + '/close',
        { body, headers: { 'Idempotency-Key': newIdempotencyKey() } });
      if (reply.status === 202) {
        stops.push(awaitApproval(closed, reply.body, () => desk.refresh({ accounts: true })));
        return;
      }
      const done = reply.body;
      announce(desk, section, 'close-result', 'Closed ' + done.accountNumber + ': ' + formatMoney(done.paidOut)
        + ' paid out by ' + done.payout.replaceAll('_', ' ').toLowerCase()
        + (done.penalty !== '0.00' ? ', penalty ' + formatMoney(done.penalty) + (done.penaltyWaived ? ' waived' : '') : '') + '.');
    } catch (failure) {
      result(closed, 'error', problemText(failure.body));
    }
  }

  fill(section, h('h2', { id: 'lifecycle-h' }, 'Open or close an account'),
    h('form', { id: 'open-form', onsubmit: sendOpen },
      h('h3', {}, 'Open account'), field('Type', type), certificateFields,
      field('Opening deposit by', tender), fromField, field('Amount', amount),
      h('button', { type: 'submit', id: 'open-button' }, 'Open account')),
    opened,
    h('form', { id: 'close-form', onsubmit: sendClose },
      h('h3', {}, 'Close account'), field('Account', closing), field('Balance leaves by', payout), toField,
      field('Ask a supervisor to waive an early-withdrawal penalty', waive),
      h('button', { type: 'submit', id: 'close-button' }, 'Close account')),
    closed);
  const notice = desk.lifecycleNotice;
  if (notice && Date.now() - notice.at < NOTICE_MS) {
    result(section.querySelector('#' + notice.id), 'ok', notice.text);
  }
  return () => stops.forEach(stop => stop());
}
