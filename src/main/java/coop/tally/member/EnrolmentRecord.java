package coop.tally.member;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The customer identification record of one enrolment: who enrolled the member, in which visit,
 * when, the photo ID inspected (type, last four, expiry) and the sanctions review it waited for, if any.
 */
@Entity
@Table(name = "member_enrolment")
@Access(AccessType.FIELD)
public class EnrolmentRecord {

    /** Enrolled members are numbered from here up; the demo loader numbers from 100001. */
    static final long FIRST_NUMBER = 700000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number")
    private String memberNumber;

    @Column(name = "enrolled_by", nullable = false, updatable = false)
    private String enrolledBy;

    @Column(name = "session_id", nullable = false, updatable = false)
    private String sessionId;

    @Column(name = "enrolled_at", nullable = false, updatable = false)
    private Instant enrolledAt;

    @Column(name = "photo_id_type", nullable = false, updatable = false)
    private String photoIdType;

    @Column(name = "photo_id_last4", nullable = false, updatable = false)
    private String photoIdLast4;

    @Column(name = "photo_id_expires", nullable = false, updatable = false)
    private LocalDate photoIdExpires;

    @Column(name = "approval_id", updatable = false)
    private Long approvalId;

    protected EnrolmentRecord() {
        // for JPA
    }

    EnrolmentRecord(String enrolledBy, String sessionId, Instant enrolledAt, Enrolments.PhotoIdSeen photoId, Long approvalId) {
        this.enrolledBy = enrolledBy;
        this.sessionId = sessionId;
        this.enrolledAt = enrolledAt;
        this.photoIdType = photoId.type();
        this.photoIdLast4 = photoId.last4();
        this.photoIdExpires = photoId.expires();
        this.approvalId = approvalId;
    }

    /** Numbers the member from this record's id (once it has one). */
    String assignNumber() {
        memberNumber = Long.toString(FIRST_NUMBER + id);
        return memberNumber;
    }
}
