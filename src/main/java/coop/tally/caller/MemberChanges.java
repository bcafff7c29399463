package coop.tally.caller;

import coop.tally.platform.RetriedOnConflict;
import coop.tally.approval.ApprovalRequest;
import coop.tally.approval.Approvals;
import coop.tally.crypto.Argon2id;
import coop.tally.sanctions.Screening;
import coop.tally.web.JsonBuilders;
import jakarta.json.JsonObject;
import coop.tally.member.Member;
import coop.tally.platform.TallyClock;
import coop.tally.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes a verified caller may ask for that are ways into the account themselves (the telephone
 * PIN, the contact data passcodes go to): each needs the level its {@link MemberAction} requires.
 */
@ApplicationScoped
@Transactional
@RetriedOnConflict
public class MemberChanges {

    @PersistenceContext(unitName = "tally")
    EntityManager em;

    @Inject
    CallService calls;

    @Inject
    CallLog log;

    @Inject
    Outbox outbox;

    @Inject
    TallyClock clock;

    @Inject
    Screening screening;

    @Inject
    coop.tally.member.MemberService members;

    static final String NAME_CHANGE = "NAME_CHANGE";

    /** Sets or changes the member's telephone PIN: only in a STRONG call (the PIN would otherwise be a way in). */
    public void setPin(CallService.Staffer staff, String callId, String pin) {
        MemberCall call = calls.identifiedCall(staff, callId);
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
    public void changeContact(CallService.Staffer staff, String callId, String newEmail, String newPhone) {
        MemberCall call = calls.identifiedCall(staff, callId);
        requireLevel(call, MemberAction.CONTACT_DATA_CHANGE.required());
        Member member = calls.memberOf(call);
        String oldEmail = member.email();
        String oldPhone = member.phones().isEmpty() ? null : member.phones().get(0).number();
        List<String> changed = new ArrayList<>();
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

    /**
     * Changes the member's name: at the counter (the document that shows the new name is seen in
     * person), in a STRONG visit. The new name is screened against the sanctions list first; a
     * possible match waits as a SANCTIONS_REVIEW (returned) and the name changes when a supervisor
     * clears it.
     */
    public Optional<Approvals.View> changeName(CallService.Staffer staff, String callId, String firstName, String lastName) {
        MemberCall call = calls.identifiedCall(staff, callId);
        if (!call.isVisit()) {
            throw Refusal.conflict("NAME_CHANGE_NEEDS_VISIT", "A name is changed at the counter, in a visit, with the document that shows it.");
        }
        requireLevel(call, MemberAction.CONTACT_DATA_CHANGE.required());
        Member member = calls.memberOf(call);
        call.touch(clock.now());
        Screening.Result screened = screening.screen(staff.username(), NAME_CHANGE + " member " + member.memberNumber()
                + ", visit " + call.id(), firstName + " " + lastName);
        if (screened.possibleMatch()) {
            JsonObject held = JsonBuilders.JSON.createObjectBuilder().add("memberNumber", member.memberNumber())
                    .add("firstName", firstName).add("lastName", lastName).add("formerName", member.fullName()).build();
            Approvals.View view = screening.hold(screened, NAME_CHANGE, staff.username(), call.id(), member.memberNumber(),
                    "Change the name of member " + member.memberNumber() + " to " + firstName + " " + lastName
                            + " (possible sanctions match)", held, List.of());
            log.append(call, staff.username(), CallEvent.Type.APPROVAL_OUTCOME,
                    "approval " + view.request().id() + " requested: sanctions review of the new name");
            return Optional.of(view);
        }
        member.rename(firstName, lastName);
        log.append(call, staff.username(), CallEvent.Type.CONTACT_CHANGED, "name");
        return Optional.empty();
    }

    /** A held name change a supervisor cleared: the name changes now, logged on the visit it was asked in. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void renameCleared(ApprovalRequest review, JsonObject held, String approver) {
        Member member = members.findByNumber(held.getString("memberNumber"))
                .orElseThrow(() -> Refusal.notFound("MEMBER_NOT_FOUND", "No member has that member number."));
        member.rename(held.getString("firstName"), held.getString("lastName"));
        MemberCall call = em.find(MemberCall.class, review.sessionId());
        if (call != null) {
            log.append(call, approver, CallEvent.Type.CONTACT_CHANGED, "name, sanctions review " + review.id() + " cleared");
        }
    }

    private static void requireLevel(MemberCall call, VerificationLevel required) {
        if (!call.level().satisfies(required)) {
            throw CallProblems.verificationRequired(required, CallProblems.Reason.LEVEL_TOO_LOW);
        }
    }
}
