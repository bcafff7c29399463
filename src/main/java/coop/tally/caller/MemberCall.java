package coop.tally.caller;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One phone call from a member (or someone claiming to be one), handled by one staff member at a
 * time. Which factors have passed is kept here; the level is derived from them, never stored, so
 * that the rule lives in one place ({@link VerificationLevel#of}). Rows are changed only under a
 * pessimistic lock taken by {@link CallService}.
 */
@Entity
@Table(name = "member_call")
@Access(AccessType.FIELD)
public class MemberCall {

    /** What the API reports as the call's state. */
    public enum State { OPEN, ENDED, TIMED_OUT }

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String ani;

    @Column(name = "started_by", nullable = false, updatable = false)
    private String startedBy;

    @Column(name = "handled_by", nullable = false)
    private String handledBy;

    @Column(name = "member_number")
    private String memberNumber;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "disposition")
    private Disposition disposition;

    @Column(name = "ani_on_file", nullable = false)
    private boolean aniOnFile;

    @Column(name = "knowledge_passed", nullable = false)
    private boolean knowledgePassed;

    @Column(name = "pin_passed", nullable = false)
    private boolean pinPassed;

    @Column(name = "passcode_passed", nullable = false)
    private boolean passcodePassed;

    @Column(name = "red_flags")
    private String redFlags;

    /** The call's passcode secret, encrypted; see {@link CallService#sendPasscode}. */
    @Column(name = "otp_secret")
    private String otpSecret;

    @Column(name = "otp_last_step")
    private Long otpLastStep;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false)
    private Channel channel = Channel.PHONE;

    @Column(name = "photo_id_passed", nullable = false)
    private boolean photoIdPassed;

    @Enumerated(EnumType.STRING)
    @Column(name = "photo_id_type")
    private PhotoIdType photoIdType;

    @Column(name = "photo_id_last4")
    private String photoIdLast4;

    @Column(name = "photo_id_expires")
    private java.time.LocalDate photoIdExpires;

    protected MemberCall() {
        // for JPA
    }

    MemberCall(String ani, String staff, Instant now) {
        this(Channel.PHONE, ani, staff, now);
    }

    /** A session on {@code channel}; a visit has no caller number (its ani is empty). */
    MemberCall(Channel channel, String ani, String staff, Instant now) {
        this.channel = Objects.requireNonNull(channel);
        this.id = UUID.randomUUID().toString();
        this.ani = Objects.requireNonNull(ani);
        this.startedBy = staff;
        this.handledBy = staff;
        this.startedAt = now;
        this.lastActivityAt = now;
    }

    public State stateAt(Instant now, IdleTimeout timeout) {
        if (endedAt != null) {
            return disposition == Disposition.TIMED_OUT ? State.TIMED_OUT : State.ENDED;
        }
        return timeout.expired(lastActivityAt, now) ? State.TIMED_OUT : State.OPEN;
    }

    public VerificationLevel level() {
        if (channel == Channel.BRANCH && photoIdPassed) {
            // an unexpired photo ID in the member's name, inspected at the counter
            return VerificationLevel.STRONG;
        }
        return VerificationLevel.of(knowledgePassed, pinPassed, passcodePassed);
    }

    void touch(Instant now) {
        lastActivityAt = now;
    }

    /**
     * Records activity unless it was recorded a moment ago (a sixtieth of the idle timeout, at most
     * five seconds): a rep posting in a burst keeps the call alive without a write per posting.
     */
    void touchUnlessRecent(Instant now, IdleTimeout timeout) {
        Duration moment = timeout.idle().dividedBy(60);
        if (moment.compareTo(Duration.ofSeconds(5)) > 0) {
            moment = Duration.ofSeconds(5);
        }
        if (lastActivityAt.plus(moment).isBefore(now)) {
            lastActivityAt = now;
        }
    }

    /** Names the member the caller claims to be; a new claim starts verification over. */
    void identify(String memberNumber, boolean aniOnFile, List<RedFlag> flags) {
        this.memberNumber = memberNumber;
        this.aniOnFile = aniOnFile;
        this.knowledgePassed = false;
        this.pinPassed = false;
        this.passcodePassed = false;
        this.otpSecret = null;
        this.otpLastStep = null;
        this.photoIdPassed = false;
        this.photoIdType = null;
        this.photoIdLast4 = null;
        this.photoIdExpires = null;
        this.redFlags = flags.isEmpty() ? null : String.join(",", flags.stream().map(Enum::name).toList());
    }

    void passed(Factor factor) {
        switch (factor) {
            case KNOWLEDGE -> knowledgePassed = true;
            case PIN -> pinPassed = true;
            case PASSCODE -> passcodePassed = true;
            default -> throw new IllegalArgumentException("ANI never verifies a caller");
        }
    }

    /** Records the photo ID inspected; only an accepted ID is kept on the visit. */
    void photoIdAccepted(PhotoId photoId) {
        if (channel != Channel.BRANCH) {
            throw new IllegalStateException("A photo ID verifies only a visit");
        }
        this.photoIdPassed = true;
        this.photoIdType = photoId.type();
        this.photoIdLast4 = photoId.last4();
        this.photoIdExpires = photoId.expires();
    }

    void newPasscodeSecret(String encrypted) {
        this.otpSecret = encrypted;
    }

    void passcodeUsed(long step) {
        this.otpLastStep = step;
    }

    void handOver(String staff) {
        this.handledBy = staff;
    }

    void end(Disposition disposition, Instant at) {
        this.disposition = disposition;
        this.endedAt = at;
    }

    public String id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    public boolean isVisit() {
        return channel == Channel.BRANCH;
    }

    /** The photo ID accepted in this visit, or null. */
    public PhotoId photoId() {
        return photoIdPassed ? new PhotoId(photoIdType, photoIdLast4, photoIdExpires) : null;
    }

    public String ani() {
        return ani;
    }

    public String startedBy() {
        return startedBy;
    }

    public String handledBy() {
        return handledBy;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public Disposition disposition() {
        return disposition;
    }

    public boolean aniOnFile() {
        return aniOnFile;
    }

    public List<RedFlag> redFlags() {
        return redFlags == null ? List.of() : Arrays.stream(redFlags.split(",")).map(RedFlag::valueOf).toList();
    }

    String otpSecret() {
        return otpSecret;
    }

    long otpLastStep() {
        return otpLastStep == null ? Long.MIN_VALUE : otpLastStep;
    }
}
