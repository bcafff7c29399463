package coop.tally.web;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryParametersTest {

    @Test
    void distinct_names_pass() {
        assertEquals(Optional.empty(), QueryParameters.repeatedName(null));
        assertEquals(Optional.empty(), QueryParameters.repeatedName(""));
        assertEquals(Optional.empty(), QueryParameters.repeatedName("q=Zo%C3%AB&page=0&size=20"));
        assertEquals(Optional.empty(), QueryParameters.repeatedName("from=a&&until=b&"), "empty pieces name nothing");
        assertEquals(Optional.empty(), QueryParameters.repeatedName("q=a%26q%3Db"), "an encoded & and = are part of the value");
    }

    @Test
    void a_name_given_twice_is_found_however_it_is_spelled() {
        assertEquals(Optional.of("from"), QueryParameters.repeatedName("from=2026-01-01T00:00:00Z&from=2026-02-01T00:00:00Z"));
        assertEquals(Optional.of("from"), QueryParameters.repeatedName("from=a&until=b&%66rom=c"), "percent-encoded");
        assertEquals(Optional.of("page"), QueryParameters.repeatedName("page&page=2"), "without a value");
        assertEquals(Optional.of("a b"), QueryParameters.repeatedName("a+b=1&a%20b=2"), "a space, as a form encodes it or not");
        assertEquals(Optional.of("q"), QueryParameters.repeatedName("q=&q="), "both empty");
    }
}
