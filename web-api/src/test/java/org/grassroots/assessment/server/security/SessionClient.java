package org.grassroots.assessment.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that behaves like a browser's cookie jar: signs in with the form and rides on the
 * session (no redirects followed, so a test sees the 302 to the sign-in form).
 */
final class SessionClient {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private HttpResponse<String> signIn;

    private SessionClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Signs in with the form (reading its CSRF token first) and checks that it worked. */
    static SessionClient signedIn(int port, String username, String password) {
        SessionClient client = new SessionClient(port);
        String token = client.token();
        client.signIn = client.send(client.request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(token))));
        assertThat(client.signIn.statusCode()).isEqualTo(302);
        assertThat(client.signIn.headers().firstValue("Location").orElse("")).doesNotContain("/login");
        return client;
    }

    /** The answer to the sign-in form (its Set-Cookie headers). */
    HttpResponse<String> signInResponse() {
        return signIn;
    }

    /** The session's current CSRF token, from a fresh sign-in form. */
    String token() {
        String page = send(request("/login").GET()).body();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder b = request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** A JSON POST riding on the session with its CSRF token. */
    HttpResponse<String> postJson(String path, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "X-CSRF-TOKEN";
        all[headers.length + 1] = token();
        return post(path, "application/json", json, all);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
