package coop.tally.web;

import jakarta.json.spi.JsonProvider;

/**
 * One JSON provider for the whole application. {@code JsonBuilders.JSON.createObjectBuilder()} and friends
 * look the provider up through the service loader on every call, which scanned the class path
 * and cost more than the posting's database work.
 */
public final class JsonBuilders {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonBuilders() {
    }
}
