package coop.tally.caller;

import coop.tally.platform.RetriedOnConflict;
import coop.tally.staff.StaffDirectory;
import coop.tally.member.Member;
import coop.tally.member.MemberService;
import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls and visits, from start to end: the transaction boundary. Every change of a call happens with its
 * row locked ({@code SELECT ... FOR UPDATE}), so two requests on one call (a posting and the end of
 * the call, say) are serialized, and every step lands in the call log in the same transaction.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class CallService {

    private static final Duration RECENT_CALLS = Duration.ofHours(24);
    private static final Duration RECENT_LOCKOUT = Duration.ofDays(7);
    private static final Duration RECENT_CONTACT_CHANGE = Duration.ofDays(30);

    private static final String LOCKED_CALLS = CallService.class.getName() + ".lockedCalls";

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    CallLog log;

    @Inject
    Lockouts lockouts;

    @Inject
    MemberService members;

    @Inject
    TallyClock clock;

    @Inject
    @ConfigProperty(name = "tally.call.idle", defaultValue = "PT15M")
    Duration idle;

    /** Who acts: the staff member and, when they are a member themselves, their member number. */
    public record Staffer(String username, String ownMemberNumber) {
    }

    public IdleTimeout timeout() {
        return new IdleTimeout(idle);
    }

    public MemberCall start(Staffer staff, String ani) {
        return open(staff, Channel.PHONE, ani);
    }

    /** Starts a visit at the counter: the same session as a call, with no caller number. */
    public MemberCall startVisit(Staffer staff) {
        return open(staff, Channel.BRANCH, "");
    }

    private MemberCall open(Staffer staff, Channel channel, String ani) {
        staffDirectory.serializeWorkOf(staff.username());
        Instant now = clock.now();
        for (MemberCall open : openCallsOf(staff.username())) {
            if (open.stateAt(now, timeout()) == MemberCall.State.TIMED_OUT) {
                closeTimedOut(open, now);
            } else {
                throw new Refusal(Refusal.Kind.CONFLICT, "CALL_ALREADY_OPEN", "End your open call before starting another.",
                        Map.of("callId", open.id()));
            }
        }
        MemberCall call = new MemberCall(channel, ani, staff.username(), now);
        em.persist(call);
        // events reference the call by id only (no mapped relation), so EclipseLink would not order the inserts
        em.flush();
        log.append(call, staff.username(), CallEvent.Type.CALL_STARTED,
                channel == Channel.BRANCH ? "BRANCH visit" : "ANI " + ani);
        return call;
    }

    /** Names the member the caller claims to be: once per call, never the staff member's own membership. */
    public MemberCall identify(Staffer staff, String callId, String memberNumber) {
        MemberCall call = openCall(staff, callId);
        if (call.memberNumber() != null) {
            throw Refusal.conflict("MEMBER_ALREADY_IDENTIFIED", "This call already names a member; start a new call for another.");
        }
        if (memberNumber.equals(staff.ownMemberNumber())) {
            throw Refusal.forbidden("STAFF_OWN_MEMBER", "Staff may not take calls for their own membership; ask a colleague.");
        }
        Member member = members.findByNumber(memberNumber)
                .orElseThrow(() -> Refusal.notFound("MEMBER_NOT_FOUND", "No member has that member number."));
        Instant now = clock.now();
        boolean aniOnFile = !call.isVisit() && member.phones().stream().anyMatch(phone -> phone.number().equals(call.ani()));
        Instant since = now.minus(RECENT_CALLS);
        long recentCalls = 1 + em.createQuery("select c from MemberCall c where c.memberNumber = :member"
                        + " order by c.startedAt desc", MemberCall.class)
                .setParameter("member", memberNumber)
                .setMaxResults(RedFlag.REPEATED_CALLS_THRESHOLD)
                .getResultList().stream().filter(earlier -> !earlier.startedAt().isBefore(since)).count();
        boolean recentLockout = lockouts.lockedSince(memberNumber, now.minus(RECENT_LOCKOUT));
        boolean contactChanged = log.latestOfMember(memberNumber, CallEvent.Type.CONTACT_CHANGED)
                .filter(change -> !change.isBefore(now.minus(RECENT_CONTACT_CHANGE))).isPresent();
        // a visitor has no caller ID to spoof, so a missing ANI is no red flag in a visit
        List<RedFlag> flags = RedFlag.evaluate(aniOnFile || call.isVisit(), contactChanged, recentCalls, recentLockout);
        call.identify(memberNumber, aniOnFile, flags);
        call.touch(now);
        log.append(call, staff.username(), CallEvent.Type.MEMBER_IDENTIFIED, null);
        if (!call.isVisit()) {
            log.append(call, staff.username(), CallEvent.Type.ANI_CHECKED, Factor.ANI,
                    aniOnFile ? CallEvent.Outcome.PASS : CallEvent.Outcome.FAIL, "ANI alone never verifies");
        }
        for (RedFlag flag : flags) {
            log.append(call, staff.username(), CallEvent.Type.RED_FLAG, flag.name());
        }
        return call;
    }

    public MemberCall note(Staffer staff, String callId, String text) {
        MemberCall call = openCall(staff, callId);
        call.touch(clock.now());
        log.append(call, staff.username(), CallEvent.Type.NOTE, text);
        return call;
    }

    public MemberCall end(Staffer staff, String callId, Disposition disposition) {
        if (disposition == Disposition.TIMED_OUT) {
            throw Refusal.invalid("FIELD_INVALID", "TIMED_OUT is set by the system, not chosen.");
        }
        MemberCall call = openCall(staff, callId);
        call.end(disposition, clock.now());
        log.append(call, staff.username(), CallEvent.Type.CALL_ENDED, disposition.name());
        return call;
    }

    /** A supervisor takes over a rep's open call; verification carries over, as the caller is the same. */
    public MemberCall takeOver(Staffer supervisor, String callId) {
        MemberCall call = lock(callId).orElseThrow(CallProblems::callNotFound);
        MemberCall.State state = call.stateAt(clock.now(), timeout());
        if (state != MemberCall.State.OPEN) {
            throw CallProblems.callEnded(state);
        }
        if (call.memberNumber() != null && call.memberNumber().equals(supervisor.ownMemberNumber())) {
            throw Refusal.forbidden("STAFF_OWN_MEMBER", "Staff may not take calls for their own membership.");
        }
        if (call.handledBy().equals(supervisor.username())) {
            throw Refusal.conflict("CALL_ALREADY_YOURS", "You already handle this call.");
        }
        staffDirectory.serializeWorkOf(supervisor.username());
        Instant now = clock.now();
        for (MemberCall open : openCallsOf(supervisor.username())) {
            if (open.stateAt(now, timeout()) == MemberCall.State.TIMED_OUT) {
                closeTimedOut(open, now);
            } else {
                throw new Refusal(Refusal.Kind.CONFLICT, "CALL_ALREADY_OPEN", "End your open call before taking over another.",
                        Map.of("callId", open.id()));
            }
        }
        String from = call.handledBy();
        call.handOver(supervisor.username());
        call.touch(now);
        log.append(call, supervisor.username(), CallEvent.Type.TRANSFERRED, "from " + from + " to " + supervisor.username());
        return call;
    }

    /** The call and its log; a rep sees only calls they started or handle. */
    public CallView view(String staff, boolean seesAll, String callId) {
        MemberCall call = em.find(MemberCall.class, callId);
        if (call == null || !(seesAll || staff.equals(call.handledBy()) || staff.equals(call.startedBy()))) {
            throw CallProblems.callNotFound();
        }
        return new CallView(call, call.stateAt(clock.now(), timeout()), log.of(callId));
    }

    /** The member a call or visit is (or was) about, if it got that far. */
    public Optional<String> memberOf(String callId) {
        if (callId == null || callId.isBlank() || callId.length() > 40) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(MemberCall.class, callId)).map(MemberCall::memberNumber);
    }

    Optional<PhotoId> photoIdOf(String callId) {
        return Optional.ofNullable(em.find(MemberCall.class, callId)).map(MemberCall::photoId);
    }

    /** The open call the staff member handles, if any (a timed-out one is closed on the way). */
    public Optional<CallView> current(String staff) {
        Instant now = clock.now();
        for (MemberCall open : openCallsOf(staff)) {
            if (open.stateAt(now, timeout()) == MemberCall.State.TIMED_OUT) {
                closeTimedOut(open, now);
            } else {
                return Optional.of(new CallView(open, MemberCall.State.OPEN, log.of(open.id())));
            }
        }
        return Optional.empty();
    }

    public void unlock(String supervisor, String memberNumber, String reason) {
        List<PhoneLock> open = lockouts.allOpen(memberNumber);
        if (open.isEmpty()) {
            throw Refusal.conflict("NOT_LOCKED", "The member's phone access is not locked.");
        }
        Instant now = clock.now();
        open.forEach(lock -> lock.unlock(now, supervisor, reason));
    }

    // ------------------------------------------------------------------ finding calls

    /** The call, locked, open and handled by {@code staff}; else 404 or 409. */
    MemberCall openCall(Staffer staff, String callId) {
        MemberCall call = lock(callId).filter(c -> c.handledBy().equals(staff.username()))
                .orElseThrow(CallProblems::callNotFound);
        MemberCall.State state = call.stateAt(clock.now(), timeout());
        if (state != MemberCall.State.OPEN) {
            throw CallProblems.callEnded(state);
        }
        return call;
    }

    MemberCall identifiedCall(Staffer staff, String callId) {
        MemberCall call = openCall(staff, callId);
        if (call.memberNumber() == null) {
            throw Refusal.conflict("MEMBER_NOT_IDENTIFIED", "Identify the member the caller claims to be first.");
        }
        return call;
    }

    Member memberOf(MemberCall call) {
        return members.findByNumber(call.memberNumber()).orElseThrow();
    }

    /** The call, its row locked until the transaction ends; a call this transaction locked already is not read again. */
    Optional<MemberCall> lock(String callId) {
        if (callId == null || callId.isBlank() || callId.length() > 40) {
            return Optional.empty();
        }
        Set<String> locked = lockedInThisTransaction();
        if (locked.contains(callId)) {
            MemberCall held = em.find(MemberCall.class, callId);
            if (held != null) {
                return Optional.of(held);
            }
        }
        Optional<MemberCall> call = em.createQuery("select c from MemberCall c where c.id = :id", MemberCall.class)
                .setParameter("id", callId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        call.ifPresent(found -> locked.add(found.id()));
        return call;
    }

    /** The calls whose rows this transaction holds locked (a posting locks its call at the gate and logs to it after). */
    @SuppressWarnings("unchecked")
    private Set<String> lockedInThisTransaction() {
        Set<String> locked = (Set<String>) transaction.getResource(LOCKED_CALLS);
        if (locked == null) {
            locked = new HashSet<>();
            transaction.putResource(LOCKED_CALLS, locked);
        }
        return locked;
    }

    private List<MemberCall> openCallsOf(String staff) {
        return em.createQuery("select c from MemberCall c where c.handledBy = :staff and c.endedAt is null",
                        MemberCall.class)
                .setParameter("staff", staff)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private void closeTimedOut(MemberCall call, Instant now) {
        call.end(Disposition.TIMED_OUT, now);
        log.append(call, "system", CallEvent.Type.CALL_ENDED, Disposition.TIMED_OUT.name());
    }

    /** A call as shown: its state now and its log. */
    public record CallView(MemberCall call, MemberCall.State state, List<CallEvent> events) {
    }
}
