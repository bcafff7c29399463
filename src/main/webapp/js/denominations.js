/**
 * A count of cash by denomination, as the drawer API takes it: whole pieces of each bill and coin.
 * The total is added up in whole cents (integers), never in floating point, and shown as typed.
 */
import { h } from './dom.js';
import { formatMoney } from './money.js';

export const BILLS = [['100', 10000], ['50', 5000], ['20', 2000], ['10', 1000], ['5', 500], ['2', 200], ['1', 100]];
export const COINS = [['1.00', 100], ['0.50', 50], ['0.25', 25], ['0.10', 10], ['0.05', 5], ['0.01', 1]];

/** Whole cents as the API's decimal string: 123456 -> "1234.56". */
export function centsText(cents) {
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(3, '0');
  return (negative ? '-' : '') + digits.slice(0, -2) + '.' + digits.slice(-2);
}

/** Inputs for each denomination (ids {prefix}-bill-100, {prefix}-coin-0_25) and the total as typed. */
export function countGrid(prefix, legend, { accesskey } = {}) {
  const inputs = [];
  const total = h('output', { id: prefix + '-total', class: 'count-total' }, formatMoney('0.00'));
  const invalid = h('span', { class: 'error', 'aria-live': 'polite' });
  const cell = (kind, [key, cents], index) => {
    const input = h('input', { id: prefix + '-' + kind + '-' + key.replace('.', '_'), class: 'pieces', inputmode: 'numeric',
      maxlength: 7, autocomplete: 'off', 'data-denomination': key, accesskey: index === 0 && kind === 'bill' ? accesskey : null });
    inputs.push({ key, cents, input });
    input.addEventListener('input', update);
    return h('label', { class: 'denomination', for: input.id }, h('span', {}, kind === 'bill' ? '$' + key : key), input);
  };
  const element = h('fieldset', { class: 'count', id: prefix + '-count' }, h('legend', {}, legend),
    h('div', { class: 'count-row' }, h('span', { class: 'count-kind' }, 'Bills'), BILLS.map((entry, i) => cell('bill', entry, i))),
    h('div', { class: 'count-row' }, h('span', { class: 'count-kind' }, 'Coin'), COINS.map((entry, i) => cell('coin', entry, i))),
    h('p', {}, 'Total counted: ', total, ' ', invalid));

  /** The pieces counted, their total in cents, the denominations typed wrongly, and whether anything was typed at all. */
  function pieces() {
    const count = {};
    let cents = 0;
    let bad = [];
    let typedAny = false;
    for (const { key, cents: each, input } of inputs) {
      const typed = input.value.trim();
      if (typed === '') {
        input.removeAttribute('aria-invalid');
        continue;
      }
      typedAny = true;
      if (!/^\d{1,7}$/.test(typed)) {
        input.setAttribute('aria-invalid', 'true');
        bad.push(key);
        continue;
      }
      input.removeAttribute('aria-invalid');
      const n = Number(typed);
      if (n > 0) {
        count[key] = n;
        cents += n * each;
      }
    }
    return { count, cents, bad, typed: typedAny };
  }

  function update() {
    const { cents, bad } = pieces();
    total.textContent = formatMoney(centsText(cents));
    invalid.textContent = bad.length ? 'Whole pieces only: ' + bad.join(', ') : '';
    element.dispatchEvent(new CustomEvent('tally:count', { detail: cents }));
  }

  return {
    element,
    read: pieces,
    first: () => inputs[0].input,
    clear: () => {
      inputs.forEach(({ input }) => { input.value = ''; });
      update();
    },
  };
}

/** A count object as text: "20 × $100, 3 × 0.25". */
export function countText(count) {
  return Object.entries(count || {}).map(([key, pieces]) => pieces + ' × ' + (key.includes('.') ? key : '$' + key)).join(', ') || 'nothing';
}
