package coop.tally.enrolment;

import coop.tally.approval.ApprovalRequest;
import coop.tally.approval.Approvals;
import coop.tally.caller.CallService;
import coop.tally.caller.CallerVerification;
import coop.tally.caller.MemberCall;
import coop.tally.caller.PhotoId;
import coop.tally.caller.PhotoIdCheck;
import coop.tally.caller.PhotoIdType;
import coop.tally.crypto.FieldCipher;
import coop.tally.member.Enrolments;
import coop.tally.member.Member;
import coop.tally.platform.Refusal;
import coop.tally.platform.TallyClock;
import coop.tally.sanctions.Screening;
import coop.tally.staff.SecurityLog;
import coop.tally.web.JsonBuilders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Enrols a new member in a branch visit: the visit must be the rep's own, open, and about nobody
 * yet; the photo ID unexpired; the SSN nobody's. The name is screened against the sanctions list:
 * clear, the member is written, the visit names them and the photo ID makes it STRONG (so the first
 * deposit can follow at once); a possible match waits as a SANCTIONS_REVIEW, and the member is
 * written only when a supervisor clears it.
 */
@ApplicationScoped
public class EnrolmentService {

    static final String ACTION = "ENROLMENT";

    @Inject
    CallService calls;

    @Inject
    CallerVerification verification;

    @Inject
    Enrolments enrolments;

    @Inject
    Screening screening;

    @Inject
    TallyClock clock;

    @Inject
    FieldCipher cipher;

    @Inject
    SecurityLog securityLog;

    /** What became of an enrolment: the new member, or the review it waits for. */
    public record Outcome(Member member, Approvals.View held) {
    }

    @Transactional
    public Outcome enrol(CallService.Staffer staff, EnrolmentReader.Read read) {
        MemberCall visit = calls.view(staff.username(), false, read.sessionId()).call();
        if (!visit.isVisit()) {
            throw Refusal.conflict("ENROLMENT_NEEDS_VISIT", "A new member is enrolled at the counter, in a visit, with a photo ID.");
        }
        if (visit.stateAt(clock.now(), calls.timeout()) != MemberCall.State.OPEN || !staff.username().equals(visit.handledBy())) {
            throw Refusal.conflict("CALL_NOT_OPEN", "Enrol in your own open visit.");
        }
        if (visit.memberNumber() != null) {
            throw Refusal.conflict("MEMBER_ALREADY_IDENTIFIED", "This visit is about a member already; start a new visit to enrol someone.");
        }
        if (PhotoIdCheck.inspect(read.photoId(), true, clock.today()) == PhotoIdCheck.Outcome.EXPIRED) {
            throw new Refusal(Refusal.Kind.RULES, "PHOTO_ID_EXPIRED", "The ID expired on " + read.photoId().expires()
                    + "; ask for an unexpired government photo ID.", Map.of("field", "photoIdExpires"));
        }
        refuseTakenSsn(staff.username(), read.member());
        Enrolments.NewMember data = read.member();
        Screening.Result screened = screening.screen(staff.username(), ACTION + " visit " + read.sessionId(),
                data.firstName() + " " + data.lastName());
        if (screened.possibleMatch()) {
            Approvals.View view = screening.hold(screened, ACTION, staff.username(), read.sessionId(), null,
                    "Enrol " + data.firstName() + " " + data.lastName() + " (possible sanctions match)",
                    held(read), List.of());
            return new Outcome(null, view);
        }
        Member member = enrolments.enrol(data, staff.username(), read.sessionId(), seen(read.photoId()), null, clock.now(), clock.today());
        calls.identify(staff, read.sessionId(), member.memberNumber());
        verification.checkPhotoId(staff, read.sessionId(), read.photoId(), true);
        securityLog.record("MEMBER_ENROLLED", staff.username(), "member:" + member.memberNumber(), "visit " + read.sessionId());
        return new Outcome(member, null);
    }

    /** A cleared review's enrolment, as its maker, re-checking the SSN (another enrolment may have taken it meanwhile). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Member release(ApprovalRequest review, JsonObject held, String approver) {
        String context = held.getString("sealContext");
        String ssn = cipher.decrypt(held.getString("ssnSealed"), context);
        Enrolments.NewMember data = new Enrolments.NewMember(held.getString("firstName"), held.getString("lastName"),
                LocalDate.parse(held.getString("dateOfBirth")), ssn, held.getString("line1"), held.getString("line2", null),
                held.getString("city"), held.getString("state"), held.getString("zip"), held.getString("phone"),
                held.getString("email", null));
        refuseTakenSsn(review.requestedBy(), data);
        PhotoId photoId = new PhotoId(PhotoIdType.valueOf(held.getString("photoIdType")), held.getString("photoIdLast4"),
                LocalDate.parse(held.getString("photoIdExpires")));
        Member member = enrolments.enrol(data, review.requestedBy(), review.sessionId(), seen(photoId), review.id(),
                clock.now(), clock.today());
        securityLog.record("MEMBER_ENROLLED", review.requestedBy(), "member:" + member.memberNumber(),
                "visit " + review.sessionId() + ", sanctions review " + review.id() + " cleared by " + approver);
        return member;
    }

    private void refuseTakenSsn(String actor, Enrolments.NewMember data) {
        if (enrolments.ssnTaken(data.ssn())) {
            securityLog.record("ENROLMENT_REFUSED", actor, "enrolment", "SSN already a member's (" + data + ")");
            throw Refusal.conflict("SSN_ALREADY_ENROLLED", "A member with this SSN exists already; find them instead of enrolling again.");
        }
    }

    /** What a held enrolment keeps until it is cleared: the SSN only encrypted, bound to this hold. */
    private JsonObject held(EnrolmentReader.Read read) {
        Enrolments.NewMember data = read.member();
        String context = "held-enrolment:" + UUID.randomUUID();
        var json = JsonBuilders.JSON.createObjectBuilder()
                .add("sessionId", read.sessionId())
                .add("firstName", data.firstName()).add("lastName", data.lastName())
                .add("dateOfBirth", data.dateOfBirth().toString())
                .add("ssnLast4", data.ssn().substring(5))
                .add("ssnSealed", cipher.encrypt(data.ssn(), context)).add("sealContext", context)
                .add("line1", data.line1()).add("city", data.city()).add("state", data.state()).add("zip", data.zip())
                .add("phone", data.phone())
                .add("photoIdType", read.photoId().type().name()).add("photoIdLast4", read.photoId().last4())
                .add("photoIdExpires", read.photoId().expires().toString());
        if (data.line2() != null) {
            json.add("line2", data.line2());
        }
        if (data.email() != null) {
            json.add("email", data.email());
        }
        return json.build();
    }

    private static Enrolments.PhotoIdSeen seen(PhotoId photoId) {
        return new Enrolments.PhotoIdSeen(photoId.type().name(), photoId.last4(), photoId.expires());
    }
}
