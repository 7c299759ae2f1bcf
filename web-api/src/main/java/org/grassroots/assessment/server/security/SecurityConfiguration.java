package org.grassroots.assessment.server.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. API clients sign in with HTTP Basic (no session, no CSRF token needed); pages
 * sign in with a form and a session, and every state-changing request that carries a session cookie
 * needs the CSRF token, whatever else it carries. In front of that, a browser's state-changing request
 * from another origin is refused ({@link CrossSiteRequests}); browsers are never sent the Basic
 * challenge ({@link ProblemResponses}); a session holds only while its account is unchanged
 * ({@link AccountCheck}). The URL rules below say which roles may reach an endpoint; which
 * organizations an {@link Role#ORG_REP} sees is enforced again on every query by {@link AccessScope}.
 */
@Configuration
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String RULE_MAINTAINER = Role.RULE_MAINTAINER.name();
    private static final String EVALUATOR = Role.EVALUATOR.name();
    private static final String INSPECTOR = Role.INSPECTOR.name();
    private static final String ORG_REP = Role.ORG_REP.name();
    private static final String[] STAFF = {ADMIN, RULE_MAINTAINER, EVALUATOR, INSPECTOR};
    private static final String[] EVERYONE = {ADMIN, RULE_MAINTAINER, EVALUATOR, INSPECTOR, ORG_REP};
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: blob:;"
            + " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    /** Whether the OpenAPI document and Swagger UI are open to anyone; by default they need a signed-in user. */
    @Value("${assessment.api-docs.public:false}")
    private boolean publicApiDocs;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    PasswordAuthentication passwordAuthentication(SignedInUsers users, UserAccounts accounts, PasswordEncoder encoder,
            LoginThrottle throttle, SecurityProperties properties, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new PasswordAuthentication(passwords, accounts, throttle, properties.credentialCache(), clock);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PasswordAuthentication authentication,
            UserAccounts accounts) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        RequestMatcher api = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"));
        // a browser opening an API address without a session is sent to the sign-in form, never challenged
        RequestMatcher apiInBrowser = new AndRequestMatcher(api, CrossSiteRequests::acceptsHtml);
        // only pages are remembered for after the sign-in, so API calls never create a session
        HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
        pagesOnly.setRequestMatcher(new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(GET, "/**"),
                new NegatedRequestMatcher(api)));
        http.authenticationManager(new ProviderManager(authentication))
                .addFilterBefore(new CrossSiteRequests(), CsrfFilter.class)
                .addFilterBefore(new AccountCheck(accounts), AnonymousAuthenticationFilter.class)
                .requestCache(c -> c.requestCache(pagesOnly))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // the API's description only for signed-in users, unless assessment.api-docs.public=true
                        .requestMatchers(API_DOCS).access(publicApiDocs ? SingleResultAuthorizationManager.permitAll()
                                : AuthenticatedAuthorizationManager.authenticated())
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers(GET, "/css/**", "/js/**", "/webjars/**").permitAll()
                        // pages: each group's own; an organization's page checks its scope like the API
                        .requestMatchers(GET, "/").authenticated()
                        // the office reads visits, their photos and the visit history; only inspection teams record them
                        .requestMatchers(GET, "/inspection/visits/new").hasAnyRole(ADMIN, INSPECTOR)
                        .requestMatchers(GET, "/inspection/visits/*", "/inspection/visits/*/photos/*", "/inspection/history",
                                "/inspection/due", "/inspection/map")
                        .hasAnyRole(ADMIN, INSPECTOR, EVALUATOR)
                        // inspection plans and their calendar: the service answers 404 to all but inspectors
                        .requestMatchers("/inspection/plans", "/inspection/plans/**", "/inspection/calendar").authenticated()
                        .requestMatchers(GET, "/inspection/calibration").hasAnyRole(ADMIN, EVALUATOR, INSPECTOR)
                        .requestMatchers("/inspection", "/inspection/**").hasAnyRole(ADMIN, INSPECTOR)
                        .requestMatchers("/office", "/office/**").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/rankings").hasAnyRole(STAFF)
                        // four-eyes activation: the office approves the maintainers' drafts after their impact notice
                        .requestMatchers(POST, "/rules/approvals/*").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/rules/approvals", "/rules/approvals/*")
                        .hasAnyRole(ADMIN, RULE_MAINTAINER, EVALUATOR)
                        .requestMatchers("/rules", "/rules/**").hasAnyRole(ADMIN, RULE_MAINTAINER)
                        .requestMatchers(POST, "/org/*/rectifications/*/submit").hasAnyRole(ADMIN, ORG_REP)
                        // self-reports: read by whoever sees the organization; filled by its representative;
                        // reviewed by its committee's representative or the office (SelfReporting decides which)
                        .requestMatchers(GET, "/org/*/self-report", "/org/*/self-report/evidence/*/*").hasAnyRole(EVERYONE)
                        .requestMatchers(POST, "/org/*/self-report").hasRole(ORG_REP)
                        .requestMatchers("/org/*/self-report/review").hasAnyRole(ADMIN, EVALUATOR, ORG_REP)
                        .requestMatchers(GET, "/org/*/self-reports").hasRole(ORG_REP)
                        .requestMatchers(GET, "/org", "/org/search").hasAnyRole(STAFF)
                        .requestMatchers(GET, "/org/*", "/org/*/report", "/org/*/report.pdf", "/org/*/upgrade-path")
                        .hasAnyRole(EVERYONE)
                        // an item's evidence: who may see it is decided by the item's organization (EvidencePages)
                        .requestMatchers(GET, "/org/*/rectifications/*/evidence/*").hasAnyRole(EVERYONE)
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/admin/users", "/admin/users/*").hasRole(ADMIN)
                        .requestMatchers("/api/me", "/api/me/**").authenticated()
                        // everyone reads and marks read only their own notifications (NotificationRepository)
                        .requestMatchers(GET, "/api/notifications").authenticated()
                        .requestMatchers(GET, "/notifications").authenticated()
                        .requestMatchers(POST, "/notifications/*/read").authenticated()
                        .requestMatchers(POST, "/api/notifications/*/read").authenticated()
                        .requestMatchers("/api/users", "/api/users/**", "/api/audit", "/api/audit/**", "/api/admin/**")
                        .hasRole(ADMIN)
                        // rule sets: everyone on the staff reads them; maintainers change and try them
                        // four-eyes activation: the office approves after the impact notice (RuleSetApprovals)
                        .requestMatchers(POST, "/api/rules/versions/*/approve").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/api/rules/versions/*/notice", "/api/rules/versions/*/notice.xlsx",
                                "/api/rules/versions/*/approvals", "/api/rules/versions/*/approvals/*")
                        .hasAnyRole(ADMIN, RULE_MAINTAINER, EVALUATOR)
                        .requestMatchers(GET, "/api/rules/**").hasAnyRole(STAFF)
                        .requestMatchers(POST, "/api/rules/**").hasAnyRole(ADMIN, RULE_MAINTAINER)
                        // the evaluation office imports, evaluates, publishes and exports
                        .requestMatchers(POST, "/api/import").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/api/import/template.xlsx", "/api/import/export.xlsx")
                        .hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(POST, "/api/evaluations", "/api/evaluations/*/publish")
                        .hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/api/evaluations/*/export").hasAnyRole(ADMIN, EVALUATOR)
                        // the sensitivity view (倒排说明) is the office's: what-if runs of the engine
                        .requestMatchers("/api/evaluations/*/sensitivity").hasAnyRole(ADMIN, EVALUATOR)
                        // restatements: the office restates and exports; everyone reads, a representative
                        // only its subtree's rows (RestatementController)
                        .requestMatchers(POST, "/api/evaluations/*/restate").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/api/evaluations/*/restatements/*/export", "/api/evaluations/*/inputs",
                                "/api/evaluations/*/previous-tiers")
                        .hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/api/evaluations/*/restatements", "/api/evaluations/*/restatements/*")
                        .hasAnyRole(EVERYONE)
                        .requestMatchers(GET, "/api/evaluations", "/api/evaluations/*/summary",
                                "/api/evaluations/*/organizations/*").hasAnyRole(EVERYONE)
                        .requestMatchers(GET, "/api/evaluations/**", "/api/rankings").hasAnyRole(STAFF)
                        .requestMatchers(PUT, "/api/organizations/**").hasAnyRole(ADMIN, EVALUATOR)
                        .requestMatchers(GET, "/api/organizations", "/api/organizations/**").hasAnyRole(EVERYONE)
                        // inspection teams record visits; the covert ones stay hidden from the organizations
                        .requestMatchers(POST, "/api/visits", "/api/visits/**").hasAnyRole(ADMIN, INSPECTOR)
                        .requestMatchers(GET, "/api/visits", "/api/visits/**").hasAnyRole(ADMIN, EVALUATOR, INSPECTOR)
                        // the due list (issue 16): the inspection teams and the office, never the organizations
                        .requestMatchers(GET, "/api/inspections/due").hasAnyRole(ADMIN, EVALUATOR, INSPECTOR)
                        // inspector calibration (issue 18): the office and the inspection lead (the service
                        // answers 403 to inspectors who do not lead)
                        .requestMatchers(GET, "/api/inspections/calibration").hasAnyRole(ADMIN, EVALUATOR, INSPECTOR)
                        // inspection plans: every signed-in user reaches the service, which answers 404 to all
                        // but inspectors (their existence is secret) and 403 to inspectors who do not lead
                        .requestMatchers("/api/inspection-plans", "/api/inspection-plans/**").authenticated()
                        .requestMatchers(GET, "/api/inspectors").hasAnyRole(ADMIN, INSPECTOR)
                        .requestMatchers(PUT, "/api/inspectors/*").hasRole(ADMIN)
                        .requestMatchers(POST, "/api/rectifications/*/submit").hasAnyRole(ADMIN, ORG_REP)
                        .requestMatchers(POST, "/api/rectifications/*/verify", "/api/rectifications/*/reject")
                        .hasAnyRole(ADMIN, INSPECTOR)
                        .requestMatchers(GET, "/api/rectifications", "/api/rectifications/**").hasAnyRole(EVERYONE)
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .formLogin(f -> f.loginPage("/login").failureHandler(SecurityConfiguration::signInFailed).permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), apiInBrowser)
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        // a page refused: the container's error dispatch renders the Chinese error page
                        // (ErrorResponses); without this second mapping Spring Security takes the only
                        // one, the API's problem JSON, for every request (issue 14, defect 3)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .csrf(c -> c.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                                "camera=(self), geolocation=(self), microphone=(), payment=()")));
        return http.build();
    }

    /** Back to the sign-in form, saying whether the password was wrong or the name is locked for a while. */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException e) throws IOException {
        response.sendRedirect(request.getContextPath()
                + (e instanceof LoginThrottledException ? "/login?locked" : "/login?error"));
    }

    /**
     * A browser sends the session cookie on its own, so every state-changing request that carries one
     * (and the sign-in form itself) must carry the CSRF token, whatever Authorization header it has
     * too. Only a request without a session cookie (an API client with HTTP Basic) goes without: API
     * calls never create a session, and a browser that sends remembered credentials from another
     * origin is stopped by {@link CrossSiteRequests} first.
     */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        return "/login".equals(request.getServletPath()) || request.getRequestedSessionId() != null;
    }
}
