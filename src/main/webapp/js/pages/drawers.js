/**
 * The supervisor's drawers of a business day: each rep's drawer with its state, the cash that went
 * in and out (members, the vault, other drawers), its opening difference,
 * over/short once counted and its flags, the vault and over/short GL balances; a drawer counted out
 * of tolerance is approved here with a reason (never one's own drawer).
 */
import { get, post, query } from '../api.js';
import { h, fill, field, result, problemText, dateInput } from '../dom.js';
import { formatMoney } from '../money.js';

/** A flow, or a dash where it is withheld (one's own drawer before its count). */
function flow(amount) {
  return amount === undefined ? '—' : formatMoney(amount);
}

function render(main, { me }) {
  const date = dateInput({ id: 'drawers-date', accesskey: 'f' });
  const list = h('div', { id: 'drawers-list' });
  const answer = h('div', { id: 'drawers-result', hidden: true });

  async function show(event) {
    event?.preventDefault();
    try {
      const day = (await get('api/drawers' + query({ businessDate: date.value }))).body;
      date.value = day.businessDate;
      fill(list,
        h('p', {}, 'Vault cash ', h('strong', { id: 'vault-cash' }, formatMoney(day.vaultCash)),
          ' · cash over/short (5900) ', h('strong', {}, formatMoney(day.cashOverShort))),
        day.drawers.length === 0 ? h('p', { class: 'muted' }, 'No drawer was opened on ' + day.businessDate + '.') :
          h('table', {}, h('caption', {}, 'Drawers of ' + day.businessDate),
            h('thead', {}, h('tr', {}, ['Drawer', 'Rep', 'State', 'Cash in', 'Cash out', 'Vault in / out', 'Other drawers in / out', 'Opening difference', 'Over/short', 'Flags', ''].map(text => h('th', { scope: 'col' }, text)))),
            h('tbody', {}, day.drawers.map(drawer => h('tr', { 'data-drawer': drawer.id, 'data-state': drawer.state },
              h('td', {}, String(drawer.id)), h('td', {}, drawer.owner), h('td', { class: 'state' }, drawer.state),
              // a supervisor's own drawer counts blind: its flows are not shown until it is counted
              h('td', { class: 'amount cash-in' }, flow(drawer.cashIn)), h('td', { class: 'amount cash-out' }, flow(drawer.cashOut)),
              h('td', { class: 'amount' }, flow(drawer.vaultIn) + ' / ' + flow(drawer.vaultOut)),
              h('td', { class: 'amount' }, flow(drawer.handedIn) + ' / ' + flow(drawer.handedOut)),
              h('td', { class: 'amount' }, formatMoney(drawer.openingDifference)),
              h('td', { class: 'amount over-short' }, drawer.overShort === undefined ? 'not counted' : formatMoney(drawer.overShort)),
              h('td', {}, (drawer.flags || []).map(flag => h('span', { class: 'flag', title: flag.detail }, flag.flag))),
              h('td', {}, drawer.state === 'AWAITING_APPROVAL' ? approveForm(drawer) : ''))))));
      result(answer, 'plain', day.drawers.length + ' drawer(s) on ' + day.businessDate + '.');
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  function approveForm(drawer) {
    if (drawer.owner === me.username) {
      return h('span', { class: 'muted' }, 'your own drawer: another supervisor approves it');
    }
    if (!drawer.closeApproval) {
      return h('span', { class: 'muted' }, 'no approval request waits: the rep asks again');
    }
    // the close waits in the approval queue like any override; it is decided here or on Approvals
    const reason = h('input', { id: 'close-reason-' + drawer.id, maxlength: 500, required: true, autocomplete: 'off', 'aria-label': 'Reason' });
    return h('form', { class: 'inline', onsubmit: async event => {
      event.preventDefault();
      try {
        const approval = (await post('api/approvals/' + drawer.closeApproval + '/approve', { reason: reason.value.trim() })).body;
        await show();
        result(answer, 'ok', 'Close of drawer ' + drawer.id + ' (' + drawer.owner + '): ' + approval.status
          + (approval.outcome ? ', ' + approval.outcome.result + (approval.outcome.code ? ' ' + approval.outcome.code : '') : '') + '.');
      } catch (failure) {
        result(answer, 'error', problemText(failure.body));
      }
    } }, reason, h('button', { type: 'submit', class: 'approve-close' }, 'Approve close'));
  }

  main.append(h('h1', {}, 'Drawers'),
    h('section', { class: 'card' },
      h('form', { id: 'drawers-form', class: 'inline', onsubmit: show },
        field('Business date', date, 'Alt+F; empty: today\'s'), h('button', { type: 'submit' }, 'Show')),
      answer, list));
  show();
}

export default { id: 'drawers', title: 'Drawers', roles: ['SUPERVISOR'], shortcuts: [['Alt+F', 'business date']], render };
