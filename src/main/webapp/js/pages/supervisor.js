/**
 * The supervisor's home: find a member and read their file (supervisors see it without a call,
 * and each read is logged). Phone unlocks are asked by the rep in the call and decided on Approvals.
 */
import { get, query } from '../api.js';
import { h, field, table, result, problemText } from '../dom.js';
import { formatMoney } from '../money.js';

function render(main) {
  const search = h('input', { id: 'member-search', maxlength: 100, autocomplete: 'off', accesskey: 'f', placeholder: 'name, member, account or phone number' });
  const hits = h('div', { id: 'member-hits' });
  const file = h('div', { id: 'member-file', hidden: true });
  async function find(event) {
    event.preventDefault();
    try {
      const found = (await get('api/members' + query({ q: search.value, size: 20 }))).body;
      result(hits, 'plain', found.items.length === 0 ? 'No member found.' :
        h('table', {},
          h('caption', {}, found.total + ' found'),
          h('thead', {}, h('tr', {}, ['Member', 'Name', 'Status', 'SSN', ''].map(text => h('th', { scope: 'col' }, text)))),
          h('tbody', {}, found.items.map(member => h('tr', {},
            h('td', {}, member.memberNumber), h('td', {}, member.name), h('td', {}, member.status), h('td', {}, member.ssn),
            h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(member.memberNumber) }, 'Open')))))));
    } catch (failure) {
      result(hits, 'error', problemText(failure.body));
    }
  }

  async function open(memberNumber) {
    try {
      const member = (await get('api/members/' + encodeURIComponent(memberNumber))).body;
      result(file, 'plain',
        h('h3', {}, member.name, ' · member ', member.memberNumber),
        h('p', {}, member.status, ' · SSN ', member.ssn, ' · born ', member.dateOfBirth, ' · joined ', member.joinedOn,
          member.email ? ' · ' + member.email : ''),
        h('p', {}, (member.phones || []).map(phone => phone.kind + ' ' + phone.number).join(' · ')),
        table(['Account', 'Type', 'Status', 'Ledger balance', 'Available'], member.accounts.map(account =>
          [account.accountNumber, account.type, account.status, formatMoney(account.ledgerBalance), formatMoney(account.availableBalance)])));
    } catch (failure) {
      result(file, 'error', problemText(failure.body));
    }
  }

  main.append(
    h('h1', {}, 'Supervisor'),
    h('div', { class: 'columns' },
      h('section', { class: 'card wide', 'aria-labelledby': 'find-h' },
        h('h2', { id: 'find-h' }, 'Members'),
        h('form', { id: 'member-search-form', role: 'search', onsubmit: find }, field('Find a member', search, 'Alt+F'),
          h('button', { type: 'submit' }, 'Find')),
        hits, file),
      h('section', { class: 'card', 'aria-labelledby': 'unlock-h' },
        h('h2', { id: 'unlock-h' }, 'Phone unlocks'),
        h('p', {}, 'A member\'s phone access is unlocked on request: the rep asks inside the call, saying why, and a supervisor '
          + 'other than the rep approves it on ', h('a', { href: '#approvals' }, 'Approvals'), '.'))));
}

export default { id: 'supervisor', title: 'Supervisor', roles: ['SUPERVISOR'], homeFor: ['SUPERVISOR'], shortcuts: [['Alt+F', 'find a member']], render };
