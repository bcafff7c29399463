package coop.tally.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for tests: real requests to the deployed Tally on 127.0.0.1 (Payara reports
 * the machine's external address, which tests must not depend on).
 */
public final class Api {

    public static final String DEMO_PASSWORD = "tally-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final URI base;
    private final String token;

    private Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** From the URL Arquillian injects (its host may be an external address; the port and path are right). */
    public static Api at(URL deployment) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        return new Api(URI.create("http://127.0.0.1:" + deployment.getPort() + path), null);
    }

    public Api as(String token) {
        return new Api(base, token);
    }

    /** Signs in with the demo password and returns a client that sends the token. */
    public Api signIn(String username) {
        Reply reply = post("api/auth/login", Json.createObjectBuilder()
                .add("username", username).add("password", DEMO_PASSWORD).build().toString());
        if (reply.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + reply);
        }
        return as(reply.json().getString("token"));
    }

    public String token() {
        return token;
    }

    public URI base() {
        return base;
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, String jsonBody) {
        return post(path, jsonBody, Map.of());
    }

    public Reply post(String path, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        headers.forEach(request::header);
        return send(request);
    }

    /** A GET that asks for another media type than JSON (CSV, JSON Lines). */
    public Reply get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept + ", application/problem+json").GET());
    }

    public Reply put(String path, String jsonBody) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply send(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Reply(response.statusCode(), headers, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, headers (lower-case names) and body. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }

        public boolean isProblem() {
            return contentType() != null && contentType().startsWith("application/problem+json");
        }

        /** The problem's stable code, or null when the reply is not a problem. */
        public String code() {
            return isProblem() ? json().getString("code", null) : null;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
