/**
 * A posting answered 202 waits for a supervisor's override decision. This shows the request's id,
 * the reasons it needs an override, and polls GET api/approvals/{id} until the request is decided,
 * then shows the decision in words: approved and posted (with the entry, handed to onPosted),
 * denied with the supervisor's reason, refused when re-checked (with the code), expired or cancelled.
 *
 * What it reads (coop.tally.approval.ApprovalJson): the 202 body {code: "OVERRIDE_REQUIRED",
 * approval: {id, status, reasons: [{reason, message}], ...}}; each poll answer's status (PENDING,
 * APPROVED, DENIED, EXPIRED, CANCELLED), its events [{type, at, actor, reason, code, entryId}] and,
 * after an approval, its outcome {result: EXECUTED | REFUSED, code, entryId, detail}, where detail
 * is the posting's own answer ({entry, balances, ...}).
 */
import { get, post, Problem } from './api.js';
import { h, fill, result } from './dom.js';

const EVERY_MS = 2000;

export function approvalIdOf(body) {
  if (!body) {
    return null;
  }
  return body.approval?.id ?? body.approvalId ?? body.id ?? null;
}

/** The last event of a type, e.g. the DENIED one with the supervisor's reason. */
function eventOf(approval, type) {
  return (approval.events || []).filter(event => event.type === type).pop();
}

/** What the final answer means, in words, and whether it went through. */
export function decisionOf(approval) {
  const status = approval.status;
  const outcome = approval.outcome;
  if (status === 'APPROVED' && outcome?.result === 'EXECUTED') {
    const approved = eventOf(approval, 'APPROVED') || {};
    return { done: true, ok: true, text: 'Approved by ' + approved.actor + (approved.reason ? ' (' + approved.reason + ')' : '')
      + (outcome.entryId ? ' and posted: entry ' + outcome.entryId : ' and carried out') };
  }
  if (status === 'APPROVED' && outcome?.result === 'REFUSED') {
    const approved = eventOf(approval, 'APPROVED') || {};
    return { done: true, ok: false, text: 'Approved by ' + approved.actor + ' but refused when re-checked ('
      + (outcome.code || 'REFUSED') + '): nothing was posted' };
  }
  if (status === 'DENIED') {
    const denied = eventOf(approval, 'DENIED') || {};
    return { done: true, ok: false, text: 'Denied by ' + denied.actor + ': ' + (denied.reason || 'no reason given') };
  }
  if (status === 'EXPIRED') {
    return { done: true, ok: false, text: 'Expired: no supervisor decided in time; nothing was posted' };
  }
  if (status === 'CANCELLED') {
    const cancelled = eventOf(approval, 'CANCELLED') || {};
    return { done: true, ok: false, text: 'Cancelled by ' + cancelled.actor + (cancelled.reason ? ': ' + cancelled.reason : '') };
  }
  // PENDING, or APPROVED while it is being carried out
  return { done: false };
}

/** Starts waiting; returns a function that stops the polling (call it when leaving the page). */
export function awaitApproval(box, accepted, onPosted) {
  const first = accepted?.approval || {};
  const id = approvalIdOf(accepted);
  const statusText = h('span', { class: 'approval-status' }, first.status || 'PENDING');
  const decision = h('p', { class: 'approval-decision', hidden: true });
  // the maker may withdraw a request that still waits (the member changed their mind)
  const withdraw = h('button', { type: 'button', class: 'secondary withdraw-request', onclick: async () => {
    try {
      await post('api/approvals/' + encodeURIComponent(id) + '/cancel', {});
    } catch (failure) {
      fill(decision, failure.detail || 'The request could not be withdrawn.');
      decision.hidden = false;
    }
    // read the request again at once: the answer shows CANCELLED, or the decision that came first
    if (!stopped) {
      clearTimeout(timer);
      poll();
    }
  } }, 'Withdraw request');
  result(box, 'waiting',
    h('p', {}, h('strong', {}, 'Waiting for a supervisor'), ' — override request ',
      h('span', { class: 'approval-id' }, String(id ?? '?'))),
    (first.reasons || []).length ? h('ul', { class: 'approval-reasons' }, first.reasons.map(reason =>
      h('li', { 'data-reason': reason.reason }, reason.reason, reason.message ? ': ' + reason.message : ''))) : null,
    h('p', {}, 'Status: ', statusText, ' ', withdraw),
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
      statusText.textContent = approval.status || 'PENDING';
      const decided = decisionOf(approval);
      if (decided.done) {
        stopped = true;
        withdraw.hidden = true;
        if (decided.ok && approval.outcome?.detail?.entry && onPosted) {
          onPosted(approval.outcome.detail, decided.text);
          return;
        }
        fill(decision, decided.text);
        decision.hidden = false;
        box.className = 'result ' + (decided.ok ? 'ok' : 'error');
        box.focus();
        return;
      }
    } catch (failure) {
      if (failure instanceof Problem && failure.status === 403) {
        statusText.textContent = 'cannot be read (' + (failure.code || 'FORBIDDEN') + ')';
        return;
      }
      // not reachable for a moment: keep the last status and try again
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
