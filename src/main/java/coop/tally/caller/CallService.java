package coop.tally.caller;

import coop.tally.staff.StaffDirectory;
import coop.tally.crypto.Argon2id;
import coop.tally.crypto.FieldCipher;
import coop.tally.ledger.EntryType;
import coop.tally.ledger.Journal;
import coop.tally.ledger.JournalEntry;
import coop.tally.member.Member;
import coop.tally.member.MemberAccount;
import coop.tally.member.MemberAddress;
import coop.tally.member.MemberPhone;
import coop.tally.member.MemberService;
import coop.tally.member.PhoneKind;
import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Calls and caller verification: the transaction boundary. Every change of a call happens with its
 * row locked ({@code SELECT ... FOR UPDATE}), so two requests on one call (a posting and the end of
 * the call, say) are serialized, and every step lands in the call log in the same transaction.
 */
@ApplicationScoped
@Transactional
public class CallService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 20;
    private static final Duration RECENT_CALLS = Duration.ofHours(24);
    private static final Duration RECENT_LOCKOUT = Duration.ofDays(7);
    private static final Duration RECENT_CONTACT_CHANGE = Duration.ofDays(30);
    /** Postings per account whose amounts answer the "recent transaction" question. */
    private static final int RECENT_TRANSACTIONS = 5;

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    StaffDirectory staffDirectory;

    @Inject
    CallLog log;

    @Inject
    Lockouts lockouts;

    @Inject
    Outbox outbox;

    @Inject
    MemberService members;

    @Inject
    FieldCipher cipher;

    @Inject
    Journal journal;

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

    public AttemptResult answerKnowledge(Staffer staff, String callId, Map<KnowledgeQuestion, String> answers) {
        if (answers.size() != KnowledgeCheck.QUESTIONS) {
            throw Refusal.invalid("KNOWLEDGE_QUESTIONS", "Ask exactly two different knowledge questions.");
        }
        // refused before the attempt: an answer that is not one is the rep's to correct, not a failed try
        KnowledgeCheck.notAnAnswer(answers).ifPresent(question -> {
            throw new Refusal(Refusal.Kind.INVALID, "FIELD_INVALID", "'answers." + question.field() + "' is not " + question.expected() + ".",
                    Map.of("field", "answers." + question.field()));
        });
        return attempt(staff, callId, Factor.KNOWLEDGE, (call, member) ->
                KnowledgeCheck.passes(answers, onFile(member)));
    }

    public AttemptResult enterPin(Staffer staff, String callId, String pin) {
        return attempt(staff, callId, Factor.PIN, (call, member) -> {
            MemberPin stored = em.find(MemberPin.class, member.memberNumber());
            if (stored == null) {
                throw Refusal.byRules("PIN_NOT_SET", "The member has no telephone PIN; use knowledge questions.");
            }
            return Argon2id.verify(stored.pinHash(), pin);
        });
    }

    public AttemptResult checkPasscode(Staffer staff, String callId, String code) {
        return attempt(staff, callId, Factor.PASSCODE, (call, member) -> {
            if (call.otpSecret() == null) {
                throw Refusal.conflict("PASSCODE_NOT_SENT", "Send a passcode first.");
            }
            byte[] secret = Base64.getDecoder().decode(cipher.decrypt(call.otpSecret(), call.id()));
            OptionalLong step = Totp.accept(secret, code, clock.now(), call.otpLastStep());
            step.ifPresent(call::passcodeUsed);
            return step.isPresent();
        });
    }

    /**
     * Sends a one-time passcode to the member's mobile phone (else any phone, else e-mail) through
     * the outbox. The call keeps a fresh random secret per send, encrypted under the field key
     * with the call id as associated data: the server must compute the code again to check it, so
     * a one-way hash would not do, and a new secret makes every earlier code of the call worthless.
     * Returns the destination, masked.
     */
    public String sendPasscode(Staffer staff, String callId) {
        MemberCall call = identifiedCall(staff, callId);
        Member member = memberOf(call);
        requireNotLocked(call);
        Destination to = destinationOf(member);
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        call.newPasscodeSecret(cipher.encrypt(Base64.getEncoder().encodeToString(secret), call.id()));
        String code = Totp.codeAt(secret, clock.now());
        outbox.send(to.channel(), to.address(), member.memberNumber(), call.id(), "PASSCODE",
                "Your credit union passcode is " + code + ". Give it only to the representative you called.");
        call.touch(clock.now());
        log.append(call, staff.username(), CallEvent.Type.PASSCODE_SENT, Factor.PASSCODE, null, "to " + to.masked());
        return to.masked();
    }

    /**
     * Records the photo ID the rep inspected in a visit. Accepted, it makes the visit STRONG; expired
     * or not in the member's name, it is refused. Either way the inspection is logged on the visit
     * and committed: the resource answers with the refusal afterwards. A refused ID does not count
     * towards the phone lockout (it is not a guess at a secret).
     */
    public PhotoIdCheck.Outcome checkPhotoId(Staffer staff, String callId, PhotoId photoId, boolean inMembersName) {
        MemberCall call = identifiedCall(staff, callId);
        if (!call.isVisit()) {
            throw Refusal.conflict("PHOTO_ID_NEEDS_VISIT", "A photo ID is inspected at the counter, in a visit, not on a call.");
        }
        Instant now = clock.now();
        call.touch(now);
        VerificationLevel before = call.level();
        PhotoIdCheck.Outcome outcome = PhotoIdCheck.inspect(photoId, inMembersName, clock.today());
        log.append(call, staff.username(), CallEvent.Type.PHOTO_ID_CHECKED, Factor.PHOTO_ID,
                outcome.passed() ? CallEvent.Outcome.PASS : CallEvent.Outcome.FAIL,
                photoId.describe() + (outcome.passed() ? "" : ": " + outcome.name()));
        if (outcome.passed()) {
            call.photoIdAccepted(photoId);
            if (call.level() != before) {
                log.append(call, staff.username(), CallEvent.Type.LEVEL_REACHED, call.level().name());
            }
        }
        return outcome;
    }

    /** Sets or changes the member's telephone PIN: only in a STRONG call (the PIN would otherwise be a way in). */
    public void setPin(Staffer staff, String callId, String pin) {
        MemberCall call = identifiedCall(staff, callId);
        requireLevel(call, MemberAction.PIN_CHANGE.required());
        MemberPin stored = Optional.ofNullable(em.find(MemberPin.class, call.memberNumber()))
                .orElseGet(() -> new MemberPin(call.memberNumber()));
        stored.set(Argon2id.DEFAULT.hash(pin), clock.now(), staff.username(), call.id());
        if (!em.contains(stored)) {
            em.persist(stored);
        }
        call.touch(clock.now());
        log.append(call, staff.username(), CallEvent.Type.PIN_SET, Factor.PIN, null, null);
    }

    /**
     * Changes the member's e-mail address and/or primary phone: STRONG only, since new contact data
     * is how a fraudster would take the member's passcodes over. The old contact is told through
     * the outbox, so that a member who did not ask for the change hears of it.
     */
    public void changeContact(Staffer staff, String callId, String newEmail, String newPhone) {
        MemberCall call = identifiedCall(staff, callId);
        requireLevel(call, MemberAction.CONTACT_DATA_CHANGE.required());
        Member member = memberOf(call);
        String oldEmail = member.email();
        String oldPhone = member.phones().isEmpty() ? null : member.phones().get(0).number();
        List<String> changed = new java.util.ArrayList<>();
        try {
            if (newEmail != null) {
                member.changeEmail(newEmail);
                changed.add("email");
            }
            if (newPhone != null) {
                member.changePrimaryPhone(newPhone);
                changed.add("phone");
            }
        } catch (IllegalArgumentException invalid) {
            throw Refusal.invalid("FIELD_INVALID", "Not a valid e-mail address or phone number.");
        }
        String notice = "Your contact details (" + String.join(" and ", changed)
                + ") were changed during a call with the credit union. If you did not ask for this, call us at once.";
        if (oldPhone != null) {
            outbox.send("SMS", oldPhone, member.memberNumber(), call.id(), "CONTACT_CHANGED", notice);
        }
        if (oldEmail != null) {
            outbox.send("EMAIL", oldEmail, member.memberNumber(), call.id(), "CONTACT_CHANGED", notice);
        }
        call.touch(clock.now());
        log.append(call, staff.username(), CallEvent.Type.CONTACT_CHANGED, String.join(",", changed));
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

    // ------------------------------------------------------------------ steps

    /** A check of one factor against the member's file. */
    private interface Check {
        boolean passes(MemberCall call, Member member);
    }

    private AttemptResult attempt(Staffer staff, String callId, Factor factor, Check check) {
        MemberCall call = identifiedCall(staff, callId);
        Member member = memberOf(call);
        // attempts on one member are serialized, whichever calls they come from, so that two
        // concurrent third failures cannot both miss (or both make) the lock
        em.lock(member, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        call.touch(now);
        if (lockouts.isLocked(member.memberNumber())) {
            // logged and committed; the resource answers with a refusal afterwards
            log.append(call, staff.username(), CallEvent.Type.ATTEMPT_REFUSED_LOCKED, factor, null, null);
            return new AttemptResult(factor, false, call.level(), true, false);
        }
        VerificationLevel before = call.level();
        boolean passed = check.passes(call, member);
        log.append(call, staff.username(), CallEvent.Type.ATTEMPT, factor,
                passed ? CallEvent.Outcome.PASS : CallEvent.Outcome.FAIL, null);
        boolean lockedNow = false;
        if (passed) {
            call.passed(factor);
            if (call.level() != before) {
                log.append(call, staff.username(), CallEvent.Type.LEVEL_REACHED, call.level().name());
            }
        } else {
            Instant lastUnlock = lockouts.lastUnlock(member.memberNumber());
            List<Instant> failures = log.latestFailures(member.memberNumber(), LockoutRule.FAILURES_TO_LOCK);
            if (LockoutRule.locks(failures, now, lastUnlock)) {
                lockouts.lock(member.memberNumber(), now, call.id());
                log.append(call, staff.username(), CallEvent.Type.PHONE_ACCESS_LOCKED, null);
                lockedNow = true;
            }
        }
        return new AttemptResult(factor, passed, call.level(), false, lockedNow);
    }

    private void requireNotLocked(MemberCall call) {
        if (lockouts.isLocked(call.memberNumber())) {
            throw Refusal.forbidden("PHONE_ACCESS_LOCKED", "The member's phone access is locked; a supervisor must unlock it.");
        }
    }

    private static void requireLevel(MemberCall call, VerificationLevel required) {
        if (!call.level().satisfies(required)) {
            throw CallProblems.verificationRequired(required, CallProblems.Reason.LEVEL_TOO_LOW);
        }
    }

    private Map<KnowledgeQuestion, List<String>> onFile(Member member) {
        Map<KnowledgeQuestion, List<String>> facts = new EnumMap<>(KnowledgeQuestion.class);
        facts.put(KnowledgeQuestion.DATE_OF_BIRTH, List.of(member.dateOfBirth().toString()));
        facts.put(KnowledgeQuestion.SSN_LAST4, List.of(member.ssnLastFour()));
        member.addresses().stream().findFirst().map(MemberAddress::zip)
                .ifPresent(zip -> facts.put(KnowledgeQuestion.ZIP, List.of(zip)));
        facts.put(KnowledgeQuestion.RECENT_AMOUNT, recentAmounts(member));
        return facts;
    }

    /**
     * The amounts of the latest few postings on each of the member's accounts. Opening balances
     * are not transactions (their amount is just the balance the member started with here).
     */
    private List<String> recentAmounts(Member member) {
        List<String> amounts = new java.util.ArrayList<>();
        for (MemberAccount account : members.accountsOf(member)) {
            for (JournalEntry entry : journal.history(account.id(), 0, RECENT_TRANSACTIONS)) {
                if (entry.type() == EntryType.OPENING_BALANCE) {
                    continue;
                }
                entry.lines().stream().filter(line -> account.id().equals(line.memberAccountId()))
                        .forEach(line -> amounts.add(line.amount().toPlainString()));
            }
        }
        return amounts;
    }

    private record Destination(String channel, String address, String masked) {
    }

    private static Destination destinationOf(Member member) {
        Optional<MemberPhone> phone = member.phones().stream().filter(p -> p.kind() == PhoneKind.MOBILE).findFirst()
                .or(() -> member.phones().stream().findFirst());
        if (phone.isPresent()) {
            String number = phone.get().number();
            return new Destination("SMS", number, "***-***-" + number.substring(number.length() - 4));
        }
        if (member.email() != null) {
            String email = member.email();
            return new Destination("EMAIL", email, email.charAt(0) + "***" + email.substring(email.indexOf('@')));
        }
        throw Refusal.byRules("NO_DEVICE_ON_FILE", "The member has no phone or e-mail on file for a passcode.");
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

    private MemberCall identifiedCall(Staffer staff, String callId) {
        MemberCall call = openCall(staff, callId);
        if (call.memberNumber() == null) {
            throw Refusal.conflict("MEMBER_NOT_IDENTIFIED", "Identify the member the caller claims to be first.");
        }
        return call;
    }

    private Member memberOf(MemberCall call) {
        return members.findByNumber(call.memberNumber()).orElseThrow();
    }

    Optional<MemberCall> lock(String callId) {
        if (callId == null || callId.isBlank() || callId.length() > 40) {
            return Optional.empty();
        }
        return em.createQuery("select c from MemberCall c where c.id = :id", MemberCall.class)
                .setParameter("id", callId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
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
