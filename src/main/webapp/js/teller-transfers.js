/**
 * Cash handed from one drawer to another, on the Drawer page: hand cash to another rep's open
 * drawer by denomination; accept cash handed to you with your own count (the pieces the sender
 * typed are not shown, so that the count is yours) or reject it; withdraw what you handed over and
 * is not yet accepted. Nothing here says what a drawer holds: the close stays blind.
 */
import { get, post, Problem } from './api.js';
import { h, fill, field, result, problemText, when } from './dom.js';
import { formatMoney } from './money.js';
import { countGrid, countText, centsText } from './denominations.js';

/** The panel, filled from the API; {@code answer} is the page's result box. */
export function transfersPanel(answer) {
  const panel = h('section', { id: 'transfers', class: 'card', 'aria-labelledby': 'transfers-h' });
  load();
  return panel;

  async function load() {
    try {
      show((await get('api/teller-transfers')).body);
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  /** Takes a step; on a refusal what was typed stays (to be corrected), unless the transfer itself has moved on. */
  async function act(path, body, done) {
    try {
      const transfer = (await post(path, body)).body;
      result(answer, 'ok', done(transfer));
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
      if (!(failure instanceof Problem) || failure.status !== 409) {
        return;
      }
    }
    await load();
  }

  function show(mine) {
    const pending = list => list.filter(transfer => transfer.state === 'PROPOSED');
    fill(panel, h('h2', { id: 'transfers-h' }, 'Hand cash to another drawer'),
      handOverForm(mine.openDrawers),
      h('h3', {}, 'Handed to you'),
      h('ul', { id: 'incoming-transfers', class: 'transfers' },
        mine.incoming.length ? mine.incoming.map(incoming) : h('li', { class: 'muted' }, 'Nothing today.')),
      h('h3', {}, 'Handed by you'),
      h('ul', { id: 'outgoing-transfers', class: 'transfers' },
        mine.outgoing.length ? mine.outgoing.map(outgoing) : h('li', { class: 'muted' }, 'Nothing today.')),
      h('p', { class: 'muted' }, pending(mine.incoming).length + pending(mine.outgoing).length
        ? 'The drawer cannot be closed while a transfer waits.' : ''),
      h('button', { type: 'button', id: 'transfers-reload', onclick: () => load() }, 'Read transfers again'));
  }

  function handOverForm(openDrawers) {
    if (!openDrawers.length) {
      return h('p', { id: 'transfer-none', class: 'muted' }, 'No other rep has an open drawer now.');
    }
    const to = h('select', { id: 'transfer-to' }, openDrawers.map(d => h('option', { value: d.rep }, d.rep + ' (drawer ' + d.drawerId + ')')));
    const grid = countGrid('transfer', 'Pieces handed over');
    return h('form', { id: 'transfer-form', onsubmit: event => {
      event.preventDefault();
      const { count, cents, bad } = grid.read();
      if (bad.length || cents === 0) {
        result(answer, 'error', 'Count the pieces you hand over (whole pieces).');
        return;
      }
      act('api/teller-transfers', { toRep: to.value, count }, transfer => 'Handed ' + formatMoney(centsText(cents)) + ' ('
        + countText(count) + ') to ' + transfer.toRep + ': it moves when they accept their count (transfer ' + transfer.id + ').');
    } }, field('To', to), grid.element, h('button', { type: 'submit', id: 'transfer-button' }, 'Hand over'));
  }

  function incoming(transfer) {
    const line = h('span', { class: 'transfer-line' }, 'From ' + transfer.fromRep + ': ' + formatMoney(transfer.amount) + ', '
      + transfer.state.toLowerCase() + (transfer.count ? ' (' + countText(transfer.count) + ')' : '') + ', ' + when(transfer.proposedAt));
    if (transfer.state !== 'PROPOSED') {
      return h('li', { id: 'incoming-' + transfer.id }, line);
    }
    const grid = countGrid('accept-' + transfer.id, 'Your count of the cash handed to you');
    const reason = h('input', { id: 'reject-reason-' + transfer.id, maxlength: 500 });
    return h('li', { id: 'incoming-' + transfer.id }, line,
      h('form', { id: 'accept-form-' + transfer.id, onsubmit: event => {
        event.preventDefault();
        const { count, cents, bad } = grid.read();
        if (bad.length || cents === 0) {
          result(answer, 'error', 'Count the pieces handed to you (whole pieces).');
          return;
        }
        act('api/teller-transfers/' + transfer.id + '/accept', { count },
          () => 'Accepted ' + formatMoney(transfer.amount) + ' from ' + transfer.fromRep + ' into your drawer.');
      } }, grid.element, h('button', { type: 'submit', id: 'accept-button-' + transfer.id }, 'Accept my count')),
      field('Reason to reject (optional)', reason),
      h('button', { type: 'button', id: 'reject-button-' + transfer.id, onclick: () => act('api/teller-transfers/' + transfer.id + '/reject',
        reason.value.trim() ? { reason: reason.value.trim() } : {}, () => 'Rejected the cash from ' + transfer.fromRep + '.') }, 'Reject'));
  }

  function outgoing(transfer) {
    const line = 'To ' + transfer.toRep + ': ' + formatMoney(transfer.amount) + ' (' + countText(transfer.count) + '), '
      + transfer.state.toLowerCase() + (transfer.reason ? ': ' + transfer.reason : '');
    return h('li', { id: 'outgoing-' + transfer.id }, h('span', { class: 'transfer-line' }, line), ' ',
      transfer.state === 'PROPOSED' ? h('button', { type: 'button', id: 'withdraw-button-' + transfer.id, onclick: () =>
        act('api/teller-transfers/' + transfer.id + '/withdraw', undefined, () => 'Withdrew the transfer to ' + transfer.toRep + '.') }, 'Withdraw') : null);
  }
}
