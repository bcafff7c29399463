/**
 * Amounts as the API wants them: decimal strings with at most two decimals, never floating point.
 * A rep types "1,250", "$1250.5" or "1250.50"; all become "1250.50".
 */
const AMOUNT = /^(\d{1,10})(?:\.(\d{0,2}))?$/;

/** The amount as a decimal string with two decimals, or null when it is not an amount. */
export function parseAmount(typed) {
  const cleaned = String(typed ?? '').trim().replace(/^\$/, '').replace(/,/g, '');
  const match = AMOUNT.exec(cleaned);
  if (!match) {
    return null;
  }
  const whole = match[1].replace(/^0+(?=\d)/, '');
  const cents = (match[2] || '').padEnd(2, '0');
  if (/^0+$/.test(whole + cents)) {
    return null;
  }
  return whole + '.' + cents;
}

/** "1234567.5" -> "$1,234,567.50" for display; the string is not turned into a number. */
export function formatMoney(amount) {
  if (amount === undefined || amount === null || amount === '') {
    return '';
  }
  const text = String(amount);
  const negative = text.startsWith('-');
  const [whole, cents = ''] = text.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + '$' + grouped + '.' + cents.padEnd(2, '0').slice(0, 2);
}

/** An input that takes money: numeric keyboard, right-aligned, tidied to two decimals on leaving it. */
export function moneyInput(input) {
  input.setAttribute('inputmode', 'decimal');
  input.setAttribute('autocomplete', 'off');
  input.classList.add('money');
  input.addEventListener('blur', () => {
    const amount = parseAmount(input.value);
    if (amount) {
      input.value = amount;
      input.removeAttribute('aria-invalid');
    } else if (input.value.trim() !== '') {
      input.setAttribute('aria-invalid', 'true');
    }
  });
  input.addEventListener('input', () => input.removeAttribute('aria-invalid'));
  return input;
}
