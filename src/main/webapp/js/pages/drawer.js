/**
 * The rep's cash drawer for the business day: open it with the vault's issue and an opening count,
 * buy from and sell to the vault by denomination, hand cash to another rep's drawer and take theirs
 * (teller-transfers.js), and close it with a blind count. The expected
 * cash is never on this page before the close count is in (the API does not give it either); the
 * answer to the count shows expected, counted and over/short, and whether the drawer closed or waits
 * for a supervisor because it is out of tolerance.
 */
import { get, post, Problem } from '../api.js';
import { h, fill, field, result, problemText, when } from '../dom.js';
import { formatMoney, moneyInput, parseAmount } from '../money.js';
import { countGrid, countText, centsText } from '../denominations.js';
import { transfersPanel } from '../teller-transfers.js';

function render(main) {
  const body = h('div', { id: 'drawer-page' });
  const answer = h('div', { id: 'drawer-result', hidden: true });
  main.append(h('h1', {}, 'Cash drawer'), answer, body);
  load();

  async function load(focusAnswer) {
    try {
      showDrawer((await get('api/drawers/current')).body);
    } catch (failure) {
      if (failure instanceof Problem && failure.code === 'NO_DRAWER') {
        showOpen();
      } else {
        result(answer, 'error', problemText(failure.body));
      }
    }
    if (focusAnswer) {
      answer.focus();
    }
  }

  function showOpen() {
    const issue = moneyInput(h('input', { id: 'vault-issue', required: true, maxlength: 20, accesskey: 'v' }));
    const grid = countGrid('open', 'Opening count');
    const difference = h('p', { id: 'open-difference', class: 'muted' });
    const compare = () => {
      const wanted = parseAmount(issue.value);
      const counted = centsText(grid.read().cents);
      difference.textContent = !wanted ? '' : wanted === counted ? 'The count matches the issue.'
        : 'The count differs from the issue (' + formatMoney(wanted) + '): the opening will be flagged.';
    };
    grid.element.addEventListener('tally:count', compare);
    issue.addEventListener('input', compare);
    fill(body, h('section', { class: 'card', 'aria-labelledby': 'open-h' },
      h('h2', { id: 'open-h' }, 'Open your drawer'),
      h('p', { class: 'muted' }, 'You have no drawer for today\'s business date. Take the vault\'s issue and count it.'),
      h('form', { id: 'open-form', onsubmit: async event => {
        event.preventDefault();
        const vaultIssue = parseAmount(issue.value);
        const { count, bad } = grid.read();
        if (!vaultIssue || bad.length) {
          result(answer, 'error', !vaultIssue ? 'Type the vault issue as money, e.g. 2000.00.' : 'Counts are whole pieces.');
          return;
        }
        try {
          const drawer = (await post('api/drawers', { vaultIssue, count })).body;
          result(answer, 'ok', 'Drawer ' + drawer.id + ' is open with ' + formatMoney(drawer.openingTotal) + '.');
          showDrawer(drawer);
          answer.focus();
        } catch (failure) {
          result(answer, 'error', problemText(failure.body));
        }
      } },
      field('Vault issue', issue, 'Alt+V; the cash the vault hands you'), grid.element, difference,
      h('button', { type: 'submit', id: 'open-drawer' }, 'Open drawer'))));
    issue.focus();
  }

  function showDrawer(drawer) {
    const flags = (drawer.flags || []).map(flag => flag.flag + (flag.detail ? ' (' + flag.detail + ')' : ''));
    const summary = h('section', { id: 'drawer-summary', class: 'card', 'aria-labelledby': 'drawer-h' },
      h('h2', { id: 'drawer-h' }, 'Drawer ', drawer.id, ' · ', drawer.businessDate),
      h('dl', { class: 'facts' },
        h('dt', {}, 'State'), h('dd', { id: 'drawer-state' }, drawer.state),
        h('dt', {}, 'Opened'), h('dd', {}, when(drawer.openedAt)),
        h('dt', {}, 'Vault issue'), h('dd', {}, formatMoney(drawer.vaultIssue)),
        h('dt', {}, 'Opening count'), h('dd', { id: 'drawer-opening' }, formatMoney(drawer.openingTotal)),
        h('dt', {}, 'Cash limit'), h('dd', {}, formatMoney(drawer.cashLimit)),
        h('dt', {}, 'Flags'), h('dd', { id: 'drawer-flags' }, flags.length ? flags.join('; ') : 'none')));
    if (drawer.state !== 'OPEN') {
      fill(body, summary, closedPanel(drawer));
      return;
    }
    fill(body, summary, h('div', { class: 'columns' }, vaultPanel(drawer), closePanel(drawer)), transfersPanel(answer));
  }

  function vaultPanel(drawer) {
    const direction = h('select', { id: 'vault-direction', accesskey: 'b' },
      h('option', { value: 'buy' }, 'Buy from the vault (cash in)'), h('option', { value: 'sell' }, 'Sell to the vault (cash out)'));
    const grid = countGrid('vault', 'Pieces');
    return h('section', { class: 'card', 'aria-labelledby': 'vault-h' }, h('h2', { id: 'vault-h' }, 'Vault'),
      h('form', { id: 'vault-form', onsubmit: async event => {
        event.preventDefault();
        const { count, cents, bad } = grid.read();
        if (bad.length || cents === 0) {
          result(answer, 'error', 'Count the pieces that move (whole pieces).');
          return;
        }
        try {
          const after = (await post('api/drawers/' + drawer.id + '/vault/' + direction.value, { count })).body;
          result(answer, 'ok', (direction.value === 'buy' ? 'Bought from' : 'Sold to') + ' the vault: '
            + formatMoney(centsText(cents)) + ' (' + countText(count) + ').');
          showDrawer(after);
          answer.focus();
        } catch (failure) {
          result(answer, 'error', problemText(failure.body));
        }
      } }, field('Move', direction, 'Alt+B'), grid.element, h('button', { type: 'submit', id: 'vault-button' }, 'Move cash')));
  }

  function closePanel(drawer) {
    const grid = countGrid('close', 'Closing count', { accesskey: 'l' });
    // a close cannot be taken back: the drawer takes no more cash, and the expected amount shows.
    // So an empty count is refused here, and the count is confirmed with its total before it is sent.
    const confirmation = h('div', { id: 'close-confirm', class: 'confirm', hidden: true });
    const send = async count => {
      try {
        const closed = (await post('api/drawers/' + drawer.id + '/close', { count })).body;
        showDrawer(closed);
        result(answer, closed.state === 'CLOSED' ? 'ok' : 'waiting', closeText(closed));
      } catch (failure) {
        confirmation.hidden = true;
        result(answer, 'error', problemText(failure.body));
      }
    };
    const ask = (count, cents) => {
      const confirm = h('button', { type: 'button', id: 'close-confirm-button', onclick: () => send(count) }, 'Close the drawer');
      fill(confirmation,
        h('p', { id: 'close-confirm-text' }, 'Close the drawer with ' + formatMoney(centsText(cents)) + ' counted ('
          + countText(count) + ')? After this the drawer takes no more cash.'),
        confirm, ' ',
        h('button', { type: 'button', id: 'close-change', onclick: () => { confirmation.hidden = true; grid.first().focus(); } }, 'Change the count'));
      confirmation.hidden = false;
      confirm.focus();
    };
    grid.element.addEventListener('tally:count', () => { confirmation.hidden = true; });
    return h('section', { class: 'card', 'aria-labelledby': 'close-h' }, h('h2', { id: 'close-h' }, 'Close: blind count'),
      h('p', { class: 'muted' }, 'Count everything in the drawer. What the drawer should hold is shown only after the count is in.'),
      h('form', { id: 'close-form', onsubmit: event => {
        event.preventDefault();
        const { count, cents, bad, typed } = grid.read();
        if (bad.length) {
          result(answer, 'error', 'Counts are whole pieces.');
          return;
        }
        if (!typed) {
          result(answer, 'error', 'The count is empty: type the pieces of each denomination (0 where the drawer has none).');
          grid.first().focus();
          return;
        }
        answer.hidden = true;
        ask(count, cents);
      } }, grid.element, h('button', { type: 'submit', id: 'close-button' }, 'Submit close count'), confirmation));
  }

  function closeText(drawer) {
    const overShort = drawer.overShort;
    const word = /^-/.test(overShort) ? 'short' : /^0(\.0+)?$/.test(overShort) ? 'in balance' : 'over';
    return 'Counted ' + formatMoney(drawer.closingTotal) + ', expected ' + formatMoney(drawer.expected) + ': '
      + (word === 'in balance' ? 'in balance' : word + ' ' + formatMoney(overShort.replace('-', ''))) + '. '
      + (drawer.state === 'CLOSED' ? 'The drawer is closed.' : 'Out of tolerance: the drawer waits for a supervisor\'s approval.');
  }

  function closedPanel(drawer) {
    return h('section', { id: 'drawer-closed', class: 'card', 'aria-labelledby': 'closed-h' },
      h('h2', { id: 'closed-h' }, drawer.state === 'CLOSED' ? 'Closed' : 'Counted: waiting for a supervisor'),
      drawer.state === 'AWAITING_APPROVAL' ? h('p', {}, h('button', { type: 'button', id: 'drawer-reload', onclick: () => load() }, 'Read again')) : null,
      h('p', { id: 'drawer-outcome' }, closeText(drawer)),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Counted at'), h('dd', {}, when(drawer.countedAt)),
        h('dt', {}, 'Closing count'), h('dd', {}, countText(drawer.closingCount)),
        drawer.closeApproval ? [h('dt', {}, 'Approval request'), h('dd', { id: 'drawer-close-approval' }, String(drawer.closeApproval))] : null,
        drawer.closeApprovedBy ? [h('dt', {}, 'Approved by'), h('dd', {}, drawer.closeApprovedBy + ': ' + drawer.closeReason)] : null),
      drawer.state === 'AWAITING_APPROVAL' ? h('p', {}, 'A supervisor decides in the approval queue. After a denial or expiry: ',
        h('button', { type: 'button', id: 'ask-again', onclick: async () => {
          try {
            showDrawer((await post('api/drawers/' + drawer.id + '/close/approval-request')).body);
            result(answer, 'waiting', 'Asked again: the close waits for a supervisor.');
          } catch (failure) {
            result(answer, 'error', problemText(failure.body));
          }
        } }, 'Ask again')) : null,
      h('table', {}, h('caption', {}, 'Cash movements'),
        h('thead', {}, h('tr', {}, ['When', 'Kind', 'Entry', 'In/out', 'Amount', 'Expected after'].map(text => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, (drawer.movements || []).map(move => h('tr', {},
          h('td', {}, when(move.at)), h('td', {}, move.kind), h('td', {}, String(move.entryId)), h('td', {}, move.direction),
          h('td', { class: 'amount' }, formatMoney(move.amount)), h('td', { class: 'amount' }, formatMoney(move.expectedAfter)))))));
  }
}

const shortcuts = [['Alt+V', 'vault issue (opening)'], ['Alt+B', 'vault buy or sell'], ['Alt+L', 'closing count: first denomination']];

export default { id: 'drawer', title: 'Drawer', roles: ['REP', 'SUPERVISOR'], shortcuts, render };
