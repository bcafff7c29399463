/**
 * Bank Secrecy Act records for supervisors and auditors: Currency Transaction Report records (cash
 * in or out above 10,000.00 in a business day), official checks bought with 3,000.00-10,000.00 in
 * cash and who bought them, and structuring alerts. Read only: the records are kept by the postings.
 */
import { get, query } from '../api.js';
import { h, fill, field, table, result, problemText, when, dateInput } from '../dom.js';
import { formatMoney } from '../money.js';

function render(main) {
  const member = h('input', { id: 'bsa-member', maxlength: 12, autocomplete: 'off', inputmode: 'numeric', accesskey: 'f' });
  const from = dateInput({ id: 'bsa-from' });
  const to = dateInput({ id: 'bsa-to' });
  const ctrs = h('section', { id: 'bsa-ctrs', class: 'card' });
  const purchases = h('section', { id: 'bsa-purchases', class: 'card' });
  const alerts = h('section', { id: 'bsa-alerts', class: 'card' });
  const answer = h('div', { id: 'bsa-result', hidden: true });

  async function show(event) {
    event?.preventDefault();
    try {
      const [ctr, bought, alerted] = await Promise.all([
        get('api/bsa/ctrs' + query({ member: member.value, from: from.value, to: to.value })),
        get('api/bsa/instrument-purchases' + query({ member: member.value })),
        get('api/bsa/structuring-alerts' + query({ member: member.value }))]);
      fill(ctrs, h('h2', {}, 'Currency transaction reports (', String(ctr.body.items.length), ')'),
        ctr.body.items.length === 0 ? h('p', { class: 'muted' }, 'None.') : table(
          ['Member', 'Business date', 'Direction', 'Total', 'Transactions', 'Staff', 'Created'],
          ctr.body.items.map(item => [item.memberNumber, item.businessDate, item.direction, formatMoney(item.total),
            item.transactions.map(t => t.type + ' ' + formatMoney(t.amount) + ' (entry ' + t.entryId + ', ' + t.postedBy
              + (t.approvedBy ? ', approved by ' + t.approvedBy : '') + ')').join('; '),
            (item.staff || []).map(s => typeof s === 'string' ? s : JSON.stringify(s)).join(', '), when(item.createdAt)])));
      fill(purchases, h('h2', {}, 'Official checks bought with cash (', String(bought.body.items.length), ')'),
        bought.body.items.length === 0 ? h('p', { class: 'muted' }, 'None.') : table(
          ['Member', 'Business date', 'Instrument', 'Amount', 'Buyer identified by', 'Posted by', 'Entry'],
          bought.body.items.map(item => [item.memberNumber, item.businessDate, item.instrument, formatMoney(item.amount),
            item.buyerIdentifiedBy, item.postedBy, String(item.entryId)])));
      fill(alerts, h('h2', {}, 'Structuring alerts (', String(alerted.body.items.length), ')'),
        alerted.body.items.length === 0 ? h('p', { class: 'muted' }, 'None.') : table(
          ['Member', 'Business date', 'Deposits (entries)', 'Raised'],
          alerted.body.items.map(item => [item.memberNumber, item.businessDate, item.entryIds.join(', '), when(item.createdAt)])));
      result(answer, 'plain', ctr.body.items.length + ' CTR record(s), ' + bought.body.items.length + ' official check purchase(s), '
        + alerted.body.items.length + ' structuring alert(s).');
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'BSA records'),
    h('form', { id: 'bsa-form', class: 'card filters', onsubmit: show },
      field('Member', member, 'Alt+F'), field('CTRs from', from), field('CTRs to', to), h('div', {}, h('button', { type: 'submit' }, 'Show'))),
    answer, ctrs, purchases, alerts);
  show();
}

export default { id: 'bsa', title: 'BSA', roles: ['SUPERVISOR', 'AUDITOR'], shortcuts: [['Alt+F', 'member']], render };
