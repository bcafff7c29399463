package coop.tally.member;

import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Objects;

/** A phone on file, stored normalized ({@code +13125550101}) so caller ID can be matched exactly. */
@Entity
@Table(name = "member_phone")
@Access(AccessType.FIELD)
public class MemberPhone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "member_id", nullable = false, updatable = false)
    private Member member;

    @Column(name = "phone_number", nullable = false)
    private String number;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    private PhoneKind kind;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected MemberPhone() {
        // for JPA
    }

    MemberPhone(Member member, String number, PhoneKind kind, boolean primary) {
        this.member = Objects.requireNonNull(member);
        this.number = PhoneNumbers.require(number);
        this.kind = Objects.requireNonNull(kind, "phone kind");
        this.primary = primary;
    }

    void renumber(String number) {
        this.number = PhoneNumbers.require(number);
    }

    public String number() {
        return number;
    }

    public PhoneKind kind() {
        return kind;
    }

    public boolean isPrimary() {
        return primary;
    }
}
