/**
 * A cross-sell referral inside the verified call: the product offered, what the member answered,
 * notes, and a follow-up date when the member asked to be called back. Referrals are never edited;
 * the ones made in this call are listed from the answers.
 */
import { get, post } from '../api.js';
import { h, fill, field, result, problemText, dateInput } from '../dom.js';

const DISPOSITIONS = [['REFERRED', 'referred: interested, passed on'], ['DECLINED_INTERESTED', 'declined, but interested later'],
  ['DECLINED_FOLLOW_UP', 'declined, follow up on a date'], ['DECLINED', 'declined']];

export function referralPanel(section, desk) {
  const product = h('select', { id: 'referral-product', accesskey: 'r', required: true });
  const disposition = h('select', { id: 'referral-disposition' }, DISPOSITIONS.map(([value, label]) => h('option', { value }, label)));
  const notes = h('textarea', { id: 'referral-notes', maxlength: 2000, rows: 2 });
  const followUp = dateInput({ id: 'referral-follow-up' });
  const answer = h('div', { id: 'referral-result', hidden: true });
  const made = h('ul', { id: 'referral-list', class: 'notes' });

  async function send(event) {
    event.preventDefault();
    const body = { memberNumber: desk.call.memberNumber, product: product.value, disposition: disposition.value };
    if (notes.value.trim()) body.notes = notes.value.trim();
    if (followUp.value.trim()) body.followUpOn = followUp.value.trim();
    try {
      const referral = (await post('api/referrals', body)).body;
      notes.value = '';
      followUp.value = '';
      made.append(h('li', { class: 'note referral', 'data-referral': referral.id },
        h('div', { class: 'note-meta' }, 'Referral ' + referral.id + ' · ' + referral.product + ' · ' + referral.disposition
          + (referral.followUpOn ? ' · follow up on ' + referral.followUpOn : '')),
        referral.notes ? h('div', { class: 'note-text referral-notes' }, referral.notes) : null));
      result(answer, 'ok', 'Referral ' + referral.id + ' logged.');
      desk.refresh().catch(() => {});
    } catch (failure) {
      result(answer, 'error', problemText(failure.body),
        failure.body.existingReferralId ? ' Existing referral: ' + failure.body.existingReferralId + '.' : '');
    }
  }

  fill(section, h('h2', { id: 'referral-h' }, 'Refer a product'),
    h('form', { id: 'referral-form', onsubmit: send },
      field('Product', product, 'Alt+R'), field('What the member said', disposition),
      field('Notes', notes), field('Follow up on', followUp, 'needed for "follow up on a date"; up to 90 days ahead'),
      h('button', { type: 'submit', id: 'referral-button' }, 'Log referral')),
    answer, made);

  get('api/referral-products').then(reply => {
    fill(product, reply.body.items.filter(item => item.active).map(item => h('option', { value: item.code }, item.name)));
  }).catch(failure => result(answer, 'error', problemText(failure.body)));
}
