/**
 * The close of the business day: a supervisor closes the current day (what holds it back is listed:
 * drawers still open or waiting for a supervisor); supervisors and auditors read a day's report
 * (trial balance, drawers, BSA records, overrides, reversals) and download it as CSV; a supervisor
 * downloads the day's CTRs for filing.
 */
import { download, get, post, query } from '../api.js';
import { h, fill, field, table, result, problemText } from '../dom.js';
import { formatMoney } from '../money.js';

const money = amount => (amount === undefined || amount === null ? '' : formatMoney(amount));

function section(id, title, headings, rows) {
  return h('section', { id, class: 'card' }, h('h2', {}, title, ' (', String(rows.length), ')'),
    rows.length === 0 ? h('p', { class: 'muted' }, 'None.') : table(headings, rows));
}

function reportView(report) {
  const trial = report.trialBalance;
  return [
    h('p', { id: 'day-report-state' }, report.closed
      ? 'Business day ' + report.businessDate + ' closed by ' + report.closedBy + '; the next business day is '
        + report.nextBusinessDate + ' (' + report.holdsReleased + ' hold(s) released).'
      : 'Business day ' + report.businessDate + ' is not closed: the figures as they read now.'),
    h('section', { id: 'day-trial', class: 'card' },
      h('h2', {}, 'Trial balance through ', trial.through),
      trial.withheld ? h('p', { id: 'day-trial-withheld', class: 'muted' }, trial.withheld) : table(['GL account', 'Name', 'Debits', 'Credits', 'Balance'],
        trial.accounts.map(a => [a.code, a.name, money(a.debits), money(a.credits), money(a.balance)])
          .concat([[h('strong', {}, 'Total'), '', money(trial.totalDebits), money(trial.totalCredits),
            h('strong', { id: 'day-trial-balanced' }, trial.balanced ? 'Balanced' : 'NOT BALANCED')]]))),
    section('day-drawers', 'Drawers', ['Drawer', 'Rep', 'State', 'Opening', 'Cash in', 'Cash out', 'Vault in', 'Vault out',
      'From other drawers', 'To other drawers', 'Expected', 'Counted', 'Over/short', 'Approved by'],
    report.drawers.map(d => [String(d.id), d.owner, d.state, money(d.opening), money(d.cashIn), money(d.cashOut),
      money(d.vaultIn), money(d.vaultOut), money(d.handedIn), money(d.handedOut), money(d.expected), money(d.counted), money(d.overShort), d.approvedBy || ''])),
    section('day-ctrs', 'Currency transaction reports', ['CTR', 'Member', 'Direction', 'Total', 'Entries'],
      report.ctrs.map(c => [String(c.id), c.memberNumber, c.direction, money(c.total), c.entryIds.join(', ')])),
    section('day-purchases', 'Official checks bought with cash', ['Member', 'Instrument', 'Amount', 'Buyer identified by', 'Posted by'],
      report.instrumentPurchases.map(p => [p.memberNumber, p.instrument, money(p.amount), p.buyerIdentifiedBy, p.postedBy])),
    section('day-alerts', 'Structuring alerts', ['Member', 'Deposits (entries)'],
      report.structuringAlerts.map(a => [a.memberNumber, a.entryIds])),
    section('day-overrides', 'Overrides carried out', ['Approval', 'Entry', 'Type', 'Amount', 'Asked by', 'Approved by'],
      report.overrides.map(o => [String(o.approvalId), String(o.entryId), o.type, money(o.amount), o.postedBy, o.approvedBy])),
    section('day-reversals', 'Reversals', ['Entry', 'Reverses', 'Reason', 'Amount', 'By', 'Approved by'],
      report.reversals.map(r => [String(r.entryId), String(r.reversesEntryId), r.reason, money(r.amount), r.postedBy, r.approvedBy || ''])),
  ];
}

const downloadCsv = (path, name) => download(path, 'text/csv', name);

function render(main, { me }) {
  const supervisor = me.roles.includes('SUPERVISOR');
  const date = h('input', { id: 'day-date', placeholder: 'YYYY-MM-DD', maxlength: 10, autocomplete: 'off', accesskey: 'f' });
  const closeAnswer = h('div', { id: 'day-close-result', hidden: true });
  const answer = h('div', { id: 'day-result', hidden: true });
  const report = h('div', { id: 'day-report' });
  let current = '';

  async function show(event) {
    event?.preventDefault();
    try {
      const reply = await get('api/business-day/report' + query({ date: date.value }));
      date.value = reply.body.businessDate;
      fill(report, reportView(reply.body));
    } catch (failure) {
      fill(report);
      result(answer, 'error', problemText(failure.body));
    }
  }

  async function close(event) {
    event.preventDefault();
    try {
      const reply = await post('api/business-day/close', { businessDate: current });
      result(closeAnswer, 'ok', 'Business day ', reply.body.businessDate, ' closed. The business day is now ',
        reply.body.nextBusinessDate, ' (', String(reply.body.holdsReleased), ' hold(s) released).');
      date.value = reply.body.businessDate;
      await show();
      closeAnswer.focus();
      await loadCurrent();
    } catch (failure) {
      const blockers = (failure.body && failure.body.blockers) || [];
      result(closeAnswer, 'error', problemText(failure.body),
        blockers.length === 0 ? null : h('ul', { id: 'day-close-blockers' },
          blockers.map(b => h('li', { 'data-code': b.code }, b.message))));
    }
  }

  const closeButton = h('button', { type: 'submit', id: 'day-close-button' }, 'Close the business day');
  async function loadCurrent() {
    const reply = await get('api/business-date');
    current = reply.body.businessDate;
    fill(closeButton, 'Close business day ' + current);
  }

  async function csv(kind) {
    const day = date.value || current;
    try {
      const name = kind === 'ctrs' ? 'tally-ctrs-' + day + '.csv' : 'tally-day-' + day + '.csv';
      const path = kind === 'ctrs' ? 'api/business-day/ctrs/csv' : 'api/business-day/report/csv';
      const blob = await downloadCsv(path + query({ date: day }), name);
      result(answer, 'ok', 'Downloaded ', h('strong', { id: 'day-download-name' }, name), ' (', String(blob.size), ' bytes).');
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'Business day'),
    supervisor ? h('form', { id: 'day-close-form', class: 'card', onsubmit: close },
      h('p', {}, 'Closing the day needs every drawer closed. It releases the holds due, stores the day\'s report, signs'
        + ' the day\'s checkpoints and opens the next business day.'), closeButton) : null,
    closeAnswer,
    h('form', { id: 'day-report-form', class: 'card filters', onsubmit: show },
      field('Business date', date, 'Alt+F'), h('div', {}, h('button', { type: 'submit' }, 'Show report')),
      h('div', {}, h('button', { type: 'button', id: 'day-csv', onclick: () => csv('report') }, 'Download CSV')),
      supervisor ? h('div', {}, h('button', { type: 'button', id: 'day-ctr-csv', onclick: () => csv('ctrs') }, 'CTRs for filing (CSV)')) : null),
    answer, report);
  loadCurrent().then(() => show()).catch(failure => result(answer, 'error', problemText(failure.body)));
}

export default {
  id: 'day-close', title: 'Business day', roles: ['SUPERVISOR', 'AUDITOR'], shortcuts: [['Alt+F', 'business date']], render,
};
