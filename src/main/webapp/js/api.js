/**
 * The console's only door to the server: the same JSON API the tests use, with the bearer token.
 * The token is kept in the browser, in sessionStorage (gone with the tab), with the pages' UI state
 * (below); nothing about members is stored, and nothing sensitive goes into the page's address.
 */
const TOKEN = 'tally.token';
const UI = 'tally.ui';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  begin: token => sessionStorage.setItem(TOKEN, token),
  end: () => {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(UI);
  },
};

/**
 * Where a person left a page's controls (the posting type chosen, a history left open), so that a
 * re-render or a visit to another page does not reset them. Only the console's own names and small
 * numbers go here (a posting type, a row's position, a call's id), never anything about a member:
 * no names, account numbers or balances. Gone with the tab and at sign-out.
 */
export const uiState = {
  get(name) {
    try {
      return JSON.parse(sessionStorage.getItem(UI) || '{}')[name] ?? null;
    } catch (unreadable) {
      return null;
    }
  },
  set(name, value) {
    let all = {};
    try {
      all = JSON.parse(sessionStorage.getItem(UI) || '{}');
    } catch (unreadable) {
      all = {};
    }
    if (value === null || value === undefined) {
      delete all[name];
    } else {
      all[name] = value;
    }
    if (Object.keys(all).length) {
      sessionStorage.setItem(UI, JSON.stringify(all));
    } else {
      sessionStorage.removeItem(UI);
    }
  },
};

/** An error answer (application/problem+json) or a failure to reach the server. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
    this.code = this.body.code;
    this.detail = this.body.detail || this.body.title || this.message;
  }
}

/**
 * Sends a request to the API (paths relative to the console, e.g. "api/me") and returns
 * {status, body, headers}; an error answer is thrown as a Problem. A 401 on a signed-in request
 * means the token expired or was revoked: the session ends and the console shows the sign-in.
 */
export async function api(method, path, { body, headers = {}, accept = 'application/json', raw = false } = {}) {
  const sent = { Accept: accept, ...headers };
  const token = session.token();
  if (token) {
    sent.Authorization = 'Bearer ' + token;
  }
  if (body !== undefined) {
    sent['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: sent,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (failure) {
    throw new Problem(0, { code: 'NETWORK', detail: 'The server could not be reached. Try again.' });
  }
  if (response.status === 401 && token) {
    session.end();
    document.dispatchEvent(new CustomEvent('tally:session-ended'));
  }
  if (raw && response.ok) {
    return response;
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (notJson) {
      json = null;
    }
  }
  if (!response.ok) {
    throw new Problem(response.status, json);
  }
  return { status: response.status, body: json, headers: response.headers };
}

/**
 * Downloads a file from the API with the signed-in token and saves it under {@code name} from
 * memory, so that the token never goes into a link; returns the file as a Blob for the page to
 * describe.
 */
export async function download(path, accept, name) {
  const response = await api('GET', path, { accept, raw: true });
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  return blob;
}

export const get = (path, options) => api('GET', path, options);
export const post = (path, body, options) => api('POST', path, { ...options, body });

/** A fresh Idempotency-Key (a random UUID; crypto.randomUUID needs a secure context, this does not). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** A query string of the non-empty values. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') {
      params.append(name, String(value).trim());
    }
  }
  const text = params.toString();
  return text ? '?' + text : '';
}
