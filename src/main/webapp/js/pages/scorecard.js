/**
 * The rep's own scorecard for a month: referrals against the target (a progress bar), posting
 * errors this quarter against the limit, calls handled, average handling time, first-call
 * resolution, the drawer's over/short, and the referral follow-ups that are due.
 */
import { get, query } from '../api.js';
import { h, fill, field, result, problemText, zonedToday } from '../dom.js';
import { formatMoney } from '../money.js';

/** This month (YYYY-MM) in the credit union's zone, which decides the reporting months. */
export function thisMonth() {
  return zonedToday().slice(0, 7);
}

export function duration(seconds) {
  if (seconds === undefined || seconds === null) {
    return 'no calls';
  }
  return Math.floor(seconds / 60) + ' min ' + String(seconds % 60).padStart(2, '0') + ' s';
}

/** A progress bar: a <progress> element, so no style is set at all. */
export function bar(id, value, max, label) {
  return h('progress', { id, value: String(Math.min(value, Math.max(max, 1))), max: String(Math.max(max, 1)), 'aria-label': label },
    value + ' of ' + max);
}

function render(main, { me }) {
  const month = h('input', { id: 'scorecard-month', placeholder: 'YYYY-MM', maxlength: 7, autocomplete: 'off', accesskey: 'm', value: thisMonth() });
  const card = h('div', { id: 'scorecard' });
  const followUps = h('div', { id: 'follow-ups' });

  async function show(event) {
    event?.preventDefault();
    try {
      const figures = (await get('api/scorecards/' + encodeURIComponent(me.username) + query({ month: month.value }))).body;
      const referrals = figures.referrals;
      const errors = figures.postingErrors;
      const calls = figures.calls;
      const fcr = calls.firstCallResolution || {};
      const drawer = figures.drawerOverShort || {};
      result(card, 'plain',
        h('h2', {}, 'Scorecard of ', figures.rep, ' · ', figures.month),
        h('div', { class: 'figure' }, h('h3', {}, 'Referrals'),
          bar('referral-progress', referrals.made, referrals.target, 'referrals against the target'),
          h('p', { id: 'referral-figure' }, referrals.made + ' of ' + referrals.target + ' referrals'
            + (referrals.targetMet ? ' — target met' : '') + ' · ' + referrals.converted + ' converted')),
        h('div', { class: 'figure' + (errors.overLimit ? ' error' : '') }, h('h3', {}, 'Posting errors ', errors.quarter),
          bar('error-progress', errors.count, errors.limit, 'posting errors against the limit'),
          h('p', { id: 'error-figure' }, errors.count + ' of at most ' + errors.limit + (errors.overLimit ? ' — over the limit' : ''))),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Calls handled'), h('dd', { id: 'calls-handled' }, String(calls.handled)),
          h('dt', {}, 'Average handling'), h('dd', { id: 'calls-aht' }, duration(calls.averageHandlingSeconds)),
          h('dt', {}, 'First-call resolution'), h('dd', { id: 'calls-fcr' }, fcr.percent != null
            ? fcr.percent + ' % (' + fcr.resolved + ' of ' + fcr.eligible + ')' : 'no calls with a member'),
          h('dt', {}, 'Drawer over/short'), h('dd', { id: 'drawer-over-short' }, drawer.status === 'AVAILABLE'
            ? formatMoney(drawer.net) + ' over ' + drawer.drawersClosed + ' closed drawer(s), ' + drawer.outOfTolerance + ' out of tolerance'
            : 'no drawer data')));
      const due = (await get('api/referrals/follow-ups')).body;
      fill(followUps, h('h2', {}, 'Follow-ups due (', String(due.items.length), ')'),
        due.items.length === 0 ? h('p', { class: 'muted' }, 'None due today.') :
          h('ul', { class: 'notes' }, due.items.map(item => h('li', { class: 'note' },
            h('div', { class: 'note-meta' }, 'Member ' + item.memberNumber + ' · ' + item.product + ' · follow up on ' + item.followUpOn),
            item.notes ? h('div', { class: 'note-text' }, item.notes) : null))));
    } catch (failure) {
      result(card, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'My scorecard'),
    h('form', { id: 'scorecard-form', class: 'inline card', onsubmit: show }, field('Month', month, 'Alt+M'), h('button', { type: 'submit' }, 'Show')),
    card, h('section', { class: 'card' }, followUps));
  show();
}

export default { id: 'scorecard', title: 'Scorecard', roles: ['REP'], shortcuts: [['Alt+M', 'month']], render };
