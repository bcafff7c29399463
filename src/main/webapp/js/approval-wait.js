/**
 * A posting answered 202 waits for a supervisor's override decision. This shows the request id and
 * polls GET api/approvals/{id}, showing the status the server gives, until the request is decided;
 * when the answer carries the posting's result, it is handed to onPosted.
 *
 * What it reads: the request id from the 202 body's approvalId, approval.id or id; from each poll
 * answer status (or state; PENDING keeps polling, anything else is the decision, shown as an error
 * when it is DENIED, REJECTED, EXPIRED, FAILED or CANCELLED), decidedBy, decisionReason (or reason),
 * and result (or posting): the posting's own answer ({entry, balances, ...}) once it has posted.
 */
import { get, Problem } from './api.js';
import { h, fill, result } from './dom.js';

const EVERY_MS = 3000;

export function approvalIdOf(body) {
  if (!body) {
    return null;
  }
  return body.approvalId ?? body.approval?.id ?? body.id ?? null;
}

/** Starts waiting; returns a function that stops the polling (call it when leaving the page). */
export function awaitApproval(box, accepted, onPosted) {
  const id = approvalIdOf(accepted);
  const statusText = h('span', { class: 'approval-status' }, accepted?.status || 'PENDING');
  const decision = h('p', { class: 'approval-decision', hidden: true });
  result(box, 'waiting',
    h('p', {}, h('strong', {}, 'Waiting for a supervisor'), ' — override request ',
      h('span', { class: 'approval-id' }, String(id ?? '?'))),
    accepted?.detail || accepted?.reason ? h('p', {}, accepted.detail || accepted.reason) : null,
    h('p', {}, 'Status: ', statusText),
    decision);
  if (id === null) {
    return () => {};
  }
  let timer = null;
  let stopped = false;

  async function poll() {
    timer = null;
    if (stopped) {
      return;
    }
    try {
      const approval = (await get('api/approvals/' + encodeURIComponent(id))).body || {};
      const state = approval.status || approval.state || 'PENDING';
      statusText.textContent = state;
      const reason = approval.decisionReason || approval.reason || approval.decision?.reason;
      const decidedBy = approval.decidedBy || approval.decision?.by;
      if (state !== 'PENDING') {
        fill(decision, decidedBy ? 'Decided by ' + decidedBy : 'Decided', reason ? ': ' + reason : '');
        decision.hidden = false;
        box.className = 'result ' + (/DENIED|REJECTED|EXPIRED|FAILED|CANCELLED/.test(state) ? 'error' : 'ok');
        const posted = approval.result || approval.posting || (approval.entry ? approval : null);
        if (posted && onPosted) {
          onPosted(posted, approval);
        }
        box.focus();
        return;
      }
    } catch (failure) {
      if (failure instanceof Problem && failure.status === 403) {
        statusText.textContent = 'cannot be read (' + (failure.code || 'FORBIDDEN') + ')';
        return;
      }
      // not reachable or not known yet: keep the last status and try again
    }
    if (!stopped) {
      timer = setTimeout(poll, EVERY_MS);
    }
  }

  timer = setTimeout(poll, EVERY_MS);
  return () => {
    stopped = true;
    if (timer) {
      clearTimeout(timer);
    }
  };
}
