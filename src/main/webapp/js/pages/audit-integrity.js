/**
 * The auditor's proofs: verify the ledger (every leaf, root and checkpoint signature), replay every
 * balance from the journal lines, and sign or list checkpoints.
 */
import { get, post, query } from '../api.js';
import { h, fill, field, table, result, problemText, when, dateInput, zonedInstant, zoneName } from '../dom.js';
import { formatMoney } from '../money.js';

const LOG_NAMES = { call_event: 'Call log', security_event: 'Security log' };

/** "1 entry", "3 entries". */
function count(n, one, many) {
  return n + ' ' + (n === 1 ? one : many);
}

/**
 * What POST api/audit/verify checked, said exactly: a verdict of "OK" alone would claim more than was
 * verified when no checkpoint is signed yet (no signature was checked) or when rows are not sealed yet
 * (the sealer seals them within a minute; until then they are in no tree, so nothing proves them).
 */
export function verifyReport(report, signedLeaves) {
  const waitingEntries = Math.max(0, report.entriesChecked - report.leavesChecked);
  const logs = report.logs || [];
  const waitingRows = logs.reduce((sum, log) => sum + Math.max(0, log.rowsChecked - log.leavesChecked), 0);
  const checkpoints = report.checkpointsChecked + logs.reduce((sum, log) => sum + (log.checkpointsChecked || 0), 0);
  let verdict;
  if (!report.ok) {
    verdict = 'Verification FAILED: ' + count(report.problems.length, 'problem', 'problems')
      + (report.problemsTruncated ? ' (first ones only)' : '');
  } else if (waitingEntries + waitingRows === 0 && checkpoints > 0) {
    verdict = 'Verified: every entry and log row is sealed and matches its tree; ' + count(checkpoints, 'signed checkpoint', 'signed checkpoints') + ' checked';
  } else {
    verdict = 'Verified what is sealed: no problem found'
      + (waitingEntries + waitingRows ? '; ' + count(waitingEntries + waitingRows, 'row waits', 'rows wait') + ' for sealing' : '')
      + (checkpoints ? '' : '; no checkpoint was checked');
  }
  const journal = report.leavesChecked + ' of ' + count(report.entriesChecked, 'journal entry', 'journal entries')
    + ' sealed and recomputed against their leaves' + (waitingEntries ? '; ' + waitingEntries + ' waiting for sealing' : '');
  let signed = report.checkpointsChecked
    ? count(report.checkpointsChecked, 'journal checkpoint', 'journal checkpoints') + ': signature and root checked'
    : 'No journal checkpoint checked: none is signed yet, so no signature was verified';
  if (report.checkpointsChecked && signedLeaves !== null && signedLeaves !== undefined) {
    const unsigned = Math.max(0, report.leavesChecked - signedLeaves);
    signed += '; the newest signs ' + signedLeaves + ' of the ' + report.leavesChecked + ' sealed entries'
      + (unsigned ? ' (' + unsigned + ' await the next checkpoint)' : '');
  }
  return [
    h('p', {}, h('strong', { id: 'verify-verdict' }, verdict)),
    h('ul', { id: 'verify-what' },
      h('li', { id: 'verify-journal' }, journal),
      h('li', { id: 'verify-checkpoints' }, signed),
      logs.map(log => {
        const waiting = Math.max(0, log.rowsChecked - log.leavesChecked);
        return h('li', { class: 'verify-log', 'data-log': log.log }, (LOG_NAMES[log.log] || log.log.replaceAll('_', ' ')) + ': '
          + log.leavesChecked + ' of ' + count(log.rowsChecked, 'row', 'rows') + ' sealed and recomputed'
          + (waiting ? '; ' + waiting + ' waiting for sealing' : '') + '; '
          + count(log.checkpointsChecked || 0, 'checkpoint', 'checkpoints') + ' checked');
      })),
    h('p', { class: 'muted' }, 'Rows are sealed within a minute of being written; verify again to include those waiting. Took '
      + report.millis + ' ms.'),
    logs.length ? table(['Log', 'Rows', 'Leaves', 'Root'], logs.map(log =>
      [log.log, String(log.rowsChecked), String(log.leavesChecked), log.root])) : null,
    report.problems.length ? table(['Kind', 'Where', 'Detail'], report.problems.map(problem =>
      [problem.kind, ['entryId', 'leafIndex', 'checkpoint'].filter(name => problem[name] !== undefined)
        .map(name => name + ' ' + problem[name]).join(', '), problem.detail || '']), 'Problems'
      + (report.problemsTruncated ? ' (first ones only)' : '')) : null,
  ];
}

function render(main) {
  const verified = h('div', { id: 'verify-result', hidden: true });
  const replayed = h('div', { id: 'replay-result', hidden: true });
  const checkpoints = h('div', { id: 'checkpoints' });
  const key = h('p', { id: 'public-key', class: 'muted' });

  async function verify() {
    fill(verified, 'Verifying…');
    verified.hidden = false;
    try {
      const report = (await post('api/audit/verify')).body;
      // the newest checkpoint verified is the last of the first checkpointsChecked ones (they are only appended)
      let signedLeaves = null;
      try {
        const list = (await get('api/audit/checkpoints')).body.checkpoints;
        signedLeaves = list[report.checkpointsChecked - 1]?.treeSize ?? null;
      } catch (unread) {
        signedLeaves = null;
      }
      result(verified, report.ok ? 'ok' : 'error', ...verifyReport(report, signedLeaves));
    } catch (failure) {
      result(verified, 'error', problemText(failure.body));
    }
  }

  async function replay() {
    fill(replayed, 'Replaying…');
    replayed.hidden = false;
    try {
      const report = (await post('api/audit/replay')).body;
      result(replayed, report.ok ? 'ok' : 'error',
        h('p', {}, h('strong', { id: 'replay-verdict' }, report.ok ? 'Replay: every stored balance matches the journal'
          : 'Replay: differences found')),
        h('p', {}, report.entriesChecked + ' entries, ' + report.memberAccountsChecked + ' member accounts in '
          + report.millis + ' ms · total debits ' + formatMoney(report.totalDebits) + ' · total credits ' + formatMoney(report.totalCredits)),
        report.balanceDifferences.length ? table(['Account', 'Stored ledger', 'From lines', 'Stored available', 'Expected available'],
          report.balanceDifferences.map(d => [d.account, formatMoney(d.storedLedgerBalance), formatMoney(d.ledgerBalanceFromLines),
            formatMoney(d.storedAvailableBalance), formatMoney(d.expectedAvailableBalance)]), 'Balance differences') : null,
        report.unbalancedEntries.length ? table(['Entry', 'Debits', 'Credits'], report.unbalancedEntries.map(e =>
          [String(e.entryId), formatMoney(e.debits), formatMoney(e.credits)]), 'Unbalanced entries') : null,
        table(['GL account', 'Normal side', 'Debits', 'Credits', 'Balance'], report.glBalances.map(gl =>
          [gl.code, gl.normalSide, formatMoney(gl.debits), formatMoney(gl.credits), formatMoney(gl.balance)]), 'GL balances'));
    } catch (failure) {
      result(replayed, 'error', problemText(failure.body));
    }
  }

  async function listCheckpoints(focus) {
    try {
      const list = (await get('api/audit/checkpoints')).body.checkpoints;
      const shown = table(['Checkpoint', 'Tree size', 'Root hash', 'Signed', 'Why', 'Key'], list.slice().reverse().map(checkpoint =>
        [String(checkpoint.id), String(checkpoint.treeSize), checkpoint.rootHash, when(checkpoint.createdAt), checkpoint.reason, checkpoint.keyId]),
      list.length + ' checkpoints, newest first');
      if (focus) {
        result(checkpoints, 'plain', shown);
      } else {
        fill(checkpoints, shown);
      }
    } catch (failure) {
      result(checkpoints, 'error', problemText(failure.body));
    }
  }

  async function sign() {
    try {
      await post('api/audit/checkpoints');
      await listCheckpoints(true);
    } catch (failure) {
      result(checkpoints, 'error', problemText(failure.body));
    }
  }

  const account = h('input', { id: 'as-of-account', maxlength: 40, required: true, autocomplete: 'off' });
  const atDate = dateInput({ id: 'as-of-date' });
  const atTime = h('input', { id: 'as-of-time', maxlength: 8, placeholder: 'HH:MM:SS', inputmode: 'numeric', autocomplete: 'off' });
  const asOf = h('div', { id: 'as-of-result', hidden: true });
  const entryId = h('input', { id: 'proof-entry', maxlength: 19, required: true, inputmode: 'numeric', autocomplete: 'off' });
  const proof = h('div', { id: 'proof-result', hidden: true });

  async function balanceAsOf(event) {
    event.preventDefault();
    try {
      // a wall-clock time in the credit union's zone, sent as an instant; a date alone means its end
      const date = atDate.value.trim();
      const instant = date ? zonedInstant(date, atTime.value.trim() || '23:59:59') : '';
      if (instant === null) {
        result(asOf, 'error', 'Type the time as YYYY-MM-DD and HH:MM or HH:MM:SS.');
        return;
      }
      const answer = (await get('api/audit/accounts/' + encodeURIComponent(account.value.trim()) + '/balance'
        + query({ at: instant }))).body;
      result(asOf, 'plain', answer.kind + ' ', h('strong', {}, answer.account), ' as of ', when(answer.at), ': ',
        h('strong', { id: 'as-of-balance' }, formatMoney(answer.balance)), ' (from the journal lines)');
    } catch (failure) {
      result(asOf, 'error', problemText(failure.body));
    }
  }

  async function inclusion(event) {
    event.preventDefault();
    try {
      const answer = (await get('api/audit/entries/' + encodeURIComponent(entryId.value.trim()) + '/inclusion')).body;
      result(proof, answer.verified ? 'ok' : 'error',
        h('p', {}, h('strong', {}, 'Entry ' + answer.entryId + (answer.verified ? ' is included' : ' is NOT proven included')),
          ' in checkpoint ' + answer.checkpoint.id + ' (tree size ' + answer.treeSize + ')'),
        h('p', {}, 'Leaf ' + answer.leafIndex + ', ' + answer.path.length + ' hashes in the audit path; root ', h('code', {}, answer.rootHash)));
    } catch (failure) {
      result(proof, 'error', problemText(failure.body));
    }
  }

  main.append(h('h1', {}, 'Verify and replay'),
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'verify-button', accesskey: 'v', onclick: verify }, 'Verify the ledger'),
      h('button', { type: 'button', id: 'replay-button', accesskey: 'r', onclick: replay }, 'Replay balances'),
      h('button', { type: 'button', id: 'checkpoint-button', accesskey: 'k', onclick: sign }, 'Sign a checkpoint now')),
    verified, replayed,
    h('div', { class: 'columns' },
      h('section', { class: 'card', 'aria-labelledby': 'as-of-h' },
        h('h2', { id: 'as-of-h' }, 'One balance as of a time'),
        h('form', { id: 'as-of-form', onsubmit: balanceAsOf },
          field('Member account or GL code', account), field('As of date (empty: now)', atDate),
          field('and time, ' + zoneName(), atTime),
          h('button', { type: 'submit' }, 'Replay balance')), asOf),
      h('section', { class: 'card', 'aria-labelledby': 'proof-h' },
        h('h2', { id: 'proof-h' }, 'Inclusion proof'),
        h('form', { id: 'proof-form', onsubmit: inclusion },
          field('Entry id', entryId, 'against the newest checkpoint'),
          h('button', { type: 'submit' }, 'Prove')), proof)),
    h('section', { class: 'card wide', 'aria-labelledby': 'checkpoints-h' },
      h('h2', { id: 'checkpoints-h' }, 'Checkpoints'), key, checkpoints));
  listCheckpoints(false);
  get('api/audit/public-key').then(reply => fill(key, 'Signing key ', reply.body.keyId, ' (', reply.body.algorithm, '): ',
    h('code', {}, reply.body.publicKey))).catch(() => {});
}

export default { id: 'audit-integrity', title: 'Verify', roles: ['AUDITOR'],
  shortcuts: [['Alt+V', 'verify the ledger'], ['Alt+R', 'replay balances'], ['Alt+K', 'sign a checkpoint']], render };
