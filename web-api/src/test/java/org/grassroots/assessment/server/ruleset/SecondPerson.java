package org.grassroots.assessment.server.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.server.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The second person of four-eyes activation, for tests that activate a draft: an EVALUATOR
 * ({@link #USER}, created by the tests' administrator when missing) who reads the draft's impact
 * notice and approves it with the notice's digest, over the real HTTP API.
 */
public final class SecondPerson {

    public static final String USER = "approver";
    public static final String PASSWORD = "approver-password-1";

    private SecondPerson() {
    }

    public static String authorization() {
        return TestUsers.basic(USER, PASSWORD);
    }

    /** Approves the version after its notice of period 2026 (no data for it is fine: the notice says so). */
    public static JsonNode approve(int port, long versionId) {
        return approve(port, versionId, "2026");
    }

    /** Creates the approver when missing, reads the notice of {@code period}, approves with its digest; the approval's answer. */
    public static JsonNode approve(int port, long versionId, String period) {
        ensureUser(port);
        HttpResponse<String> notice = send(port, "GET", "/api/rules/versions/" + versionId + "/notice?period=" + period,
                null, authorization());
        if (notice.statusCode() != 200) {
            throw new AssertionError("notice of #" + versionId + ": " + notice.statusCode() + " " + notice.body());
        }
        String digest = ResultJson.mapper().readTree(notice.body()).get("digest").asString();
        HttpResponse<String> approved = send(port, "POST", "/api/rules/versions/" + versionId + "/approve",
                "{\"period\":\"" + period + "\",\"digest\":\"" + digest + "\"}", authorization());
        if (approved.statusCode() != 200) {
            throw new AssertionError("approval of #" + versionId + ": " + approved.statusCode() + " " + approved.body());
        }
        return ResultJson.mapper().readTree(approved.body());
    }

    /** Creates the approver (EVALUATOR) unless it exists. */
    public static void ensureUser(int port) {
        if (send(port, "GET", "/api/users/" + USER, null, TestUsers.admin()).statusCode() == 200) {
            return;
        }
        HttpResponse<String> created = send(port, "POST", "/api/users", "{\"username\":\"" + USER + "\",\"password\":\""
                + PASSWORD + "\",\"displayName\":\"审批测评员\",\"role\":\"EVALUATOR\"}", TestUsers.admin());
        if (created.statusCode() != 201) {
            throw new AssertionError("creating the approver: " + created.statusCode() + " " + created.body());
        }
    }

    private static HttpResponse<String> send(int port, String method, String path, String json, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization);
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        try {
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
