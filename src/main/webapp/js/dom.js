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

/** Date-time in the browser's locale, short. */
export function when(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return isNaN(date) ? iso : date.toLocaleString();
}
