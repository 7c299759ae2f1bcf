package org.grassroots.assessment.server.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.TestUsers;
import tools.jackson.databind.JsonNode;

/** The real HTTP API of a test server, for tests of the evaluation, ranking and rectification features. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** A client signed in as the tests' administrator. */
    public ApiClient(int port) {
        this(port, TestUsers.admin());
    }

    /** A client sending this Authorization header (null: anonymous). */
    public ApiClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** A response: status, body text and the body as JSON (null when it is not JSON). */
    public record Response(int status, String body, String location) {
        public JsonNode json() {
            return ResultJson.mapper().readTree(body);
        }
    }

    public Response get(String path) {
        return send(signed(HttpRequest.newBuilder(URI.create(base + path))).GET().build());
    }

    public Response post(String path, String json) {
        return send(signed(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response put(String path, String json) {
        return send(signed(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response postBytes(String path, byte[] json) {
        return send(signed(HttpRequest.newBuilder(URI.create(base + path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /** POST /api/import of the worked example; asserts 200. */
    public void importWorkedExample() {
        Response r = postBytes("/api/import", Fixtures.bytes(Fixtures.WORKED_EXAMPLE));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** POST /api/evaluations; asserts 201 and the Location; returns the id. */
    public long evaluate(String period, String asOf) {
        String body = asOf == null ? "{\"period\":\"" + period + "\"}"
                : "{\"period\":\"" + period + "\",\"asOf\":\"" + asOf + "\"}";
        Response r = post("/api/evaluations", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(r.location()).endsWith("/api/evaluations/" + id);
        return id;
    }

    public JsonNode evaluation(long id) {
        Response r = get("/api/evaluations/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a test data directory (call before the Spring context starts). */
    public static void deleteDataDir(String dir) {
        Path root = Path.of(dir);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readJson(InputStream in) {
        try (in) {
            return ResultJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
