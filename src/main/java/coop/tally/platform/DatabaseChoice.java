package coop.tally.platform;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Which database Tally runs on, decided from its settings alone: {@code tally.db.url} (a JDBC URL,
 * {@code TALLY_DB_URL} in the environment) with {@code tally.db.user} and {@code tally.db.password};
 * without a URL, embedded Derby in the database {@code tally.db} names (a folder, or
 * {@code memory:<name>} for tests). Only Derby and PostgreSQL are accepted: those are the two
 * databases the migrations, the locking and the sealing SQL are written and tested for.
 */
public record DatabaseChoice(Kind kind, String url, Properties connectionProperties) {

    public enum Kind { DERBY, POSTGRESQL }

    /**
     * PostgreSQL waits for a lock forever by default. A posting takes its locks in one fixed
     * order, so a long wait means something is stuck: give up after the same 15 s Derby is set
     * to, and the client gets a 503 to retry.
     */
    static final String POSTGRES_LOCK_TIMEOUT = "-c lock_timeout=15s";

    /** The choice Tally's configuration makes (the WAR's properties, system properties, the environment). */
    public static DatabaseChoice configured() {
        Config config = ConfigProvider.getConfig(DatabaseChoice.class.getClassLoader());
        return from(name -> config.getOptionalValue(name, String.class));
    }

    public static DatabaseChoice from(Function<String, Optional<String>> setting) {
        Optional<String> url = setting.apply("tally.db.url").map(String::strip).filter(value -> !value.isEmpty());
        if (url.isEmpty()) {
            String database = setting.apply("tally.db").orElse("data/db");
            return new DatabaseChoice(Kind.DERBY, "jdbc:derby:" + database + ";create=true", new Properties());
        }
        Properties properties = new Properties();
        setting.apply("tally.db.user").ifPresent(user -> properties.setProperty("user", user));
        setting.apply("tally.db.password").ifPresent(password -> properties.setProperty("password", password));
        if (url.get().startsWith("jdbc:postgresql:")) {
            properties.setProperty("options", POSTGRES_LOCK_TIMEOUT);
            return new DatabaseChoice(Kind.POSTGRESQL, url.get(), properties);
        }
        if (url.get().startsWith("jdbc:derby:")) {
            return new DatabaseChoice(Kind.DERBY, url.get(), properties);
        }
        throw new IllegalArgumentException("tally.db.url must start with jdbc:postgresql: or jdbc:derby:");
    }

    /**
     * The folder of an embedded Derby database on disk, as its URL names it (relative to Derby's
     * system home when not absolute); empty on PostgreSQL and for a Derby database that is not a
     * plain folder ({@code memory:}, {@code jar:}, {@code classpath:}), which Tally does not back up.
     */
    public Optional<String> derbyFolder() {
        if (kind != Kind.DERBY) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:derby:".length()).replaceAll(";.*$", "");
        if (name.startsWith("directory:")) {
            name = name.substring("directory:".length());
        }
        // a subsubprotocol ("memory:", "jar:(...)", "classpath:") has no folder to copy; a Windows drive letter is a folder
        boolean subprotocol = name.matches("^[a-zA-Z]{2,}:.*");
        return name.isEmpty() || subprotocol ? Optional.empty() : Optional.of(name);
    }

    /**
     * Whether this database can be open in one server only: embedded Derby locks its folder to
     * one JVM, so whatever that server knows (a revoked token, say) no other server can contradict.
     * PostgreSQL and a Derby network server may serve several.
     */
    public boolean servesOneServerOnly() {
        return kind == Kind.DERBY && !url.startsWith("jdbc:derby://");
    }

    /** The URL as it may be logged: no query string or attributes, where a password could hide. */
    public String describe() {
        String shown = url.replaceAll("[?;].*$", "");
        return kind + " at " + shown + connectionProperties.getProperty("user", "").transform(user -> user.isEmpty() ? "" : " as " + user);
    }

    @Override
    public String toString() {
        return describe();
    }
}
