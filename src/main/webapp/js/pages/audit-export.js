/**
 * The signed trail of a range of business dates as JSON Lines, downloaded with the auditor's token
 * (fetched, then saved from memory: the token never goes into a link) and verifiable offline.
 */
import { download, get, query } from '../api.js';
import { h, fill, field, result, problemText, dateInput } from '../dom.js';

function render(main) {
  const from = dateInput({ id: 'export-from', required: true, accesskey: 'f' });
  const to = dateInput({ id: 'export-to', required: true });
  const answer = h('div', { id: 'export-result', hidden: true });
  const key = h('code', { id: 'export-key' }, '<the published public key hex>');

  async function downloadRange(event) {
    event.preventDefault();
    try {
      const name = 'tally-export-' + from.value + '-' + to.value + '.jsonl';
      const blob = await download('api/audit/export' + query({ from: from.value, to: to.value }), 'application/x-ndjson', name);
      const lines = (await blob.text()).split('\n').filter(line => line.trim() !== '').length;
      result(answer, 'ok', h('p', {}, 'Downloaded ', h('strong', {}, name), ': ', String(lines), ' lines, ', String(blob.size), ' bytes.'),
        h('p', {}, 'Verify it offline:'),
        h('pre', {}, 'java src/main/verifier/TallyVerify.java ' + name + ' --key ', key.textContent));
    } catch (failure) {
      result(answer, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'Export'),
    h('form', { id: 'export-form', class: 'card', onsubmit: downloadRange },
      h('p', {}, 'The signed trail (entries, leaves, checkpoints and the public key) of a range of business dates.'),
      field('From business date', from, 'Alt+F'), field('To business date', to),
      h('button', { type: 'submit', id: 'export-button' }, 'Download')),
    answer);
  get('api/business-date').then(reply => {
    from.value = from.value || reply.body.businessDate;
    to.value = to.value || reply.body.businessDate;
  }).catch(() => {});
  get('api/audit/public-key').then(reply => { key.textContent = reply.body.publicKey; }).catch(() => {});
}

export default { id: 'audit-export', title: 'Export', roles: ['AUDITOR'], shortcuts: [['Alt+F', 'from date']], render };
