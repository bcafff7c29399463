package coop.tally.member;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One enrolled member's SSN blind index (see {@code V18}): the key makes a second enrolment of one SSN impossible. */
@Entity
@Table(name = "member_ssn_index")
@Access(AccessType.FIELD)
public class SsnIndexRow {

    @Id
    @Column(name = "ssn_index", nullable = false, updatable = false)
    private String ssnIndex;

    @Column(name = "member_number", nullable = false, updatable = false)
    private String memberNumber;

    protected SsnIndexRow() {
        // for JPA
    }

    SsnIndexRow(String ssnIndex, String memberNumber) {
        this.ssnIndex = ssnIndex;
        this.memberNumber = memberNumber;
    }

    public String memberNumber() {
        return memberNumber;
    }
}
