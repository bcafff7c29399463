/**
 * The rep's call desk: start a call (ANI and the member the caller claims to be), verify the
 * caller, then work the verified member's accounts, post, take notes and end the call. Everything
 * is reachable from the keyboard; the answer of each action takes the focus.
 */
import { get, post, query, Problem } from '../api.js';
import { h, fill, field, result, problemText, when, shortRef } from '../dom.js';
import { verificationPanel } from '../desk/verification.js';
import { accountsPanel } from '../desk/accounts.js';
import { postingPanel, postingTypes } from '../desk/posting.js';
import { referralPanel } from '../desk/referral.js';
import { lifecyclePanel } from '../desk/lifecycle.js';
import { requestsPanel } from '../desk/requests.js';
import { enrolmentForm } from '../desk/enrolment.js';
import { awaitApproval } from '../approval-wait.js';

/** Red flags as the rep reads them (the names are the API's). */
const FLAG_TEXT = {
  ANI_NOT_ON_FILE: 'caller number not on file',
  CONTACT_CHANGED_RECENTLY: 'contact data changed in the last 30 days',
  REPEATED_CALLS: 'three or more calls in 24 hours',
  RECENT_LOCKOUT: 'phone access locked in the last 7 days',
  LOCKED_NOW: 'phone access locked: a supervisor must unlock it',
};

const DISPOSITIONS = ['RESOLVED', 'CALLBACK_NEEDED', 'TRANSFERRED_TO_SUPERVISOR', 'CALLER_FAILED_VERIFICATION', 'ABANDONED'];

/** Time since an instant as m:ss (or h:mm:ss), for the call timer. */
function elapsed(since) {
  const seconds = Math.max(0, Math.floor((Date.now() - new Date(since).getTime()) / 1000));
  const [hours, minutes, rest] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const mm = hours ? String(minutes).padStart(2, '0') : String(minutes);
  return (hours ? hours + ':' : '') + mm + ':' + String(rest).padStart(2, '0');
}

function render(main, { me } = {}) {
  const desk = new Desk(main, me);
  desk.open();
  return () => desk.leave();
}

/** Which verification factors were tried in the call and how they went, e.g. "KNOWLEDGE passed, PIN failed 1×". */
function factorsOf(events) {
  const tried = new Map();
  for (const event of events) {
    if ((event.type === 'ATTEMPT' || event.type === 'PHOTO_ID_CHECKED') && event.factor) {
      const seen = tried.get(event.factor) || { passed: false, failed: 0 };
      if (event.outcome === 'PASS') {
        seen.passed = true;
      } else {
        seen.failed += 1;
      }
      tried.set(event.factor, seen);
    }
  }
  if (tried.size === 0) {
    return 'none tried yet';
  }
  return Array.from(tried, ([factor, seen]) => factor + ' ' + (seen.passed ? 'passed' : 'failed')
    + (seen.failed && seen.passed ? ' (after ' + seen.failed + ' failed)' : seen.failed > 1 ? ' ' + seen.failed + '×' : '')).join(', ');
}

class Desk {
  constructor(main, me) {
    this.main = main;
    this.me = me;
    this.call = null;
    this.memberFile = null;
    this.stops = [];
    this.body = h('div', { id: 'desk' });
    main.append(h('h1', {}, 'Call desk'), this.body);
  }

  leave() {
    this.stops.forEach(stop => stop());
    this.stops = [];
  }

  async open(message) {
    try {
      this.call = (await get('api/calls/current')).body;
      this.showCall();
    } catch (failure) {
      if (failure instanceof Problem && failure.code === 'NO_OPEN_CALL') {
        this.showStart(message);
      } else {
        this.showStart(message);
        result(this.body.querySelector('#start-result'), 'error', problemText(failure.body));
      }
    }
  }

  // ---- no call: start one ----

  showStart(message) {
    this.leave();
    this.call = null;
    this.memberFile = null;
    const ani = h('input', { id: 'ani', name: 'ani', required: true, maxlength: 30, accesskey: 'n', autocomplete: 'off', placeholder: '+13125550101' });
    const memberNumber = h('input', { id: 'member-number', name: 'memberNumber', maxlength: 12, autocomplete: 'off', inputmode: 'numeric' });
    const lookup = h('input', { id: 'lookup', name: 'q', maxlength: 100, autocomplete: 'off', placeholder: 'name, member, account or phone number' });
    const hits = h('ul', { id: 'lookup-results', class: 'hits' });
    const answer = h('div', { id: 'start-result', hidden: true });
    const startForm = h('form', { id: 'start-call', class: 'card', onsubmit: event => this.start(event, ani, memberNumber, answer) },
      h('h2', {}, 'Start a call'),
      field('Caller number (ANI)', ani, 'Alt+N'),
      field('Member number', memberNumber, 'the member the caller says they are'),
      h('button', { type: 'submit', id: 'start-call-button' }, 'Start call'));
    const lookupForm = h('form', { id: 'member-lookup', class: 'card', role: 'search', onsubmit: event => this.lookup(event, lookup, hits, memberNumber) },
      h('h2', {}, 'Find the member'),
      field('Search', lookup),
      h('button', { type: 'submit' }, 'Find'),
      hits);
    const visitMember = h('input', { id: 'visit-member', name: 'memberNumber', maxlength: 12, autocomplete: 'off', inputmode: 'numeric', accesskey: 'b' });
    const visitForm = h('form', { id: 'start-visit', class: 'card', onsubmit: event => this.startVisit(event, visitMember, answer) },
      h('h2', {}, 'Start a branch visit'),
      field('Member number', visitMember, 'Alt+B; the member at the counter, verified by photo ID'),
      h('button', { type: 'submit', id: 'start-visit-button' }, 'Start visit'));
    fill(this.body, answer, h('div', { class: 'columns' }, startForm, visitForm, lookupForm));
    if (message) {
      result(answer, 'info', message);
    } else {
      ani.focus();
    }
  }

  async lookup(event, input, hits, memberNumber) {
    event.preventDefault();
    try {
      const found = (await get('api/members' + query({ q: input.value, size: 10 }))).body;
      fill(hits, found.items.length === 0 ? h('li', {}, 'No member found.') : found.items.map(member =>
        h('li', {}, h('button', {
          type: 'button', class: 'link', 'data-member': member.memberNumber,
          onclick: () => { memberNumber.value = member.memberNumber; memberNumber.focus(); },
        }, member.memberNumber + ' — ' + member.name))));
      const first = hits.querySelector('button');
      (first || input).focus();
    } catch (failure) {
      fill(hits, h('li', { class: 'error', role: 'alert' }, problemText(failure.body)));
    }
  }

  async start(event, ani, memberNumber, answer) {
    event.preventDefault();
    try {
      let call;
      try {
        call = (await post('api/calls', { ani: ani.value.trim() })).body;
      } catch (failure) {
        if (!(failure instanceof Problem) || failure.code !== 'CALL_ALREADY_OPEN') {
          throw failure;
        }
        call = (await get('api/calls/current')).body;
      }
      this.call = call;
      let notIdentified = null;
      if (memberNumber.value.trim() && !call.memberNumber) {
        try {
          this.call = (await post('api/calls/' + call.id + '/member', { memberNumber: memberNumber.value.trim() })).body;
        } catch (failure) {
          // the call is open all the same: show it, with the reason next to the member field
          notIdentified = failure;
        }
      }
      this.showCall();
      if (notIdentified) {
        result(this.summary.querySelector('#identify-result'), 'error', problemText(notIdentified.body));
      }
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  async startVisit(event, memberNumber, answer) {
    event.preventDefault();
    try {
      this.call = (await post('api/visits')).body;
      let notIdentified = null;
      if (memberNumber.value.trim()) {
        try {
          this.call = (await post('api/calls/' + this.call.id + '/member', { memberNumber: memberNumber.value.trim() })).body;
        } catch (failure) {
          notIdentified = failure;
        }
      }
      this.showCall();
      if (notIdentified) {
        result(this.summary.querySelector('#identify-result'), 'error', problemText(notIdentified.body));
      }
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  // ---- an open call ----

  showCall() {
    this.leave();
    this.unlockBox = null;
    this.enrolBox = null;
    this.memberFile = null;
    this.postingShown = false;
    this.summary = h('section', { id: 'call-summary', class: 'card summary', 'aria-label': 'This call' });
    this.verification = h('section', { id: 'verification', class: 'card', 'aria-labelledby': 'verification-h' });
    this.member = h('section', { id: 'member', class: 'card', 'aria-labelledby': 'member-h' });
    this.posting = h('section', { id: 'posting', class: 'card', 'aria-labelledby': 'posting-h' });
    this.requestsBox = h('section', { id: 'call-requests', class: 'card', 'aria-labelledby': 'requests-h', hidden: true });
    this.notes = h('section', { id: 'notes', class: 'card', 'aria-labelledby': 'notes-h' });
    this.referral = h('section', { id: 'referral', class: 'card', 'aria-labelledby': 'referral-h' });
    this.lifecycle = h('section', { id: 'account-lifecycle', class: 'card', 'aria-labelledby': 'lifecycle-h' });
    this.ending = h('section', { id: 'end', class: 'card', 'aria-labelledby': 'end-h' });
    this.log = h('section', { id: 'call-log', class: 'card', 'aria-labelledby': 'log-h' });
    fill(this.body, this.summary, h('div', { class: 'desk' },
      h('div', { class: 'side' }, this.verification, this.notes, this.ending, this.log),
      h('div', { class: 'work' }, this.member, this.requestsBox, this.posting, this.lifecycle, this.referral)));
    verificationPanel(this.verification, this);
    this.notesPanel();
    this.endPanel();
    this.requests = requestsPanel(this.requestsBox, this);
    this.stops.push(() => this.requests.stop());
    // the call timer ticks on its own; re-rendering the summary keeps it right because it counts from startedAt
    const ticking = setInterval(() => {
      const timer = document.getElementById('call-timer');
      if (timer && this.call) {
        timer.textContent = elapsed(this.call.startedAt);
      }
    }, 1000);
    this.stops.push(() => clearInterval(ticking));
    this.showSummary();
    this.showLog();
    this.showMember();
    // next step first: who the caller claims to be, then the questions
    const next = this.summary.querySelector('input') || (this.call.level === 'NONE' ? this.verification.querySelector('input') : null);
    next?.focus();
  }

  /**
   * Reads the call again (level, flags, log) after anything that changed it. The member file is read
   * when the caller is first verified and after a posting ({accounts: true}); each read is logged.
   */
  async refresh({ accounts = false } = {}) {
    try {
      this.call = (await get('api/calls/' + this.call.id)).body;
    } catch (failure) {
      if (failure instanceof Problem && (failure.code === 'CALL_NOT_FOUND' || failure.status === 404)) {
        this.open('The call is no longer open.');
        return;
      }
      throw failure;
    }
    if (this.call.state !== 'OPEN') {
      this.open('The call ended: ' + (this.call.disposition || this.call.state) + '.');
      return;
    }
    this.showSummary();
    this.showLog();
    this.posting.dispatchEvent(new CustomEvent('tally:call'));
    if (accounts || !this.postingShown || !this.verified) {
      this.showMember();
    }
  }

  get verified() {
    return this.call && this.call.memberNumber && this.call.level !== 'NONE';
  }

  showSummary() {
    const call = this.call;
    this.verification.classList.toggle('folded', call.level === 'STRONG');
    const flags = (call.redFlags || []).slice();
    if ((call.events || []).some(event => event.type === 'PHONE_ACCESS_LOCKED' || event.type === 'ATTEMPT_REFUSED_LOCKED')) {
      flags.push('LOCKED_NOW');
    }
    const identify = call.memberNumber ? null : this.identifyForm();
    const unlock = flags.includes('LOCKED_NOW') && call.memberNumber ? this.unlockForm() : null;
    fill(this.summary,
      h('dl', { class: 'facts' },
        h('dt', {}, call.channel === 'BRANCH' ? 'Visit' : 'Call'),
        h('dd', {}, h('abbr', { id: 'call-id', 'data-call-id': call.id, title: call.id }, shortRef(call.id)),
          ' · ', h('span', { id: 'call-timer', 'aria-label': 'time on this call' }, elapsed(call.startedAt))),
        call.channel === 'BRANCH' ? [h('dt', {}, 'Channel'), h('dd', { id: 'call-channel' }, 'branch visit (counter)')]
          : [h('dt', {}, 'Caller number'), h('dd', { id: 'call-ani' }, call.ani,
            call.memberNumber ? (call.aniOnFile ? ' (on file)' : ' (not on file)') : '')],
        h('dt', {}, 'Member'), h('dd', { id: 'call-member' }, call.memberNumber || 'not identified'),
        h('dt', {}, 'Level'), h('dd', {}, h('span', { id: 'call-level', class: 'level level-' + call.level }, call.level)),
        h('dt', {}, 'Factors'), h('dd', { id: 'call-factors' }, factorsOf(call.events || [])),
        h('dt', {}, 'Started'), h('dd', {}, when(call.startedAt))),
      flags.length ? h('div', { id: 'red-flags', class: 'flags', role: 'alert' },
        h('strong', {}, 'Red flags: '),
        h('ul', {}, flags.map(flag => h('li', { class: 'flag', 'data-flag': flag },
          FLAG_TEXT[flag] || flag.replaceAll('_', ' ').toLowerCase())))) : null,
      identify, unlock, this.enrolmentBox());
  }

  /** A visit about nobody yet may enrol a new member (kept while the summary is redrawn). */
  enrolmentBox() {
    if (this.call.channel !== 'BRANCH' || this.call.memberNumber) {
      return null;
    }
    this.enrolBox = this.enrolBox || enrolmentForm(this);
    return this.enrolBox;
  }

  identifyForm() {
    const memberNumber = h('input', { id: 'identify-member', maxlength: 12, required: true, autocomplete: 'off', inputmode: 'numeric' });
    const answer = h('div', { id: 'identify-result', hidden: true });
    return h('form', { id: 'identify', onsubmit: async event => {
      event.preventDefault();
      try {
        this.call = (await post('api/calls/' + this.call.id + '/member', { memberNumber: memberNumber.value.trim() })).body;
        await this.refresh();
        this.verification.querySelector('input')?.focus();
      } catch (failure) {
        result(answer, 'error', problemText(failure.body));
      }
    } }, this.screenPop(memberNumber), field('Member the caller claims to be', memberNumber), h('button', { type: 'submit' }, 'Identify'), answer);
  }

  /**
   * Screen pop: the members with the caller's number on file (a household shares a phone, so all of
   * them), each one click from identifying; caller ID proves nothing, so the rep still verifies.
   */
  screenPop(memberNumber) {
    const box = h('div', { id: 'screen-pop', hidden: true });
    if (this.call.channel === 'BRANCH' || !this.call.ani) {
      return box;
    }
    const callId = this.call.id;
    get('api/members' + query({ q: this.call.ani, size: 10 })).then(reply => {
      const found = reply.body.items || [];
      if (found.length === 0 || this.call?.id !== callId) {
        return;
      }
      fill(box, h('p', {}, found.length === 1 ? 'One member has this number on file:' : found.length + ' members have this number on file:'),
        h('ul', { class: 'hits' }, found.map(member => h('li', {}, h('button', {
          type: 'button', class: 'link', 'data-member': member.memberNumber,
          onclick: () => { memberNumber.value = member.memberNumber; memberNumber.form.requestSubmit(); },
        }, member.memberNumber + ' — ' + member.name)))));
      box.hidden = false;
    }, () => {});
    return box;
  }

  /** Phone access locked: the rep asks a supervisor to unlock it, saying why; the request waits in the approval queue. */
  unlockForm() {
    if (this.unlockBox) {
      return this.unlockBox;
    }
    const reason = h('input', { id: 'unlock-reason', maxlength: 500, required: true, autocomplete: 'off' });
    const answer = h('div', { id: 'unlock-result', hidden: true });
    this.unlockBox = h('form', { id: 'unlock-request', onsubmit: async event => {
      event.preventDefault();
      try {
        const asked = (await post('api/members/' + encodeURIComponent(this.call.memberNumber) + '/phone-unlock', { reason: reason.value.trim() })).body;
        reason.value = '';
        this.stops.push(awaitApproval(answer, asked));
        this.requests.read();
      } catch (failure) {
        result(answer, 'error', problemText(failure.body));
      }
    } }, field('Ask a supervisor to unlock phone access: why', reason, 'the request waits in the approval queue'),
    h('button', { type: 'submit', id: 'unlock-request-button' }, 'Ask to unlock'), answer);
    return this.unlockBox;
  }

  showLog() {
    const events = this.call.events || [];
    fill(this.log, h('h2', { id: 'log-h' }, 'Call log'),
      h('ol', { class: 'log' }, events.map(event => h('li', { 'data-type': event.type },
        h('time', {}, when(event.at)), ' ', h('strong', {}, event.type.replaceAll('_', ' ').toLowerCase()),
        event.factor ? ' ' + event.factor : '', event.outcome ? ' ' + event.outcome : '',
        event.detail && event.type !== 'NOTE' ? ' — ' + event.detail : ''))));
    const notes = events.filter(event => event.type === 'NOTE');
    fill(this.noteList, notes.length === 0 ? h('li', { class: 'muted' }, 'No notes yet.') : notes.map(note =>
      h('li', { class: 'note' }, h('div', { class: 'note-meta' }, when(note.at) + ' · ' + note.staff),
        h('div', { class: 'note-text' }, note.detail))));
  }

  async showMember() {
    if (!this.verified) {
      fill(this.member, h('h2', { id: 'member-h' }, 'Accounts'),
        h('p', { class: 'muted' }, 'Verify the caller to see the member\'s accounts.'));
      fill(this.posting, h('h2', { id: 'posting-h' }, 'Post'), h('p', { class: 'muted' }, 'Verify the caller first.'));
      fill(this.referral, h('h2', { id: 'referral-h' }, 'Refer a product'), h('p', { class: 'muted' }, 'Verify the caller first.'));
      fill(this.lifecycle, h('h2', { id: 'lifecycle-h' }, 'Open or close an account'), h('p', { class: 'muted' }, 'Verify the caller first.'));
      this.lifecycleAccounts = null;
      this.memberFile = null;
      this.postingShown = false;
      return;
    }
    const first = !this.postingShown;
    this.postingShown = true;
    let types = null;
    try {
      // the posting form is built from the server's answer of what each posting type needs
      const [file, answer] = await Promise.all([get('api/members/' + encodeURIComponent(this.call.memberNumber)),
        first ? postingTypes() : null]);
      this.memberFile = file.body;
      types = answer;
    } catch (failure) {
      this.postingShown = !first;
      fill(this.member, h('h2', { id: 'member-h' }, 'Accounts'), h('p', { class: 'error', role: 'alert' }, problemText(failure.body)));
      return;
    }
    accountsPanel(this.member, this);
    // drawn again only when the accounts changed, so that a form being filled in is not wiped by a refresh
    const accountsNow = JSON.stringify(this.memberFile.accounts);
    if (accountsNow !== this.lifecycleAccounts) {
      this.lifecycleAccounts = accountsNow;
      this.stopLifecycle?.();
      this.stopLifecycle = lifecyclePanel(this.lifecycle, this);
    }
    if (first) {
      this.stops.push(() => this.stopLifecycle?.());
      this.stops.push(postingPanel(this.posting, this, types));
      referralPanel(this.referral, this);
    } else {
      this.posting.dispatchEvent(new CustomEvent('tally:accounts', { detail: this.memberFile }));
    }
  }

  notesPanel() {
    const text = h('textarea', { id: 'note-text', maxlength: 2000, rows: 3, required: true, accesskey: 'o' });
    const answer = h('div', { id: 'note-result', hidden: true });
    this.noteList = h('ul', { id: 'note-list', class: 'notes' });
    fill(this.notes, h('h2', { id: 'notes-h' }, 'Notes'),
      h('form', { id: 'note-form', onsubmit: async event => {
        event.preventDefault();
        try {
          this.call = (await post('api/calls/' + this.call.id + '/notes', { text: text.value })).body;
          text.value = '';
          this.showLog();
          result(answer, 'ok', 'Note added.');
        } catch (failure) {
          result(answer, 'error', problemText(failure.body));
        }
      } }, field('New note (append-only)', text, 'Alt+O; Ctrl+Enter adds it'), h('button', { type: 'submit', id: 'add-note' }, 'Add note')),
      answer, this.noteList);
    text.addEventListener('keydown', event => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        text.form.requestSubmit();
      }
    });
  }

  endPanel() {
    const disposition = h('select', { id: 'disposition', accesskey: 'e' },
      DISPOSITIONS.map(name => h('option', { value: name }, name.replaceAll('_', ' ').toLowerCase())));
    const answer = h('div', { id: 'end-result', hidden: true });
    fill(this.ending, h('h2', { id: 'end-h' }, 'End the call'),
      h('form', { id: 'end-form', onsubmit: async event => {
        event.preventDefault();
        try {
          const ended = (await post('api/calls/' + this.call.id + '/end', { disposition: disposition.value })).body;
          this.showStart('Call ' + shortRef(ended.id) + ' ended: ' + ended.disposition + '.');
        } catch (failure) {
          result(answer, 'error', problemText(failure.body));
        }
      } }, field('Disposition', disposition, 'Alt+E'), h('button', { type: 'submit', id: 'end-call' }, 'End call')), answer);
  }
}

const shortcuts = [['Alt+N', 'caller number (start a call)'], ['Alt+K', 'knowledge questions'], ['Alt+C', 'passcode'],
  ['Alt+A', 'the first account\'s history'], ['Alt+P', 'post: transaction type'], ['Alt+O', 'new note (Ctrl+Enter adds it)'],
  ['Alt+E', 'end the call: disposition'], ['Alt+B', 'start a branch visit: member number'],
  ['Alt+I', 'photo ID (in a visit)'], ['Alt+R', 'refer a product']];

export default { id: 'desk', title: 'Call desk', roles: ['REP', 'SUPERVISOR'], homeFor: ['REP'], shortcuts, render };
