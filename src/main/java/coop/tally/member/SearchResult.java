package coop.tally.member;

import java.util.List;

/** One page of members found, with the number found in all. */
public record SearchResult(List<Member> items, int page, int size, long total) {
}
