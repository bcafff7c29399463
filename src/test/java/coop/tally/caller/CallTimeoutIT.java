package coop.tally.caller;

import coop.tally.posting.Calls;
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
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An idle call ends by itself: here after 2 seconds instead of 15 minutes. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallTimeoutIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWarWithConfig("tally.call.idle=PT2S");
    }

    @ArquillianResource
    URL deployment;

    @Test
    void an_idle_call_times_out_and_nothing_can_be_posted_or_read_on_it() throws InterruptedException {
        Api anonymous = Api.at(deployment);
        Api rep1 = anonymous.signIn("rep1");
        Calls calls = new Calls(anonymous.signIn("super1"), anonymous.signIn("admin1"));
        String call = calls.verifiedCall(rep1, "100001", "BASIC");
        assertEquals(200, rep1.get("api/members/100001").status());

        Thread.sleep(3_000);
        assertEquals("TIMED_OUT", rep1.get("api/calls/" + call).json().getString("state"));
        assertEquals(403, rep1.get("api/members/100001").status());
        Api.Reply posting = rep1.post("api/transactions", "{\"type\":\"DEPOSIT\",\"tender\":\"CASH\",\"toAccount\":\"100001-S10\","
                + "\"amount\":\"5.00\",\"sessionId\":\"" + call + "\"}", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(403, posting.status(), posting.toString());
        assertEquals("CALL_TIMED_OUT", posting.json().getString("reason"));

        // a new call may start: the idle one is closed as TIMED_OUT on the way
        Api.Reply next = rep1.post("api/calls", "{\"ani\":\"+13125550101\"}");
        assertEquals(201, next.status(), next.toString());
        assertEquals("TIMED_OUT", rep1.get("api/calls/" + call).json().getString("disposition"));
    }
}
