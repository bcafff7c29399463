/**
 * "Enrol new member" at the counter: in a branch visit that names no member yet, the rep types
 * the customer identification data and the photo ID inspected. Enrolled, the visit names the new
 * member, verified by that ID, and the desk shows their (empty) share account for the first
 * deposit. A possible sanctions match waits for a supervisor (SANCTIONS_REVIEW): the answer says
 * so and follows the request until it is decided.
 */
import { post } from '../api.js';
import { h, field, result, problemText } from '../dom.js';
import { awaitApproval } from '../approval-wait.js';

const ID_TYPES = { DRIVERS_LICENSE: 'Driver\'s license', STATE_ID: 'State ID', PASSPORT: 'Passport', MILITARY_ID: 'Military ID', PERMANENT_RESIDENT_CARD: 'Permanent resident card' };

function input(id, props = {}) {
  return h('input', { id, name: id, autocomplete: 'off', ...props });
}

/** The form, collapsed behind its summary line until the rep opens it. */
export function enrolmentForm(desk) {
  const inputs = {
    firstName: input('enrol-first-name', { required: true, maxlength: 60 }),
    lastName: input('enrol-last-name', { required: true, maxlength: 60 }),
    dateOfBirth: input('enrol-date-of-birth', { required: true, maxlength: 10, placeholder: 'YYYY-MM-DD' }),
    ssn: input('enrol-ssn', { required: true, maxlength: 11, inputmode: 'numeric', placeholder: '123-45-6789' }),
    line1: input('enrol-line1', { required: true, maxlength: 100 }),
    line2: input('enrol-line2', { maxlength: 100 }),
    city: input('enrol-city', { required: true, maxlength: 60 }),
    state: input('enrol-state', { required: true, maxlength: 2, placeholder: 'IL' }),
    zip: input('enrol-zip', { required: true, maxlength: 10 }),
    phone: input('enrol-phone', { required: true, maxlength: 20, type: 'tel' }),
    email: input('enrol-email', { maxlength: 254, type: 'email' }),
    photoIdLast4: input('enrol-id-last4', { required: true, maxlength: 4 }),
    photoIdExpires: input('enrol-id-expires', { required: true, maxlength: 10, placeholder: 'YYYY-MM-DD' }),
  };
  const idType = h('select', { id: 'enrol-id-type', name: 'photoIdType' },
    Object.entries(ID_TYPES).map(([value, label]) => h('option', { value }, label)));
  const answer = h('div', { id: 'enrol-result', hidden: true });
  const form = h('form', { id: 'enrol', onsubmit: async event => {
    event.preventDefault();
    const body = { sessionId: desk.call.id, photoIdType: idType.value };
    for (const [name, element] of Object.entries(inputs)) {
      const value = element.value.trim();
      if (value) {
        body[name] = name === 'state' ? value.toUpperCase() : value;
      }
    }
    try {
      const answered = await post('api/enrolments', body);
      inputs.ssn.value = '';
      if (answered.status === 202) {
        result(answer, 'info', 'Possible match on the sanctions list: the enrolment waits for a supervisor\'s review.');
        desk.stops.push(awaitApproval(answer, answered.body));
        return;
      }
      await desk.refresh({ accounts: true });
      result(desk.summary.querySelector('#identify-result') || desk.summary.appendChild(h('div', { id: 'identify-result' })),
        'success', 'Enrolled member ' + answered.body.memberNumber + ' with share account ' + answered.body.shareAccount + '.');
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  } },
  field('First name', inputs.firstName), field('Last name', inputs.lastName),
  field('Date of birth', inputs.dateOfBirth), field('SSN', inputs.ssn, 'never shown again: only its last four'),
  field('Address', inputs.line1), field('Address line 2', inputs.line2), field('City', inputs.city),
  field('State', inputs.state), field('ZIP', inputs.zip), field('Phone', inputs.phone), field('E-mail', inputs.email),
  field('Photo ID', idType), field('ID number, last four', inputs.photoIdLast4), field('ID expires', inputs.photoIdExpires),
  h('button', { type: 'submit', id: 'enrol-button' }, 'Enrol'), answer);
  return h('details', { id: 'enrolment', class: 'card' }, h('summary', { id: 'enrol-open' }, 'Enrol new member'), form);
}
