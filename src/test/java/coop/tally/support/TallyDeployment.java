package coop.tally.support;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The WAR that ships, exactly as {@code mvn package} built it. */
public final class TallyDeployment {

    private TallyDeployment() {
    }

    public static WebArchive shippedWar() {
        String path = System.getProperty("tally.war", "target/tally.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(path));
    }

    /** The shipped WAR with some configuration values replaced (e.g. short token lifetimes). */
    public static WebArchive shippedWarWithConfig(String extraProperties) {
        WebArchive war = shippedWar();
        String config = "WEB-INF/classes/META-INF/microprofile-config.properties";
        String shipped = new String(readAll(war, config), java.nio.charset.StandardCharsets.UTF_8);
        war.delete(config);
        war.add(new StringAsset(shipped + "\n" + extraProperties + "\n"), config);
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
