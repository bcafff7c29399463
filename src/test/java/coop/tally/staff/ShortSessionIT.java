package coop.tally.staff;

import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Token expiry, with the lifetimes shortened to seconds for this deployment only. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShortSessionIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWarWithConfig("tally.session.idle=PT2S\ntally.session.max=PT5S");
    }

    @ArquillianResource
    URL deployment;

    @Test
    void an_idle_token_expires() throws InterruptedException {
        Api rep = Api.at(deployment).signIn("rep1");
        assertEquals(200, rep.get("api/me").status());
        Thread.sleep(3_000);
        Api.Reply after = rep.get("api/me");
        assertEquals(401, after.status(), after.toString());
        assertEquals("TOKEN_EXPIRED", after.code());
    }

    @Test
    void a_busy_token_still_expires_at_its_absolute_lifetime() throws InterruptedException {
        Api rep = Api.at(deployment).signIn("rep2");
        long started = System.nanoTime();
        int lastStatus = 200;
        while (System.nanoTime() - started < 7_000_000_000L && lastStatus == 200) {
            lastStatus = rep.get("api/me").status();
            Thread.sleep(400);
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(401, lastStatus, "refused once the absolute lifetime passed");
        assertEquals(true, elapsedMillis >= 4_500, "not before the lifetime: " + elapsedMillis + " ms");
        assertEquals("TOKEN_EXPIRED", rep.get("api/me").code());
    }
}
