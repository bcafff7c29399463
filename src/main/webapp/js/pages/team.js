/**
 * The supervisor's team: each rep's scorecard of a month, one bar chart per figure (SVG built
 * element by element, no library), and the referral target of each rep for the month.
 */
import { api, get, query } from '../api.js';
import { h, fill, field, result, problemText } from '../dom.js';
import { formatMoney } from '../money.js';
import { thisMonth, duration } from './scorecard.js';

/** The SVG namespace: a name, not an address; nothing is fetched from it. */
const SVG = 'http://www.w3.org/2000/svg';

const FIGURES = {
  REFERRALS_MADE: 'Referrals made',
  REFERRALS_CONVERTED: 'Referrals converted',
  POSTING_ERRORS: 'Posting errors this quarter',
  CALLS_HANDLED: 'Calls handled',
  AVERAGE_HANDLING_SECONDS: 'Average handling (seconds)',
  FIRST_CALL_RESOLUTION_PERCENT: 'First-call resolution (%)',
  DRAWER_OVER_SHORT_ABSOLUTE: 'Drawer over/short (absolute)',
};

function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, String(value));
  }
  children.forEach(child => element.append(child instanceof Node ? child : document.createTextNode(String(child))));
  return element;
}

/** A figure's value as a supervisor reads it: money as money, seconds as minutes and seconds. */
function valueText(name, value) {
  if (name === 'DRAWER_OVER_SHORT_ABSOLUTE') {
    return formatMoney(value);
  }
  if (name === 'AVERAGE_HANDLING_SECONDS') {
    return duration(Number(value));
  }
  return String(value);
}

/**
 * One horizontal bar per rep, longest for the largest value. A zero is a visible hairline (a rep
 * with no referrals must not look like a rep without a figure); a rep without a value has no bar
 * and says so; each value is written right after its bar.
 */
function chart(name, figure) {
  const places = figure.places || [];
  const values = places.map(place => place.value === null ? null : Number(place.value));
  const max = Math.max(1, ...values.filter(value => value !== null).map(Math.abs));
  const row = 24;
  const labelWidth = 110;
  const barWidth = 240;
  const picture = svg('svg', { class: 'bars', viewBox: '0 0 ' + (labelWidth + barWidth + 130) + ' ' + (places.length * row + 4),
    width: labelWidth + barWidth + 130, height: places.length * row + 4, role: 'img', 'aria-label': FIGURES[name] || name });
  places.forEach((place, index) => {
    const y = index * row + 2;
    const value = values[index];
    picture.append(svg('text', { x: labelWidth - 8, y: y + 16, class: 'bar-label', 'text-anchor': 'end' }, place.rep));
    const width = value === null ? 0 : value === 0 ? 2 : Math.max(3, Math.round(barWidth * Math.abs(value) / max));
    if (value !== null) {
      picture.append(svg('rect', { x: labelWidth, y: y + 2, height: row - 8, width,
        class: 'bar' + (value === 0 ? ' zero' : '') + (place.rank === 1 ? ' best' : ''), 'data-rep': place.rep, 'data-value': place.value }));
    }
    picture.append(svg('text', { x: labelWidth + width + 6, y: y + 16, class: 'bar-value', 'data-rep': place.rep },
      value === null ? 'no value' : valueText(name, place.value) + ' (#' + place.rank + ')'));
  });
  return h('figure', { class: 'chart', 'data-figure': name }, h('figcaption', {}, FIGURES[name] || name,
    figure.higherIsBetter ? ' (higher is better)' : ' (lower is better)'), picture);
}

function render(main) {
  const month = h('input', { id: 'team-month', placeholder: 'YYYY-MM', maxlength: 7, autocomplete: 'off', accesskey: 'm', value: thisMonth() });
  const reps = h('div', { id: 'team-reps' });
  const charts = h('div', { id: 'team-charts', class: 'grid' });
  const answer = h('div', { id: 'team-result', hidden: true });

  async function show(event) {
    event?.preventDefault();
    try {
      const team = (await get('api/scorecards/team' + query({ month: month.value }))).body;
      fill(reps, h('table', {}, h('caption', {}, 'Team of ' + team.supervisor + ' · ' + team.month),
        h('thead', {}, h('tr', {}, ['Rep', 'Referrals', 'Target', 'Converted', 'Posting errors', 'Calls', 'Average handling', 'FCR', 'Drawer']
          .map(text => h('th', { scope: 'col' }, text)))),
        h('tbody', {}, team.reps.map(rep => h('tr', { 'data-rep': rep.rep },
          h('th', { scope: 'row' }, rep.rep),
          h('td', { class: 'made' }, String(rep.referrals.made)),
          h('td', {}, targetForm(rep, team.month)),
          h('td', {}, String(rep.referrals.converted)),
          h('td', { class: rep.postingErrors.overLimit ? 'error' : '' }, rep.postingErrors.count + ' / ' + rep.postingErrors.limit),
          h('td', {}, String(rep.calls.handled)),
          h('td', {}, duration(rep.calls.averageHandlingSeconds)),
          h('td', {}, rep.calls.firstCallResolution?.percent != null ? rep.calls.firstCallResolution.percent + ' %' : '—'),
          h('td', {}, rep.drawerOverShort?.status === 'AVAILABLE' ? formatMoney(rep.drawerOverShort.net) : '—'))))));
      fill(charts, Object.entries(team.rankings).map(([name, figure]) => h('div', { class: 'card' }, chart(name, figure))));
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  function targetForm(rep, forMonth) {
    const target = h('input', { id: 'target-' + rep.rep, class: 'target', inputmode: 'numeric', maxlength: 3, autocomplete: 'off',
      value: String(rep.referrals.target), 'aria-label': 'Referral target of ' + rep.rep });
    return h('form', { class: 'inline target-form', onsubmit: async event => {
      event.preventDefault();
      try {
        const set = (await api('PUT', 'api/referral-targets/' + encodeURIComponent(rep.rep) + '/' + forMonth,
          { body: { target: Number(target.value.trim()) } })).body;
        result(answer, 'ok', 'Referral target of ' + set.rep + ' for ' + set.month + ': ' + set.target + '.');
        await show();
      } catch (failure) {
        result(answer, 'error', problemText(failure.body));
      }
    } }, target, h('button', { type: 'submit', class: 'set-target' }, 'Set'));
  }

  main.append(h('h1', {}, 'Team scorecard'),
    h('form', { id: 'team-form', class: 'inline card', onsubmit: show }, field('Month', month, 'Alt+M'), h('button', { type: 'submit' }, 'Show')),
    answer, h('section', { class: 'card' }, reps), charts);
  show();
}

export default { id: 'team', title: 'Team', roles: ['SUPERVISOR'], shortcuts: [['Alt+M', 'month'], ['Tab', 'each rep\'s target; Enter sets it']], render };
