package coop.tally.member;

import java.util.List;

/** Everything the member screen shows, loaded inside one transaction. */
public record MemberFile(Member member, List<MemberPhone> phones, List<MemberAddress> addresses,
                         List<MemberAccount> accounts) {
}
