package org.grassroots.assessment.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * API answers to "who are you?" (401, or 429 while a name is throttled) and "not for you" (403), as
 * RFC 9457 problem details like every other API error. Security filters run before Spring MVC, so
 * the MVC exception handler cannot write these. The 401 carries the HTTP Basic challenge only for
 * a client that is not a browser ({@link CrossSiteRequests#fromBrowser}): a browser that saw the
 * challenge would ask for a password and then send it along with every request to this server,
 * also with requests that another web site makes it send.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, throttled.retryAfter().toSeconds())));
            write(request, response, HttpStatus.TOO_MANY_REQUESTS, "登录过于频繁", throttled.getMessage());
            return;
        }
        if (!CrossSiteRequests.fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"assessment\", charset=\"UTF-8\"");
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "需要登录",
                "请先登录：API 使用 HTTP Basic（用户名和密码） sign in first: HTTP Basic with user name and password");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            write(request, response, HttpStatus.FORBIDDEN, "请求被拒绝",
                    "缺少或无效的 CSRF 令牌（会话请求须带 X-CSRF-TOKEN） missing or invalid CSRF token");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "无权访问",
                "当前用户的角色无权进行此操作 the signed-in user's role may not do this");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
