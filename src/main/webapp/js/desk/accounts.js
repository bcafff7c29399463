/**
 * The verified member's file: who they are, their accounts with balances, and an account's recent
 * history. The panel is drawn again after every posting; a history the rep left open is opened
 * again (read anew, with the posting in it) until the rep closes it.
 */
import { get, uiState } from '../api.js';
import { h, fill, table, result, problemText, when } from '../dom.js';
import { formatMoney } from '../money.js';

export function accountsPanel(section, desk) {
  const file = desk.memberFile;
  const history = h('div', { id: 'history', hidden: true });
  const address = (file.addresses || []).find(candidate => candidate.primary) || (file.addresses || [])[0];
  const phone = (file.phones || []).find(candidate => candidate.primary) || (file.phones || [])[0];
  fill(section,
    h('h2', { id: 'member-h' }, 'Accounts'),
    h('p', { id: 'member-name', class: 'member' },
      h('strong', {}, file.name), ' · member ', file.memberNumber, ' · ', file.status,
      ' · SSN ', file.ssn,
      phone ? ' · ' + phone.number : '',
      address ? ' · ' + [address.line1, address.city, address.state, address.zip].filter(Boolean).join(', ') : ''),
    h('table', { id: 'accounts' },
      h('thead', {}, h('tr', {}, ['Account', 'Type', 'Status', 'Ledger balance', 'Available', ''].map(text => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, file.accounts.map((account, index) => h('tr', { 'data-account': account.accountNumber },
        h('td', { class: 'number' }, account.accountNumber),
        h('td', {}, account.type),
        h('td', { class: 'status-' + account.status }, account.status),
        h('td', { class: 'amount ledger' }, formatMoney(account.ledgerBalance)),
        h('td', { class: 'amount available' }, formatMoney(account.availableBalance)),
        h('td', {}, h('button', {
          type: 'button', class: 'link history-button', accesskey: index === 0 ? 'a' : false,
          onclick: () => {
            // the row's position and the call, not the account number: nothing about a member is stored
            uiState.set('desk.history', { call: desk.call.id, row: index });
            showHistory(history, account.accountNumber, true);
          },
        }, 'History')))))),
    history);
  const kept = uiState.get('desk.history');
  if (kept && kept.call === desk.call.id && file.accounts[kept.row]) {
    showHistory(history, file.accounts[kept.row].accountNumber, false);
  }
}

/** Reads and shows an account's history; it takes the focus when the rep asked for it, not when it is opened again by itself. */
async function showHistory(box, accountNumber, focus) {
  try {
    const answer = (await get('api/accounts/' + encodeURIComponent(accountNumber) + '/history?size=10')).body;
    const rows = answer.entries.map(entry => {
      const lines = entry.lines.filter(line => line.account === accountNumber);
      const debit = lines.filter(line => line.side === 'DEBIT').map(line => formatMoney(line.amount)).join(' ');
      const credit = lines.filter(line => line.side === 'CREDIT').map(line => formatMoney(line.amount)).join(' ');
      return [when(entry.postedAt), entry.type, String(entry.id), entry.memo || '',
        h('span', { class: 'nowrap' }, debit), h('span', { class: 'nowrap' }, credit)];
    });
    const close = h('button', { type: 'button', id: 'history-close', class: 'secondary', onclick: () => {
      uiState.set('desk.history', null);
      box.hidden = true;
      box.closest('section')?.querySelector('tr[data-account="' + CSS.escape(accountNumber) + '"] .history-button')?.focus();
    } }, 'Close history');
    (focus ? result : quietly)(box, 'plain',
      h('h3', {}, 'History of ', accountNumber, ' ', close),
      h('p', {}, 'Ledger ', formatMoney(answer.ledgerBalance), ' · available ', formatMoney(answer.availableBalance),
        answer.holds.length ? ' · ' + answer.holds.length + ' hold(s)' : ''),
      rows.length ? table(['Posted', 'Type', 'Entry', 'Memo', 'Debit', 'Credit'], rows) : h('p', {}, 'No entries yet.'));
  } catch (failure) {
    (focus ? result : quietly)(box, 'error', problemText(failure.body));
  }
}

/** As dom.js's result(), without taking the focus. */
function quietly(box, kind, ...children) {
  box.className = 'result ' + kind;
  fill(box, ...children);
  box.hidden = false;
  return box;
}
