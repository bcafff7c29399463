package coop.tally.member;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Objects;

/**
 * A postal address. The primary one is the current mailing address: official checks bought by
 * phone are mailed there, and a caller may be asked its ZIP.
 */
@Entity
@Table(name = "member_address")
@Access(AccessType.FIELD)
public class MemberAddress {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private Member member;

    @Column(name = "line1", nullable = false)
    private String line1;

    @Column(name = "line2")
    private String line2;

    @Column(name = "city", nullable = false)
    private String city;

    @Column(name = "state", nullable = false, length = 2)
    private String state;

    @Column(name = "zip", nullable = false)
    private String zip;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected MemberAddress() {
        // for JPA
    }

    MemberAddress(Member member, String line1, String line2, String city, String state, String zip, boolean primary) {
        this.member = Objects.requireNonNull(member);
        this.line1 = Member.requireText(line1, "address line 1");
        this.line2 = line2 == null || line2.isBlank() ? null : line2;
        this.city = Member.requireText(city, "city");
        if (state == null || !state.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("The state is a two-letter code");
        }
        this.state = state;
        if (zip == null || !zip.matches("[0-9]{5}(-[0-9]{4})?")) {
            throw new IllegalArgumentException("The ZIP is 5 digits or ZIP+4");
        }
        this.zip = zip;
        this.primary = primary;
    }

    public String line1() {
        return line1;
    }

    public String line2() {
        return line2;
    }

    public String city() {
        return city;
    }

    public String state() {
        return state;
    }

    public String zip() {
        return zip;
    }

    public boolean isPrimary() {
        return primary;
    }
}
