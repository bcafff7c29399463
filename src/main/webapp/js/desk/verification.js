/**
 * Verifying the caller: knowledge questions (any two), the telephone PIN, and a one-time passcode
 * sent to a device on file (BASIC + passcode = STRONG). Answers are sent and then cleared from the
 * page; the result of each attempt takes the focus.
 */
import { post, Problem } from '../api.js';
import { h, fill, field, result, problemText, dateInput } from '../dom.js';
import { moneyInput, parseAmount } from '../money.js';

const PHOTO_IDS = [['DRIVERS_LICENSE', 'Driver\'s license'], ['STATE_ID', 'State ID'], ['PASSPORT', 'Passport'],
  ['MILITARY_ID', 'Military ID'], ['PERMANENT_RESIDENT_CARD', 'Permanent resident card']];

/** In a branch visit the member shows a government photo ID: its type, the last four of its number, expiry, and the rep's attestation. */
function photoIdForm(attempt) {
  const type = h('select', { id: 'photo-id-type', accesskey: 'i' }, PHOTO_IDS.map(([value, label]) => h('option', { value }, label)));
  const last4 = h('input', { id: 'photo-id-last4', maxlength: 4, minlength: 4, required: true, autocomplete: 'off', pattern: '[A-Za-z0-9]{4}' });
  const expires = dateInput({ id: 'photo-id-expires', required: true });
  const inName = h('input', { id: 'photo-id-in-name', type: 'checkbox' });
  return h('form', { id: 'photo-id-form', onsubmit: event => {
    const body = { type: type.value, last4: last4.value.trim(), expires: expires.value, inMembersName: inName.checked };
    attempt(event, '/photo-id', body, [last4, expires], 'Photo ID', 'api/visits/');
    inName.checked = false;
  } },
  h('fieldset', {}, h('legend', {}, 'Government photo ID'),
    field('Type', type, 'Alt+I'), field('Last four of the ID number', last4, 'never more of the number'),
    field('Expires', expires),
    h('div', { class: 'field check' }, h('label', { for: 'photo-id-in-name' }, inName, ' The ID is in the member\'s name and the photo matches'))),
  h('button', { type: 'submit', id: 'check-photo-id' }, 'Record photo ID'));
}

export function verificationPanel(section, desk) {
  const answer = h('div', { id: 'verify-result', hidden: true });
  const dateOfBirth = dateInput({ id: 'kba-dob', accesskey: 'k' });
  const ssnLast4 = h('input', { id: 'kba-ssn', maxlength: 4, inputmode: 'numeric', autocomplete: 'off' });
  const zip = h('input', { id: 'kba-zip', maxlength: 10, autocomplete: 'off' });
  const recentAmount = moneyInput(h('input', { id: 'kba-amount', maxlength: 20 }));
  const pin = h('input', { id: 'pin', type: 'password', maxlength: 6, inputmode: 'numeric', autocomplete: 'off' });
  const code = h('input', { id: 'passcode', maxlength: 6, inputmode: 'numeric', autocomplete: 'one-time-code', accesskey: 'c' });

  const callPath = () => 'api/calls/' + desk.call.id;

  async function attempt(event, path, body, clear, label, base) {
    event.preventDefault();
    try {
      const outcome = (await post((base ? base + desk.call.id : callPath()) + path, body)).body;
      clear.forEach(input => { input.value = ''; });
      if (base) {
        // the photo ID answers with the visit itself: recorded, and the level it gives
        result(answer, 'ok', h('strong', {}, label + ': recorded'), ' — level ', h('span', { class: 'level level-' + outcome.level }, outcome.level));
        await desk.refresh();
        answer.focus();
        return;
      }
      const lines = [h('strong', {}, label + ': ' + (outcome.passed ? 'passed' : 'failed')),
        ' — level ', h('span', { class: 'level level-' + outcome.level }, outcome.level)];
      if (outcome.locked) {
        lines.push(h('p', {}, 'Phone access is now locked: a supervisor must unlock it.'));
      }
      result(answer, outcome.passed ? 'ok' : 'error', ...lines);
      await desk.refresh();
      answer.focus();
    } catch (failure) {
      clear.forEach(input => { input.value = ''; });
      result(answer, 'error', problemText(failure.body));
      if (failure instanceof Problem && failure.status !== 401) {
        desk.refresh().catch(() => {});
      }
    }
  }

  const knowledge = h('form', { id: 'knowledge', onsubmit: event => {
    const answers = {};
    if (dateOfBirth.value.trim()) answers.dateOfBirth = dateOfBirth.value.trim();
    if (ssnLast4.value.trim()) answers.ssnLast4 = ssnLast4.value.trim();
    if (zip.value.trim()) answers.zip = zip.value.trim();
    if (recentAmount.value.trim()) answers.recentAmount = parseAmount(recentAmount.value) || recentAmount.value.trim();
    attempt(event, '/knowledge', { answers }, [dateOfBirth, ssnLast4, zip, recentAmount], 'Knowledge questions');
  } },
  h('fieldset', {}, h('legend', {}, 'Knowledge questions (any two)'),
    field('Date of birth', dateOfBirth, 'Alt+K'), field('SSN last four', ssnLast4), field('ZIP', zip),
    field('A recent transaction amount', recentAmount)),
  h('button', { type: 'submit', id: 'check-knowledge' }, 'Check answers'));

  const pinForm = h('form', { id: 'pin-form', onsubmit: event =>
    attempt(event, '/pin', { pin: pin.value.trim() }, [pin], 'PIN') },
  field('Telephone PIN', pin), h('button', { type: 'submit', id: 'check-pin' }, 'Check PIN'));

  const sentTo = h('p', { id: 'passcode-sent', class: 'muted' }, 'A passcode goes to a phone or e-mail on file.');
  const passcode = h('form', { id: 'passcode-form', onsubmit: event =>
    attempt(event, '/passcode/check', { code: code.value.trim() }, [code], 'Passcode') },
  h('button', { type: 'button', id: 'send-passcode', onclick: async () => {
    try {
      const sent = (await post(callPath() + '/passcode')).body;
      fill(sentTo, 'Passcode sent to ' + sent.sentTo + '. Ask the caller to read it out.');
      sentTo.className = '';
      await desk.refresh();
      code.focus();
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  } }, 'Send passcode'),
  sentTo,
  field('Passcode the caller reads out', code, 'Alt+C'),
  h('button', { type: 'submit', id: 'check-passcode' }, 'Check passcode'));

  if (desk.call.channel === 'BRANCH') {
    fill(section, h('h2', { id: 'verification-h' }, 'Verify the member at the counter'), answer, photoIdForm(attempt));
    return;
  }
  // once the caller is STRONG the forms fold away (the outcome stays), so the member's accounts, the
  // posting form and the log fit the screen; the rep can unfold them
  const unfold = h('button', { type: 'button', id: 'unfold-verification', class: 'link unfold', onclick: () => {
    section.classList.toggle('unfolded');
    unfold.textContent = section.classList.contains('unfolded') ? 'Hide the verification forms' : 'Show the verification forms';
  } }, 'Show the verification forms');
  fill(section, h('h2', { id: 'verification-h' }, 'Verify the caller'), answer, unfold,
    h('div', { class: 'verify-forms' }, knowledge, pinForm, passcode));
}
