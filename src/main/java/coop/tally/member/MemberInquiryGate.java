package coop.tally.member;

/**
 * Lets a rep read a member's file only while serving that member on a verified call or visit. The
 * calls that decide it live above this package, so the member package names only what it needs.
 */
public interface MemberInquiryGate {

    /** Returns when {@code staff} may read {@code what} of this member; refuses otherwise. */
    void admitInquiry(String staff, String memberNumber, String what);
}
