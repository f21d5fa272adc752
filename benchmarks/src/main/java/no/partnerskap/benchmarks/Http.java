package no.partnerskap.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A small HTTP/1.1 client to 127.0.0.1: JSON in, status, ETag and JSON out. */
final class Http {

    record Response(int status, String body, String etag) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String text(String field) {
            return json().path(field).asText(null);
        }

        long version() {
            return etag == null ? -1 : Long.parseLong(etag.replace("W/", "").replace("\"", ""));
        }

        Response ok() {
            if (status / 100 != 2) {
                throw new IllegalStateException("HTTP " + status + ": " + body);
            }
            return this;
        }
    }

    static {
        // The client keeps idle connections for 20 minutes, the services' Tomcat for far less: after a quiet
        // phase a request could go out on a connection the server was closing and come back with no answer.
        // Read once, before the first client is built.
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    String token(String subject, String org, String... roles) {
        Map<String, Object> request = org == null ? Map.of("subject", subject, "roles", List.of(roles))
                : Map.of("subject", subject, "org", org, "roles", List.of(roles));
        return post("/dev/token", null, request).ok().text("access_token");
    }

    Response post(String path, String token, Object body) {
        try {
            String payload = body instanceof String s ? s : JSON.writeValueAsString(body);
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(payload)), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    private Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
