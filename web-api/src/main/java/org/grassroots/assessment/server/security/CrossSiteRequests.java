package org.grassroots.assessment.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser may send a state-changing request only from this server's own pages. A layer in front of
 * the CSRF token: whatever credentials the browser adds on its own (a session cookie, HTTP Basic it
 * remembers), a POST, PUT, PATCH or DELETE that another origin made it send is refused with 403
 * before anything else looks at it. Browsers say where a request comes from in {@code Sec-Fetch-Site}
 * (every current browser): only {@code same-origin} and {@code none} (typed by the user) pass; a
 * browser without it is judged by {@code Origin}, which must name this server's host. API clients
 * (curl, scripts) send neither header and are not affected. No Spring Security filter does this
 * (checked for 7.0), hence this small one.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!SAFE_METHODS.contains(request.getMethod()) && !fromOwnPages(request)) {
            ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "跨站请求被拒绝",
                    "其他网站发起的修改请求一律拒绝 a request that changes something must come from this server's own pages");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the request may come from this server's own pages (or not from a browser at all). */
    static boolean fromOwnPages(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return OWN_SITE.contains(site.strip().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin.strip());
            return host != null && uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (IllegalArgumentException notAnOrigin) {
            return false; // "null" (a sandboxed frame, a file) or garbage
        }
    }

    /**
     * Whether the request comes from a browser: it names where it comes from ({@code Sec-Fetch-*},
     * {@code Origin}) or asks for HTML. Such a request is never sent the HTTP Basic challenge.
     */
    static boolean fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Dest") != null || request.getHeader("Origin") != null) {
            return true;
        }
        return acceptsHtml(request);
    }

    /** Whether the request names {@code text/html} in its Accept header (a wildcard does not count). */
    static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
