package coop.tally.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The names in a raw query string. The API reads one value per query parameter, so a parameter
 * named twice ({@code ?from=a&from=b}, or {@code from} and {@code %66rom}) is ambiguous: the
 * runtime would quietly take the first value, and a proxy or log reader might take the other.
 * Like a duplicate key in a JSON body, it is refused rather than guessed.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The first name that occurs more than once, decoded as the runtime decodes it; empty when
     * every name is distinct. {@code rawQuery} must already be well-formed percent-encoded text.
     */
    static Optional<String> repeatedName(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (!seen.add(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
