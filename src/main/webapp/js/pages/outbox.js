/**
 * The demo outbox (ADMIN): what the credit union would have sent by SMS or e-mail, such as the
 * one-time passcodes a caller reads back to the rep. Only the demo has it.
 */
import { get, query } from '../api.js';
import { h, field, table, result, problemText, when } from '../dom.js';

function render(main) {
  const member = h('input', { id: 'outbox-member', maxlength: 12, autocomplete: 'off', inputmode: 'numeric' });
  const list = h('div', { id: 'outbox-list', hidden: true });

  async function load(event) {
    event?.preventDefault();
    try {
      const answer = (await get('api/outbox' + query({ member: member.value }))).body;
      result(list, 'plain', answer.items.length === 0 ? 'Nothing sent yet.' :
        table(['Sent', 'Channel', 'To', 'Purpose', 'Member', 'Call', 'Message'], answer.items.map(message =>
          [when(message.createdAt), message.channel, message.destination, message.purpose,
            message.memberNumber || '', message.callId || '', message.body])));
    } catch (failure) {
      result(list, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'Outbox (demo)'),
    h('p', { class: 'muted' }, 'What would have been sent to members, newest first: the demo\'s stand-in for SMS and e-mail.'),
    h('form', { id: 'outbox-form', class: 'inline', onsubmit: load }, field('Member (optional)', member),
      h('button', { type: 'submit', accesskey: 'r' }, 'Refresh')),
    list);
  load();
}

export default { id: 'outbox', title: 'Outbox', roles: ['ADMIN'], homeFor: ['ADMIN'], shortcuts: [['Alt+R', 'refresh']], render };
