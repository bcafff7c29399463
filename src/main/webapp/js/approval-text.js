/**
 * An approval request (coop.tally.approval.ApprovalJson) in the words of the person reading it:
 * "Withdrawal of $3,000.00 from share …S10 of Eleanor Whitfield (member 100001), requested by rep1".
 * The API speaks in field names and decimal strings; a supervisor decides on what was asked, for
 * whom and why, so the queue and the desk both describe a request from here.
 */
import { formatMoney } from './money.js';

const POSTINGS = { DEPOSIT: 'Deposit', WITHDRAWAL: 'Withdrawal', TRANSFER: 'Transfer', LOAN_PAYMENT: 'Loan payment', OFFICIAL_CHECK: 'Official check' };
const INSTRUMENTS = { MONEY_ORDER: 'money order', CASHIERS_CHECK: 'cashier\'s check' };

/** "SHARE_DRAFT" -> "share draft": an API name as a word. */
export function words(name) {
  return String(name ?? '').replaceAll('_', ' ').toLowerCase();
}

/** "ledgerBalance" -> "ledger balance": a field name as words, for fields this module has no label for. */
export function fieldWords(name) {
  return String(name).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * An account as a person names it: its type and the part of its number after the member number
 * ("share draft …S10"), and whose it is when it is not the request's member's.
 */
export function accountWords(approval, account) {
  const type = approval.accountTypes?.[account];
  const [owner, own] = String(account).split('-');
  const short = own ? '…' + own : account;
  const named = (type ? words(type) + ' ' : 'account ') + short;
  return owner && owner !== approval.memberNumber ? named + ' of member ' + owner : named;
}

/** Whose money: "Eleanor Whitfield (member 100001)", or the number alone when the name is not in the answer. */
export function memberWords(approval) {
  if (!approval.memberNumber) {
    return null;
  }
  return approval.memberName ? approval.memberName + ' (member ' + approval.memberNumber + ')' : 'member ' + approval.memberNumber;
}

/** What was asked, in one sentence without the maker: "Cash withdrawal of $3,000.00 from share …S00 of Eleanor Whitfield (member 100001)". */
export function whatWasAsked(approval) {
  const asked = approval.request || {};
  const member = memberWords(approval);
  const of = member ? ' of ' + member : '';
  switch (approval.kind) {
    case 'POSTING': {
      const label = POSTINGS[asked.type] || words(asked.type);
      const tender = asked.tender && asked.tender !== 'INTERNAL' ? words(asked.tender) + ' ' : '';
      const parts = [(tender ? tender + label.toLowerCase() : label) + ' of ' + formatMoney(asked.amount)];
      if (asked.instrument) parts.push('as a ' + (INSTRUMENTS[asked.instrument] || words(asked.instrument)));
      if (asked.fromAccount) parts.push('from ' + accountWords(approval, asked.fromAccount) + of);
      if (asked.loanAccount) parts.push('to ' + accountWords(approval, asked.loanAccount) + (asked.fromAccount ? '' : of));
      if (asked.toAccount) parts.push('to ' + accountWords(approval, asked.toAccount) + (asked.fromAccount ? '' : of));
      if (!asked.fromAccount && !asked.toAccount && !asked.loanAccount && member) parts.push('for ' + member);
      const text = parts.join(' ');
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'REVERSAL':
      return 'Reversal of entry ' + asked.entryId + (asked.reasonCode ? ' (' + words(asked.reasonCode) + ')' : '') + (member ? ' for ' + member : '');
    case 'PHONE_UNLOCK':
      return 'Unlock the phone access of ' + (member || 'a member');
    case 'DRAWER_CLOSE': {
      // the count and the expected cash are what the policy checked (its "balances")
      const count = (approval.balancesChecked || []).find(item => item.counted !== undefined);
      return 'Close drawer ' + asked.drawerId + (count ? ' with ' + formatMoney(count.counted) + ' counted, '
        + formatMoney(count.expected) + ' expected' : '');
    }
    case 'SANCTIONS_REVIEW':
      return sanctionsWords(approval, asked, member);
    default:
      return approval.summary || words(approval.kind);
  }
}

/**
 * A held action and the listed name it may match: "Enrol new member Kestrel Zorvat: possible match of
 * ZORVATH, Kestrel Amadeo (SDN entry 90001, SDGT, score 0.971)". Clearing it lets the action happen.
 */
function sanctionsWords(approval, asked, member) {
  const held = asked.held || {};
  const match = asked.match || {};
  let action;
  switch (asked.action) {
    case 'ENROLMENT':
      action = 'Enrol new member ' + asked.screenedName + (held.dateOfBirth ? ' (born ' + held.dateOfBirth + ')' : '');
      break;
    case 'NAME_CHANGE':
      action = 'Change the name of ' + (member || 'a member') + ' from ' + held.formerName + ' to ' + asked.screenedName;
      break;
    case 'OFFICIAL_CHECK': {
      const posting = held.posting || {};
      action = 'Official check of ' + formatMoney(posting.amount) + ' payable to ' + asked.screenedName + (member ? ' for ' + member : '');
      break;
    }
    default:
      action = words(asked.action) + ' for ' + asked.screenedName;
  }
  return action + ': possible match of ' + match.name + ' (SDN entry ' + match.entNum
    + (match.program ? ', ' + match.program : '') + ', score ' + match.score + ')';
}

/** The whole line a supervisor reads first: what, for whom, and who asked. */
export function requestSentence(approval) {
  return whatWasAsked(approval) + ', requested by ' + approval.requestedBy;
}

/** The first amount in a policy's message ("… cash limit of 2500.00.") as money, or null. */
function amountIn(message) {
  const found = /(\d+\.\d{2})/.exec(message || '');
  return found ? formatMoney(found[1]) : null;
}

/**
 * Why a request needs an override, phrased for the supervisor who reads it. The policies write
 * their messages to the rep who asked ("above your cash limit"); the supervisor is told whose
 * limit it is. A reason this module does not know keeps its message, "your" made the maker's.
 */
export function reasonForSupervisor(reason, approval) {
  const maker = approval.requestedBy;
  const limit = amountIn(reason.message);
  switch (reason.reason) {
    case 'CASH_LIMIT':
      return limit ? 'Above ' + maker + '\'s cash limit of ' + limit : 'Above ' + maker + '\'s cash limit';
    case 'SINGLE_POSTING_LIMIT':
      return limit ? 'Above ' + maker + '\'s single-posting limit of ' + limit : 'Above ' + maker + '\'s single-posting limit';
    case 'TRANSFER_TO_OTHER_MEMBER':
      return limit ? 'A transfer to another member above ' + limit : 'A transfer to another member';
    default:
      return (reason.message || words(reason.reason)).replace(/\byour\b/g, maker + '\'s').replace(/\.$/, '')
        .replace(/\b\d+\.\d{2}\b/g, amount => formatMoney(amount));
  }
}
