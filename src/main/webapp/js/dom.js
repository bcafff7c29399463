/**
 * The only way the console builds HTML: elements and text nodes, never markup strings, so that
 * whatever a member or a staff member typed is shown as text and can never become an element.
 */

/** h('button', {type: 'submit', onclick: fn}, 'Post') */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'style' || name.startsWith('on')) {
      throw new Error('no inline style or handler attributes: ' + name);
    } else if (name === 'value' && 'value' in element) {
      element.value = value;
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  add(element, children);
  return element;
}

/** Appends children: nodes as they are, anything else as text. */
export function add(element, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's content. */
export function fill(element, ...children) {
  element.replaceChildren();
  return add(element, children);
}

/** A labelled form field; the input gets the id and name given. */
export function field(label, input, hint) {
  const id = input.id || (input.id = 'f-' + Math.random().toString(36).slice(2, 9));
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    input,
    hint ? h('small', { class: 'hint' }, hint) : null);
}

/** A table from rows of plain values (or nodes). */
export function table(headings, rows, caption) {
  return h('table', {},
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, headings.map(text => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map(cell => h('td', {}, cell))))));
}

/** A box that says what happened; it takes the focus so that the keyboard (and a screen reader) is there. */
export function result(element, kind, ...children) {
  element.className = 'result ' + kind;
  element.setAttribute('tabindex', '-1');
  element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  fill(element, ...children);
  element.hidden = false;
  element.focus();
  return element;
}

/** A problem+json answer as the rep should read it: what, why, and its stable code. */
export function problemText(problem) {
  problem = problem || {};
  const parts = [problem.detail || problem.title || 'The request failed.'];
  if (problem.code) {
    parts.push('(' + problem.code + ')');
  }
  return parts.join(' ');
}

/** The credit union's time zone (from api/me); every time the console shows is in it, labelled. */
let creditUnionZone;

export function setZone(zone) {
  creditUnionZone = zone || undefined;
}

/** Date-time in the credit union's zone, with the zone's short name ("12/7/2026, 9:05:12 AM CST"). */
export function when(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString('en-US', { timeZone: creditUnionZone, timeZoneName: 'short' });
}

/** The time of day now in the credit union's zone, labelled ("9:05:12 AM CST"). */
export function clockTime() {
  return new Date().toLocaleTimeString('en-US', { timeZone: creditUnionZone, timeZoneName: 'short' });
}

/**
 * The one way the console asks for a date: typed as YYYY-MM-DD (the form the API takes), the same
 * on every page and in every browser, instead of locale date pickers that differ between pages.
 */
export function dateInput(props) {
  return h('input', { maxlength: 10, placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}', inputmode: 'numeric', autocomplete: 'off', ...props });
}

/** Today's date (YYYY-MM-DD) in the credit union's zone. */
export function zonedToday() {
  return new Date().toLocaleDateString('en-CA', { timeZone: creditUnionZone });
}

/** The zone's name for a field label ("America/Chicago"). */
export function zoneName() {
  return creditUnionZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The instant (ISO) of a wall-clock date and time (YYYY-MM-DD, HH:MM[:SS]) in the credit union's
 * zone, or null when either is malformed. The zone's offset is read from Intl and applied twice,
 * so that a time next to a daylight-saving change lands on the right side of it.
 */
export function zonedInstant(date, time) {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time || '');
  if (!d || !t) {
    return null;
  }
  const wall = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2], +(t[3] || 0));
  let instant = wall;
  for (let pass = 0; pass < 2; pass++) {
    instant = wall - (wallClockOf(instant) - instant);
  }
  return new Date(instant).toISOString();
}

/** The zone's wall clock at an instant, read as if it were UTC (milliseconds). */
function wallClockOf(instant) {
  const parts = {};
  for (const part of new Intl.DateTimeFormat('en-US', { timeZone: creditUnionZone, hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
    .formatToParts(new Date(instant))) {
    parts[part.type] = part.value;
  }
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/** A call's or visit's short reference: the first eight characters of its id, as reps say it aloud. */
export function shortRef(id) {
  return id ? String(id).slice(0, 8) : '';
}
