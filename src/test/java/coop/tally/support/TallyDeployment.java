package coop.tally.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that ships, exactly as {@code mvn package} built it. */
public final class TallyDeployment {

    private TallyDeployment() {
    }

    /** The WAR as shipped; on PostgreSQL (see {@link TestDatabase}) configured for a new, empty database. */
    public static WebArchive shippedWar() {
        return TestDatabase.isPostgres() ? shippedWarWithConfig("") : asBuilt();
    }

    private static WebArchive asBuilt() {
        String path = System.getProperty("tally.war", "target/tally.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    /** The shipped WAR with some configuration values replaced (e.g. short token lifetimes), on the test database. */
    public static WebArchive shippedWarWithConfig(String extraProperties) {
        WebArchive war = asBuilt();
        String config = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String shipped = new String(readAll(war, config), java.nio.charset.StandardCharsets.UTF_8);
        war.delete(config);
        war.add(new StringAsset(shipped + "\n" + extraProperties + "\n" + TestDatabase.freshDatabaseConfig()), config);
        return war;
    }

    private static byte[] readAll(WebArchive war, String path) {
        try (var in = war.get(path).getAsset().openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
