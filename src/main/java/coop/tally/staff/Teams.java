package coop.tally.staff;

import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who reports to whom. Each rep reports to at most one supervisor; ADMIN sets it and every change
 * is written to the security log with the supervisor before and after. A supervisor sees the
 * scorecards of their team and sets their targets; nobody is in their own team.
 */
@ApplicationScoped
public class Teams {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    StaffDirectory directory;

    @Inject
    SecurityLog securityLog;

    @Inject
    TallyClock clock;

    /** The supervisor the rep reports to, if any. */
    @Transactional
    public Optional<String> supervisorOf(String rep) {
        return Optional.ofNullable(em.find(TeamMembership.class, rep)).map(TeamMembership::supervisor);
    }

    /** Whether {@code rep} reports to {@code supervisor}. */
    @Transactional
    public boolean isInTeamOf(String rep, String supervisor) {
        return supervisorOf(rep).map(supervisor::equals).orElse(false);
    }

    /**
     * Whether the viewer may see a rep's figures (scorecard, referrals, targets): their own, or, for
     * a supervisor, those of the reps in their team.
     */
    @Transactional
    public boolean maySeeFiguresOf(SignedInStaff viewer, String rep) {
        return viewer.username().equals(rep) || viewer.hasRole(Role.SUPERVISOR) && isInTeamOf(rep, viewer.username());
    }

    /**
     * Refuses, with 403 NOT_YOUR_TEAM and a line in the security log, a viewer who may not see the
     * rep's {@code what} (e.g. "scorecard").
     */
    @Transactional
    public void requireMaySeeFiguresOf(SignedInStaff viewer, String rep, String what) {
        if (!maySeeFiguresOf(viewer, rep)) {
            securityLog.record("ACCESS_DENIED", viewer.username(), rep, what);
            throw Refusal.forbidden("NOT_YOUR_TEAM", "You see your own " + what + " and those of reps in your team.");
        }
    }

    /** The reps reporting to the supervisor, by username. */
    @Transactional
    public List<String> teamOf(String supervisor) {
        return em.createQuery("select t.rep from TeamMembership t where t.supervisor = :supervisor order by t.rep", String.class)
                .setParameter("supervisor", supervisor)
                .getResultList();
    }

    /** Every membership, by rep. */
    @Transactional
    public List<TeamMembership> all() {
        return em.createQuery("select t from TeamMembership t order by t.supervisor, t.rep", TeamMembership.class)
                .getResultList();
    }

    /** Puts the rep in the supervisor's team (moving them out of any other). */
    @Transactional
    public TeamMembership assign(String admin, String rep, String supervisor) {
        Staff member = directory.find(rep)
                .orElseThrow(() -> Refusal.notFound("STAFF_NOT_FOUND", "No staff account with that username."));
        if (!member.hasRole(Role.REP)) {
            throw new Refusal(Refusal.Kind.RULES, "NOT_A_REP", "Only a staff member with the REP role belongs to a team.",
                    Map.of("username", rep));
        }
        Staff lead = directory.find(supervisor)
                .orElseThrow(() -> new Refusal(Refusal.Kind.RULES, "SUPERVISOR_INVALID", "No staff account with that username.",
                        Map.of("supervisor", supervisor)));
        if (!lead.hasRole(Role.SUPERVISOR) || !lead.isEnabled()) {
            throw new Refusal(Refusal.Kind.RULES, "SUPERVISOR_INVALID", "A team is led by an enabled staff member with the SUPERVISOR role.",
                    Map.of("supervisor", supervisor));
        }
        if (rep.equals(supervisor)) {
            throw new Refusal(Refusal.Kind.RULES, "SUPERVISOR_INVALID", "Nobody reports to themselves.", Map.of("supervisor", supervisor));
        }
        TeamMembership membership = em.find(TeamMembership.class, rep, LockModeType.PESSIMISTIC_WRITE);
        String before = membership == null ? "none" : membership.supervisor();
        if (membership == null) {
            membership = new TeamMembership(rep, supervisor, clock.now(), admin);
            em.persist(membership);
        } else {
            membership.moveTo(supervisor, clock.now(), admin);
        }
        securityLog.record("TEAM_MEMBERSHIP_SET", admin, rep, "supervisor " + before + " -> " + supervisor);
        return membership;
    }

    /** Takes the rep out of their team; 404 when they are in none. */
    @Transactional
    public void remove(String admin, String rep) {
        TeamMembership membership = em.find(TeamMembership.class, rep, LockModeType.PESSIMISTIC_WRITE);
        if (membership == null) {
            throw Refusal.notFound("TEAM_MEMBERSHIP_NOT_FOUND", "That staff member is in no team.");
        }
        em.remove(membership);
        securityLog.record("TEAM_MEMBERSHIP_REMOVED", admin, rep, "supervisor " + membership.supervisor() + " -> none");
    }

    /** Demo data only: put reps in a team without an admin (see {@link DemoTeams}). */
    @Transactional(Transactional.TxType.MANDATORY)
    void seed(String rep, String supervisor) {
        if (em.find(TeamMembership.class, rep) == null && directory.find(rep).isPresent()) {
            em.persist(new TeamMembership(rep, supervisor, clock.now(), "system"));
        }
    }
}
