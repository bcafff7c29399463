package coop.tally.caller;

import coop.tally.platform.RetriedOnConflict;
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

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Proving the caller is the member: knowledge answers, the telephone PIN, a one-time passcode and,
 * at the counter, a photo ID. Each try is logged on the call in the same transaction, and failed
 * tries count towards the member's phone lockout whichever call they come from.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class CallerVerification {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 20;
    /** Postings per account whose amounts answer the "recent transaction" question. */
    private static final int RECENT_TRANSACTIONS = 5;

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    CallService calls;

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

    public AttemptResult answerKnowledge(CallService.Staffer staff, String callId, Map<KnowledgeQuestion, String> answers) {
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

    public AttemptResult enterPin(CallService.Staffer staff, String callId, String pin) {
        return attempt(staff, callId, Factor.PIN, (call, member) -> {
            MemberPin stored = em.find(MemberPin.class, member.memberNumber());
            if (stored == null) {
                throw Refusal.byRules("PIN_NOT_SET", "The member has no telephone PIN; use knowledge questions.");
            }
            return Argon2id.verify(stored.pinHash(), pin);
        });
    }

    public AttemptResult checkPasscode(CallService.Staffer staff, String callId, String code) {
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
    public String sendPasscode(CallService.Staffer staff, String callId) {
        MemberCall call = calls.identifiedCall(staff, callId);
        Member member = calls.memberOf(call);
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
    public PhotoIdCheck.Outcome checkPhotoId(CallService.Staffer staff, String callId, PhotoId photoId, boolean inMembersName) {
        MemberCall call = calls.identifiedCall(staff, callId);
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

    /** A check of one factor against the member's file. */
    private interface Check {
        boolean passes(MemberCall call, Member member);
    }

    private AttemptResult attempt(CallService.Staffer staff, String callId, Factor factor, Check check) {
        MemberCall call = calls.identifiedCall(staff, callId);
        Member member = calls.memberOf(call);
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
        List<String> amounts = new ArrayList<>();
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
}
