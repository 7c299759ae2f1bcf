package org.grassroots.assessment.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API reads JSON bodies only: a POST, PUT, PATCH or DELETE under {@code /api/} must send
 * {@code application/json} (or {@code application/*+json}), or nothing at all; multipart/form-data is
 * taken only where it is documented (a bundle file for {@code /api/import}, rule files for
 * {@code /api/rules/validate} and {@code /api/rules/drafts}). Anything else is 415 before a handler
 * reads it. An HTML form can send only form encodings and {@code text/plain}, so a form on another
 * web site cannot post JSON here (and JSON from another origin needs a CORS preflight this server
 * never grants). Runs after Spring Security, so an anonymous caller still gets 401 first.
 */
@Component
class JsonRequestBodies extends OncePerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> MULTIPART = Set.of("/api/import", "/api/rules/validate", "/api/rules/drafts");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !BODY_METHODS.contains(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (accepted(request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
        response.setHeader("Accept-Post", MULTIPART.contains(request.getRequestURI())
                ? "application/json, multipart/form-data" : "application/json");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"不支持的请求体类型\",\"status\":415,"
                + "\"detail\":\"请求体须为 JSON（Content-Type: application/json）"
                + (MULTIPART.contains(request.getRequestURI()) ? "或 multipart/form-data 上传" : "")
                + " the request body must be application/json"
                + (MULTIPART.contains(request.getRequestURI()) ? " or a multipart/form-data upload" : "")
                + "\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._~-]", "") + "\"}");
    }

    private static boolean accepted(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null || type.isBlank()) {
            return request.getContentLengthLong() == 0
                    || (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") == null);
        }
        MediaType media;
        try {
            media = MediaType.parseMediaType(type);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (MediaType.APPLICATION_JSON.equalsTypeAndSubtype(media)
                || ("application".equals(media.getType()) && media.getSubtype().endsWith("+json"))) {
            return true;
        }
        return MediaType.MULTIPART_FORM_DATA.equalsTypeAndSubtype(media) && MULTIPART.contains(request.getRequestURI());
    }
}
