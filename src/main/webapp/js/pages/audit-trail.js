/**
 * The auditor's trail: journal entries by member, account, staff, call, type, line amount and
 * business dates (newest first, paged), and the whole trail of one call in time order.
 */
import { download, get, query } from '../api.js';
import { h, fill, field, table, result, problemText, when, dateInput, shortRef } from '../dom.js';
import { formatMoney, moneyInput, parseAmount } from '../money.js';

const SIZE = 25;
/** An entry with more lines than this shows the first ones and folds the rest. */
const SHOWN_LINES = 3;

function lineText(line) {
  return line.side.charAt(0) + ' ' + line.account + ' ' + formatMoney(line.amount);
}

/** One line per row of text; a long entry keeps its row short, the rest one click away. */
function foldedLines(lines) {
  const rowOf = line => h('div', { class: 'line' }, lineText(line));
  if (lines.length <= SHOWN_LINES) {
    return lines.map(rowOf);
  }
  const shown = SHOWN_LINES - 1;
  return [lines.slice(0, shown).map(rowOf),
    h('details', { class: 'more-lines' }, h('summary', {}, (lines.length - shown) + ' more lines'), lines.slice(shown).map(rowOf))];
}

function render(main) {
  const inputs = {
    member: h('input', { id: 'trail-member', maxlength: 12, autocomplete: 'off', accesskey: 'f' }),
    account: h('input', { id: 'trail-account', maxlength: 40, autocomplete: 'off' }),
    staff: h('input', { id: 'trail-staff', maxlength: 100, autocomplete: 'off' }),
    call: h('input', { id: 'trail-call', maxlength: 40, autocomplete: 'off' }),
    type: h('select', { id: 'trail-type' }, h('option', { value: '' }, 'any')),
    minAmount: moneyInput(h('input', { id: 'trail-min', maxlength: 20 })),
    maxAmount: moneyInput(h('input', { id: 'trail-max', maxlength: 20 })),
    from: dateInput({ id: 'trail-from' }),
    to: dateInput({ id: 'trail-to' }),
  };
  const results = h('div', { id: 'trail-results', hidden: true });
  const csvResult = h('div', { id: 'trail-csv-result', hidden: true });
  const callId = h('input', { id: 'call-trail-id', maxlength: 40, required: true, autocomplete: 'off', accesskey: 'c' });
  const callTrail = h('div', { id: 'call-trail', hidden: true });
  let page = 0;
  // the entry types come from the server, so a new one is offered here without a console change
  get('api/audit/entry-types').then(reply => {
    inputs.type.append(...reply.body.entryTypes.map(name => h('option', { value: name }, name)));
  }, () => {});

  function filters() {
    const values = {};
    for (const [name, input] of Object.entries(inputs)) {
      values[name] = name.endsWith('Amount') ? (parseAmount(input.value) || input.value) : input.value;
    }
    return values;
  }

  /** The same filters as CSV (every matching entry, one row per line), saved from memory: the token never goes into a link. */
  async function downloadCsv() {
    try {
      const blob = await download('api/audit/trail.csv' + query(filters()), 'text/csv', 'tally-trail.csv');
      result(csvResult, 'ok', 'Downloaded tally-trail.csv: ', String((await blob.text()).split('\r\n').filter(Boolean).length - 1),
        ' journal lines.');
    } catch (failure) {
      result(csvResult, 'error', problemText(failure.body));
    }
  }

  async function search(wanted) {
    const values = { ...filters(), page: wanted, size: SIZE };
    try {
      const answer = (await get('api/audit/trail' + query(values))).body;
      page = answer.page;
      const rows = answer.items.map(entry => [
        String(entry.id), entry.businessDate, when(entry.postedAt), entry.type, entry.postedBy,
        entry.sessionId ? h('button', { type: 'button', class: 'link', title: entry.sessionId, 'aria-label': 'call ' + entry.sessionId,
          onclick: () => showCall(entry.sessionId) }, shortRef(entry.sessionId)) : '',
        entry.memo || '',
        foldedLines(entry.lines),
      ]);
      const grid = rows.length ? table(['Entry', 'Business date', 'Posted', 'Type', 'By', 'Call', 'Memo', 'Lines'], rows,
        'Page ' + (page + 1) + ' · ' + rows.length + ' entries') : null;
      grid?.classList.add('trail');
      result(results, 'plain', grid || h('p', {}, 'No entries match.'),
        h('div', { class: 'pager' },
          h('button', { type: 'button', disabled: page === 0, onclick: () => search(page - 1) }, 'Newer'),
          h('button', { type: 'button', disabled: rows.length < SIZE, onclick: () => search(page + 1) }, 'Older')));
    } catch (failure) {
      const param = failure.body?.param ? ' Filter: ' + failure.body.param + '.' : '';
      result(results, 'error', problemText(failure.body) + param);
    }
  }

  async function showCall(id) {
    callId.value = id;
    try {
      const answer = (await get('api/audit/calls/' + encodeURIComponent(id) + '/trail')).body;
      result(callTrail, 'plain', h('h3', {}, 'Call ', answer.callId),
        h('ol', { class: 'log' }, answer.items.map(item => item.kind === 'ENTRY'
          ? h('li', { class: 'entry' }, h('time', {}, when(item.at)), ' ', h('strong', {}, 'entry ' + item.entry.id),
            ' ', item.entry.type, ' by ', item.entry.postedBy, item.entry.memo ? h('span', {}, ' · memo ', h('q', {}, item.entry.memo)) : '',
            ' · ', item.entry.lines.map(lineText).join('; '))
          : h('li', { 'data-type': item.type }, h('time', {}, when(item.at)), ' ', h('strong', {}, item.type), ' ',
            item.staff, item.memberNumber ? ' · member ' + item.memberNumber : '',
            item.factor ? ' · ' + item.factor : '', item.outcome ? ' ' + item.outcome : '',
            item.detail ? ' — ' + item.detail : ''))));
    } catch (failure) {
      result(callTrail, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'Audit trail'),
    h('section', { class: 'card wide', 'aria-labelledby': 'trail-h' },
      h('h2', { id: 'trail-h' }, 'Search journal entries'),
      h('form', { id: 'trail-form', class: 'filters', onsubmit: event => { event.preventDefault(); search(0); } },
        field('Member', inputs.member, 'Alt+F'), field('Account or GL code', inputs.account), field('Staff', inputs.staff),
        field('Call', inputs.call), field('Type', inputs.type), field('Line amount from', inputs.minAmount),
        field('to', inputs.maxAmount), field('Business date from', inputs.from), field('to', inputs.to),
        h('button', { type: 'submit', id: 'trail-search' }, 'Search'),
        h('button', { type: 'button', id: 'trail-csv', class: 'secondary', onclick: downloadCsv }, 'Download CSV')),
      csvResult, results),
    h('section', { class: 'card wide', 'aria-labelledby': 'call-trail-h' },
      h('h2', { id: 'call-trail-h' }, 'One call'),
      h('form', { id: 'call-trail-form', class: 'inline', onsubmit: event => { event.preventDefault(); showCall(callId.value.trim()); } },
        field('Call id', callId, 'Alt+C'), h('button', { type: 'submit' }, 'Show trail')),
      callTrail));
}

export default { id: 'audit-trail', title: 'Trail', roles: ['AUDITOR'], homeFor: ['AUDITOR'], shortcuts: [['Alt+F', 'trail filters'], ['Alt+C', 'one call\'s trail']], render };
