package org.grassroots.assessment.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session follows its account: on every request that rides on a signed-in session, the user is
 * read again from the database (one lookup by primary key) and the session is ended when the account
 * is gone, disabled, or its password, role or organization changed since the sign-in (its
 * {@link SignedInUser#stamp() stamp} differs). The request then goes on as anonymous, so it gets what
 * an anonymous caller gets: 401 for the API, the sign-in form for pages. The state lives in the
 * database only, so this holds with several instances on one database. (Remembered HTTP Basic
 * sign-ins are checked the same way by {@link PasswordAuthentication}.)
 */
final class AccountCheck extends OncePerRequestFilter {

    private final UserAccounts accounts;

    AccountCheck(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        SignedInUser signedIn = session == null ? null : signedIn(session);
        if (signedIn != null && !accounts.find(signedIn.username()).map(signedIn::stillHolds).orElse(false)) {
            // read the request's authentication before the session goes (it may be loaded from it lazily)
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            session.invalidate();
            if (current != null && current.getPrincipal() instanceof SignedInUser user
                    && user.username().equals(signedIn.username())) {
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    private static SignedInUser signedIn(HttpSession session) {
        try {
            Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return context instanceof SecurityContext sc && sc.getAuthentication() != null
                    && sc.getAuthentication().getPrincipal() instanceof SignedInUser user ? user : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
