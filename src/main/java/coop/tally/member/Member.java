package coop.tally.member;

import coop.tally.crypto.FieldCipher;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A member of the credit union: who they are and how to reach them. The SSN is held only
 * encrypted, bound to the member number, plus its last four digits for caller verification and
 * masked display; nothing in this class returns or prints the full number.
 */
@Entity
@Table(name = "member")
@Access(AccessType.FIELD)
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "member_number", nullable = false, updatable = false)
    private String memberNumber;

    @Column(name = "first_name", nullable = false)
    private String firstName;

    @Column(name = "last_name", nullable = false)
    private String lastName;

    @Column(name = "last_name_key", nullable = false)
    private String lastNameKey;

    @Column(name = "full_name_key", nullable = false)
    private String fullNameKey;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(name = "ssn_encrypted", nullable = false)
    private String ssnEncrypted;

    @Column(name = "ssn_last4", nullable = false, length = 4)
    private String ssnLast4;

    @Column(name = "email")
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private MemberStatus status;

    @Column(name = "joined_on", nullable = false)
    private LocalDate joinedOn;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("primary DESC, id ASC")
    private List<MemberPhone> phones = new ArrayList<>();

    @OneToMany(mappedBy = "member", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("primary DESC, id ASC")
    private List<MemberAddress> addresses = new ArrayList<>();

    protected Member() {
        // for JPA
    }

    /**
     * Enrolls a member. The SSN is encrypted at once with the member number as associated data,
     * so that its ciphertext is only valid in this member's row.
     */
    public Member(String memberNumber, String firstName, String lastName, LocalDate dateOfBirth,
                  String ssn, FieldCipher cipher, String email, LocalDate joinedOn) {
        this.memberNumber = requireText(memberNumber, "member number");
        rename(firstName, lastName);
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth, "date of birth");
        String ssnDigits = SsnMask.digitsOf(ssn);
        this.ssnEncrypted = cipher.encrypt(ssnDigits, memberNumber);
        this.ssnLast4 = ssnDigits.substring(5);
        this.email = email;
        this.status = MemberStatus.ACTIVE;
        this.joinedOn = Objects.requireNonNull(joinedOn, "joined on");
    }

    /** Changes the name and, with it, the search keys. */
    public void rename(String firstName, String lastName) {
        this.firstName = requireText(firstName, "first name").strip();
        this.lastName = requireText(lastName, "last name").strip();
        this.lastNameKey = NameKeys.of(this.lastName);
        this.fullNameKey = NameKeys.fullName(this.firstName, this.lastName);
    }

    public MemberPhone addPhone(String number, PhoneKind kind, boolean primary) {
        MemberPhone phone = new MemberPhone(this, number, kind, primary);
        phones.add(phone);
        return phone;
    }

    public MemberAddress addAddress(String line1, String line2, String city, String state, String zip, boolean primary) {
        MemberAddress address = new MemberAddress(this, line1, line2, city, state, zip, primary);
        addresses.add(address);
        return address;
    }

    /** Changes the e-mail address (callers: only inside a STRONG-verified call, which also tells the old address). */
    public void changeEmail(String email) {
        String trimmed = requireText(email, "e-mail address").strip();
        if (trimmed.length() > 254 || trimmed.indexOf('@') < 1 || trimmed.indexOf('@') == trimmed.length() - 1) {
            throw new IllegalArgumentException("Not an e-mail address");
        }
        this.email = trimmed;
    }

    /** Replaces the primary phone's number, or adds a primary mobile phone when there is none. */
    public void changePrimaryPhone(String number) {
        if (phones.isEmpty()) {
            addPhone(number, PhoneKind.MOBILE, true);
        } else {
            phones.get(0).renumber(number);
        }
    }

    public void freeze() {
        status = MemberStatus.FROZEN;
    }

    public void unfreeze() {
        if (status == MemberStatus.FROZEN) {
            status = MemberStatus.ACTIVE;
        }
    }

    /**
     * True when {@code ssn} is this member's SSN. Decrypting (rather than comparing the last four)
     * also proves the stored ciphertext belongs to this row.
     */
    public boolean hasSsn(String ssn, FieldCipher cipher) {
        return cipher.decrypt(ssnEncrypted, memberNumber).equals(SsnMask.digitsOf(ssn));
    }

    public Long id() {
        return id;
    }

    public String memberNumber() {
        return memberNumber;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String ssnLastFour() {
        return ssnLast4;
    }

    /** {@code ***-**-1234}: the only form of the SSN that may be shown or logged. */
    public String maskedSsn() {
        return SsnMask.ofLastFour(ssnLast4);
    }

    public String email() {
        return email;
    }

    public MemberStatus status() {
        return status;
    }

    public LocalDate joinedOn() {
        return joinedOn;
    }

    public long version() {
        return version;
    }

    /** Primary first. */
    public List<MemberPhone> phones() {
        return Collections.unmodifiableList(phones);
    }

    /** Primary (current mailing address) first. */
    public List<MemberAddress> addresses() {
        return Collections.unmodifiableList(addresses);
    }

    /** Names the member by number only: personal data stays out of logs. */
    @Override
    public String toString() {
        return "Member[" + memberNumber + "]";
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + what + " is required");
        }
        return value;
    }
}
