package coop.tally;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployed platform: health, OpenAPI, problem answers and security headers. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return TallyDeployment.shippedWar();
    }

    @ArquillianResource
    URL deployment;

    private Api api() {
        return Api.at(deployment);
    }

    private Api server() {
        return Api.at(rootOf(deployment));
    }

    private static URL rootOf(URL url) {
        try {
            return new URL(url.getProtocol(), url.getHost(), url.getPort(), "/");
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void health_is_up_once_migrations_ran() {
        Api.Reply health = server().get("health/ready");
        assertEquals(200, health.status(), health.toString());
        assertTrue(health.body().contains("\"UP\""), health.body());
        assertTrue(health.body().contains("schemaVersion"), health.body());
    }

    @Test
    void unknown_api_path_is_a_problem() {
        Api.Reply reply = api().get("api/no-such-thing");
        assertEquals(404, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals("NOT_FOUND", reply.code());
    }

    @Test
    void unknown_static_path_is_a_problem() {
        Api.Reply reply = api().get("no-such-page.html");
        assertEquals(404, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertEquals("NOT_FOUND", reply.code());
    }

    @Test
    void api_answers_carry_security_headers() {
        Api.Reply reply = api().get("api/no-such-thing");
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("DENY", reply.header("X-Frame-Options"));
        assertTrue(reply.header("Content-Security-Policy").contains("default-src 'self'"));
        assertTrue(reply.header("Cache-Control").contains("no-store"));
    }
}
