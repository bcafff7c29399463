package coop.tally.bench;

import java.util.Arrays;

/** Benchmark settings from system properties, so that one Maven profile can pass them all. */
final class BenchSettings {

    private BenchSettings() {
    }

    /** Concurrent clients (HTTP) or threads (TPC-B) to measure, {@code bench.clients}, default 1,4,8,16. */
    static int[] clients() {
        return Arrays.stream(System.getProperty("bench.clients", "1,4,8,16").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
    }

    static int integer(String name, int defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.trim());
    }

    static boolean flag(String name, boolean defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : Boolean.parseBoolean(value.trim());
    }
}
