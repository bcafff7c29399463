/**
 * The verified member's file: who they are, their accounts with balances, and an account's recent
 * history. The panel is drawn again after every posting; a history the rep left open is opened
 * again (read anew, with the posting in it) until the rep closes it.
 */
import { get, uiState } from '../api.js';
import { h, fill, table, result, problemText, when, shortRef } from '../dom.js';
import { formatMoney } from '../money.js';

export function accountsPanel(section, desk) {
  const file = desk.memberFile;
  const history = h('div', { id: 'history', hidden: true });
  const contacts = h('details', { id: 'recent-contacts', class: 'recent' });
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
      h('thead', {}, h('tr', {}, ['Account', 'Type', 'Status', 'Ledger balance', 'Available', 'Next payment', ''].map(text => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, file.accounts.map((account, index) => h('tr', { 'data-account': account.accountNumber },
        h('td', { class: 'number' }, account.accountNumber),
        h('td', {}, account.type),
        h('td', { class: 'status-' + account.status }, account.status),
        h('td', { class: 'amount ledger' }, formatMoney(account.ledgerBalance)),
        h('td', { class: 'amount available' }, formatMoney(account.availableBalance)),
        h('td', { class: 'due nowrap' }, account.nextDueDate
          ? formatMoney(account.paymentAmount) + ' due ' + account.nextDueDate : ''),
        h('td', {}, h('button', {
          type: 'button', class: 'link history-button', accesskey: index === 0 ? 'a' : false,
          onclick: () => {
            // the row's position and the call, not the account number: nothing about a member is stored
            uiState.set('desk.history', { call: desk.call.id, row: index });
            showHistory(history, account.accountNumber, true);
          },
        }, 'History')))))),
    history, contacts);
  showRecentContacts(contacts, desk);
  const kept = uiState.get('desk.history');
  if (kept && kept.call === desk.call.id && file.accounts[kept.row]) {
    showHistory(history, file.accounts[kept.row].accountNumber, false);
  }
}

/**
 * The member's last five calls and visits with their notes, read once per call (each read is on the
 * call log) and kept for the redraws after postings.
 */
async function showRecentContacts(box, desk) {
  const callId = desk.call.id;
  if (!desk.recentContacts || desk.recentContacts.call !== callId) {
    try {
      const answer = (await get('api/members/' + encodeURIComponent(desk.call.memberNumber) + '/recent-contacts')).body;
      desk.recentContacts = { call: callId, items: answer.items };
    } catch (failure) {
      fill(box, h('summary', {}, 'Last calls and visits'), h('p', { class: 'error' }, problemText(failure.body)));
      return;
    }
  }
  const items = desk.recentContacts.items;
  fill(box, h('summary', {}, 'Last calls and visits (' + items.length + ')'),
    items.length === 0 ? h('p', { class: 'muted' }, 'No earlier calls or visits.') :
      h('ol', { class: 'log' }, items.map(item => h('li', { 'data-contact': item.id },
        h('time', {}, when(item.startedAt)), ' ', item.channel === 'BRANCH' ? 'visit' : 'call', ' ',
        h('abbr', { title: item.id }, shortRef(item.id)), ' · ', item.handledBy, ' · ',
        (item.disposition || (item.endedAt ? 'ended' : 'open')).replaceAll('_', ' ').toLowerCase(),
        item.notes.length ? h('ul', { class: 'notes' }, item.notes.map(note => h('li', { class: 'contact-note' }, note))) : null))));
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
