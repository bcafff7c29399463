/**
 * Every page of the console, in the order of the navigation. A page is one module whose default
 * export is {id, title, roles, homeFor, render(main, context) -> optional cleanup}. A new page is a
 * new module plus one line here.
 */
import desk from './pages/desk.js';
import supervisor from './pages/supervisor.js';
import approvals from './pages/approvals.js';
import drawers from './pages/drawers.js';
import team from './pages/team.js';
import drawer from './pages/drawer.js';
import scorecard from './pages/scorecard.js';
import bsa from './pages/bsa.js';
import trail from './pages/audit-trail.js';
import integrity from './pages/audit-integrity.js';
import exportTrail from './pages/audit-export.js';
import dayClose from './pages/day-close.js';
import outbox from './pages/outbox.js';

export const pages = [supervisor, approvals, drawers, team, desk, drawer, scorecard, trail, integrity, exportTrail, bsa, dayClose, outbox];

/** Which role's home wins when a person holds several (a supervisor is also a rep). */
const HOME_ORDER = ['SUPERVISOR', 'REP', 'AUDITOR', 'ADMIN'];

export function pagesFor(me) {
  return pages.filter(page => page.roles.some(role => me.roles.includes(role)));
}

export function homeOf(me) {
  for (const role of HOME_ORDER) {
    if (me.roles.includes(role)) {
      const page = pages.find(candidate => (candidate.homeFor || []).includes(role));
      if (page) {
        return page;
      }
    }
  }
  return pagesFor(me)[0];
}
