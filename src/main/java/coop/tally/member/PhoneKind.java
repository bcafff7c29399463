package coop.tally.member;

public enum PhoneKind {
    MOBILE,
    HOME,
    WORK
}
