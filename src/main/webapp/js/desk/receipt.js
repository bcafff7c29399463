/**
 * The member's receipt of a posting, printed from the desk: the entry, what moved, the new
 * available balances with account numbers masked, the rep and the time in the credit union's zone.
 * The print is reported to the server first (each print is on the security log); the print
 * stylesheet shows the receipt alone on paper.
 */
import { post } from '../api.js';
import { h, fill, result, problemText, when } from '../dom.js';
import { formatMoney } from '../money.js';

/** "100001-S00" → "••••01-S00": enough for the member to know the account, not enough to use it. */
export function maskAccount(number) {
  const match = /^(\d+)-(\w+)$/.exec(number || '');
  return match ? '••••' + match[1].slice(-2) + '-' + match[2] : '••••';
}

/** A "Print receipt" button for a posted entry; the receipt is drawn into {@code box} and printed. */
export function receiptButton(posted, desk, box) {
  return h('button', { type: 'button', id: 'print-receipt', class: 'secondary', onclick: async () => {
    try {
      const printed = (await post('api/transactions/' + posted.entry.id + '/receipt', {})).body;
      fill(box, receipt(posted, desk, printed));
      box.hidden = false;
      window.print();
    } catch (failure) {
      result(box, 'error', problemText(failure.body));
    }
  } }, 'Print receipt');
}

function receipt(posted, desk, printed) {
  const entry = posted.entry;
  const memberLines = (entry.lines || []).filter(line => line.accountKind === 'MEMBER' && !line.masked);
  return h('article', { id: 'receipt', class: 'receipt', 'aria-label': 'Receipt' },
    h('h3', {}, 'Tally · member receipt'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Transaction'), h('dd', { id: 'receipt-type' }, entry.type.replaceAll('_', ' ').toLowerCase()),
      h('dt', {}, 'Entry'), h('dd', { id: 'receipt-entry' }, String(entry.id)),
      h('dt', {}, 'Posted'), h('dd', { id: 'receipt-time' }, when(entry.postedAt)),
      h('dt', {}, 'Business date'), h('dd', {}, entry.businessDate),
      h('dt', {}, 'Served by'), h('dd', { id: 'receipt-rep' }, desk.me?.displayName || entry.postedBy)),
    h('table', {}, h('caption', {}, 'Amounts'),
      h('tbody', {}, memberLines.map(line => h('tr', {},
        h('td', {}, maskAccount(line.account)), h('td', {}, line.side === 'DEBIT' ? 'from' : 'to'),
        h('td', { class: 'amount' }, formatMoney(line.amount)))))),
    h('table', {}, h('caption', {}, 'New available balance'),
      h('tbody', {}, (posted.balances || []).map(balance => h('tr', { class: 'receipt-balance' },
        h('td', {}, maskAccount(balance.account)), h('td', { class: 'amount' }, formatMoney(balance.availableBalance)))))),
    h('p', { class: 'muted' }, 'Printed ', when(printed.printedAt), ' by ', printed.printedBy, '.'));
}
