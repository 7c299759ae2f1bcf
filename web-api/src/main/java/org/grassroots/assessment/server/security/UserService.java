package org.grassroots.assessment.server.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.util.regex.Pattern;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds and changes users, checking every field; any change makes remembered sign-ins be checked again. */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");
    private static final int MIN_PASSWORD = 8;
    /** bcrypt reads at most 72 bytes of a password. */
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MAX_DISPLAY_NAME = 100;
    /** The longest address SMTP carries (RFC 5321's path limit less the angle brackets); the column's width. */
    static final int MAX_EMAIL = 254;

    /**
     * What an administrator sends to add a user, or to change one: a null password keeps the old one; a
     * null {@code email} keeps the old address (so a client that does not know the field changes
     * nothing), an empty one removes it.
     */
    public record UserRequest(String username, String password, String displayName, Role role, String orgCode,
            Boolean enabled, @Email @Size(max = MAX_EMAIL) String email) {
    }

    private final UserAccounts accounts;
    private final OrganizationTree organizations;
    private final PasswordEncoder encoder;
    private final PasswordAuthentication authentication;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final AuditTrail audit;
    private final Validator validator;

    UserService(UserAccounts accounts, OrganizationTree organizations, PasswordEncoder encoder,
            PasswordAuthentication authentication, LoginThrottle throttle, Clock clock, AuditTrail audit,
            Validator validator) {
        this.validator = validator;
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
        this.organizations = organizations;
        this.encoder = encoder;
        this.authentication = authentication;
        this.clock = clock;
    }

    public List<UserView> all() {
        return accounts.all().stream().map(UserView::of).toList();
    }

    public UserView get(String username) {
        return UserView.of(existing(username));
    }

    @Transactional
    public UserView create(UserRequest request, String actor) {
        return create(request, () -> encoder.encode(request.password()), actor);
    }

    /**
     * Adds users who are all given one password that is no secret (the demo district's, printed in the
     * README): its bcrypt hash is made once and stored for each, so adding them costs one hash (~70 ms
     * of CPU) instead of one per user. Never for real users, whose hashes must each have a salt of their
     * own. Every request is checked as {@link #create} checks it.
     */
    @Transactional
    public List<UserView> createSharingOnePublicPassword(List<UserRequest> requests, String actor) {
        String password = requests.isEmpty() ? null : requests.get(0).password();
        if (!requests.stream().allMatch(r -> Objects.equals(r.password(), password))) {
            throw new IllegalArgumentException("the users must share one password");
        }
        // made when the first request has passed its checks, then kept
        Supplier<String> hash = SingletonSupplier.of(() -> encoder.encode(password));
        return requests.stream().map(r -> create(r, hash, actor)).toList();
    }

    private UserView create(UserRequest request, Supplier<String> passwordHash, String actor) {
        List<Problem> problems = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            problems.add(new Problem("/username", "3–64 letters, digits, '.', '_' or '-'"));
        }
        checkPassword(problems, "/password", request.password(), true);
        checkFields(problems, request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("用户信息未通过校验", problems);
        }
        if (accounts.exists(request.username())) {
            throw new ConflictException("用户已存在：" + request.username());
        }
        Instant now = clock.instant();
        UserAccount account = new UserAccount(request.username(), passwordHash.get(),
                request.displayName().strip(), request.role(), orgCode(request), !Boolean.FALSE.equals(request.enabled()),
                now, actor, now, actor, email(request.email()));
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            // another request added the same name between the check above and this insert
            throw new ConflictException("用户已存在：" + request.username());
        }
        authentication.forgetAll();
        UserView view = UserView.of(account);
        audit.record(AuditAction.USER_CREATED, target(account), "新增用户 " + account.username() + "（"
                + account.role().label() + "）", view);
        return view;
    }

    @Transactional
    public UserView update(String username, UserRequest request, String actor) {
        UserAccount old = existing(username);
        List<Problem> problems = new ArrayList<>();
        if (request.username() != null && !request.username().equals(username)) {
            problems.add(new Problem("/username", "a user name cannot be changed"));
        }
        checkPassword(problems, "/password", request.password(), false);
        checkFields(problems, request);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("用户信息未通过校验", problems);
        }
        boolean enabled = request.enabled() == null ? old.enabled() : request.enabled();
        if (old.role() == Role.ADMIN && (request.role() != Role.ADMIN || !enabled) && enabledAdministrators() <= 1) {
            throw new ConflictException("不能停用或降级最后一名系统管理员 the last enabled administrator must stay one");
        }
        UserAccount account = new UserAccount(username,
                request.password() == null ? old.passwordHash() : encoder.encode(request.password()),
                request.displayName().strip(), request.role(), orgCode(request), enabled, old.createdAt(),
                old.createdBy(), clock.instant(), actor,
                request.email() == null ? old.email() : email(request.email()));
        accounts.update(account);
        authentication.forgetAll();
        UserView view = UserView.of(account);
        audit.record(AuditAction.USER_UPDATED, target(account), "修改用户 " + username + "（"
                + account.role().label() + (account.enabled() ? "" : "，已停用")
                + (request.password() == null ? "" : "，重设密码") + "）", view);
        return view;
    }

    /**
     * A user changes their own password, proving the current one. A wrong current password counts as
     * a failed sign-in of the name and the client address (so a left-open session cannot be used to
     * guess the password); while either is locked the change is refused unchecked.
     */
    @Transactional(noRollbackFor = InvalidRequestException.class)
    public void changeOwnPassword(String username, String current, String replacement, String address) {
        Duration locked = throttle.lockedFor(username, address);
        if (!locked.isZero()) {
            throw new LoginThrottledException(locked);
        }
        UserAccount old = existing(username);
        List<Problem> problems = new ArrayList<>();
        if (current == null || !encoder.matches(current, old.passwordHash())) {
            throttle.failed(username, address);
            problems.add(new Problem("/currentPassword", "is not the current password"));
        } else {
            throttle.succeeded(username);
        }
        checkPassword(problems, "/newPassword", replacement, true);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("修改密码未通过校验", problems);
        }
        accounts.update(new UserAccount(username, encoder.encode(replacement), old.displayName(), old.role(),
                old.orgCode(), old.enabled(), old.createdAt(), old.createdBy(), clock.instant(), username, old.email()));
        authentication.forgetAll();
        audit.record(AuditAction.USER_UPDATED, target(old), "用户 " + username + " 修改了自己的密码",
                UserView.of(old));
    }

    private static String target(UserAccount account) {
        return "user:" + account.username();
    }

    private UserAccount existing(String username) {
        return accounts.find(username).orElseThrow(() -> new NotFoundException("用户不存在：" + username));
    }

    private long enabledAdministrators() {
        return accounts.all().stream().filter(a -> a.role() == Role.ADMIN && a.enabled()).count();
    }

    private void checkFields(List<Problem> problems, UserRequest request) {
        if (request.displayName() == null || request.displayName().isBlank()
                || request.displayName().length() > MAX_DISPLAY_NAME) {
            problems.add(new Problem("/displayName", "1–" + MAX_DISPLAY_NAME + " characters"));
        }
        if (request.role() == null) {
            problems.add(new Problem("/role", "one of ADMIN, RULE_MAINTAINER, EVALUATOR, INSPECTOR, ORG_REP"));
        } else if (request.role() == Role.ORG_REP) {
            if (request.orgCode() == null || request.orgCode().isBlank()) {
                problems.add(new Problem("/orgCode", "an organization's representative needs the organization's code"));
            } else if (!organizations.exists(request.orgCode())) {
                problems.add(new Problem("/orgCode", "no organization with code " + request.orgCode()));
            }
        } else if (request.orgCode() != null && !request.orgCode().isBlank()) {
            problems.add(new Problem("/orgCode", "only an organization's representative (ORG_REP) has an organization"));
        }
        String email = email(request.email());
        if (email != null && !validator.validateValue(UserRequest.class, "email", email).isEmpty()) {
            problems.add(new Problem("/email", "不是有效的邮箱地址（至多 " + MAX_EMAIL
                    + " 个字符） not a valid e-mail address (at most " + MAX_EMAIL + " characters)"));
        }
    }

    /** The address as stored: stripped; none (null) when absent or blank. */
    private static String email(String requested) {
        return requested == null || requested.isBlank() ? null : requested.strip();
    }

    private static void checkPassword(List<Problem> problems, String path, String password, boolean required) {
        if (password == null) {
            if (required) {
                problems.add(new Problem(path, "a password is required"));
            }
            return;
        }
        if (password.length() < MIN_PASSWORD || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(new Problem(path, "at least " + MIN_PASSWORD + " characters and at most "
                    + MAX_PASSWORD_BYTES + " bytes"));
        }
    }

    private static String orgCode(UserRequest request) {
        return request.role() == Role.ORG_REP ? request.orgCode() : null;
    }
}
