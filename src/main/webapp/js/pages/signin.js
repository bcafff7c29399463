/** Sign-in: username and password; the token is kept by api.js for this tab and nowhere else. */
import { api, session, Problem } from '../api.js';
import { h, field, result, problemText } from '../dom.js';

function render(main, { message, signedIn }) {
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, maxlength: 100 });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true, maxlength: 200 });
  const answer = h('div', { id: 'sign-in-result', hidden: !message });
  if (message) {
    answer.className = 'result info';
    answer.textContent = message;
  }
  const form = h('form', { id: 'sign-in', class: 'card narrow', onsubmit: submit },
    h('h1', {}, 'Sign in to Tally'),
    answer,
    field('Username', username),
    field('Password', password),
    h('button', { type: 'submit', id: 'sign-in-button' }, 'Sign in'));
  main.append(form);
  username.focus();

  async function submit(event) {
    event.preventDefault();
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const reply = await api('POST', 'api/auth/login', { body: { username: username.value.trim(), password: password.value } });
      session.begin(reply.body.token);
      password.value = '';
      signedIn({ username: reply.body.username, displayName: reply.body.displayName, roles: reply.body.roles });
    } catch (failure) {
      password.value = '';
      result(answer, 'error', failure instanceof Problem ? problemText(failure.body) : 'Sign-in failed.');
      password.focus();
    } finally {
      button.disabled = false;
    }
  }
}

export default { id: 'sign-in', title: 'Sign in', roles: [], render };
