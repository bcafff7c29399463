package coop.tally.approval;

import coop.tally.support.Api;
import coop.tally.support.TallyDeployment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.List;

import static coop.tally.approval.Desk.events;
import static coop.tally.approval.Desk.id;
import static coop.tally.approval.Desk.numberOf;
import static coop.tally.approval.Desk.pending;
import static coop.tally.approval.Desk.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A request nobody decides expires (here after 3 seconds instead of 30 minutes) and can no longer be approved. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApprovalExpiryIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWarWithConfig("tally.approval.ttl=PT3S");
    }

    @ArquillianResource
    URL deployment;

    @Test
    void an_expired_request_cannot_be_approved_and_posts_nothing() throws InterruptedException {
        Desk desk = new Desk(deployment);
        JsonObject member = desk.claimActive("expiry");
        String number = member.getString("memberNumber");
        String share = numberOf(member, "SHARE", "ACTIVE");
        desk.fund(share, "5000.00");
        String balance = desk.balance(share);
        JsonObject approval = pending(desk.post(desk.rep1, number, request("WITHDRAWAL").add("tender", "CASH")
                .add("fromAccount", share).add("amount", "3000.00")));
        long id = id(approval);
        int entries = desk.entries();

        Thread.sleep(4_000);
        Api.Reply queue = desk.super1.get("api/approvals?status=PENDING");
        assertFalse(queue.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().anyMatch(item -> id(item) == id),
                queue.toString());
        assertEquals("EXPIRED", desk.approval(desk.rep1, id).getString("status"));

        Api.Reply approved = desk.approve(desk.super1, id, "too late");
        assertEquals(409, approved.status(), approved.toString());
        assertEquals("APPROVAL_EXPIRED", approved.code());
        Api.Reply cancelled = desk.rep1.post("api/approvals/" + id + "/cancel", "{}");
        assertEquals("APPROVAL_EXPIRED", cancelled.code(), cancelled.toString());

        JsonObject expired = desk.approval(desk.super2, id);
        assertEquals(List.of("REQUESTED", "EXPIRED"), events(expired));
        assertEquals(entries, desk.entries());
        assertEquals(balance, desk.balance(share));
    }
}
