package coop.tally.posting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The first answer given to one staff member's Idempotency-Key. Inserted at the start of the
 * posting's transaction, so a concurrent duplicate waits on it and then finds the answer.
 */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {

    @Id
    @Column(name = "staff_username")
    private String staffUsername;

    @Id
    @Column(name = "idem_key")
    private String idemKey;

    @Column(name = "request_hash", nullable = false, updatable = false)
    private String requestHash;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Column(name = "response_body", length = 16000)
    private String responseBody;

    @Column(name = "entry_id")
    private Long entryId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String staffUsername, String idemKey, String requestHash, Instant createdAt) {
        this.staffUsername = staffUsername;
        this.idemKey = idemKey;
        this.requestHash = requestHash;
        this.createdAt = createdAt;
    }

    public String requestHash() {
        return requestHash;
    }

    /** What the first answer was (stored as the numbers 201 and 202, as every version of the record has). */
    public PostingService.Result result() {
        return httpStatus == 202 ? PostingService.Result.AWAITING_APPROVAL : PostingService.Result.POSTED;
    }

    public String responseBody() {
        return responseBody;
    }

    public Long entryId() {
        return entryId;
    }

    void answer(PostingService.Result result, String body, Long entryId) {
        this.httpStatus = result == PostingService.Result.AWAITING_APPROVAL ? 202 : 201;
        this.responseBody = body;
        this.entryId = entryId;
    }

    /** Composite key: keys are unique per staff member. */
    public static class Key implements Serializable {
        private String staffUsername;
        private String idemKey;

        public Key() {
        }

        public Key(String staffUsername, String idemKey) {
            this.staffUsername = staffUsername;
            this.idemKey = idemKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.staffUsername.equals(staffUsername) && key.idemKey.equals(idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(staffUsername, idemKey);
        }
    }
}
