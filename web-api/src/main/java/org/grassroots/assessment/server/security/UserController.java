package org.grassroots.assessment.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user ({@code /api/me}) and, for administrators, every user ({@code /api/users}). */
@RestController
class UserController {

    private final UserService users;
    private final Actor actor;

    UserController(UserService users, Actor actor) {
        this.users = users;
        this.actor = actor;
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping("/api/me")
    UserView me() {
        return users.get(actor.current());
    }

    @PostMapping("/api/me/password")
    ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, HttpServletRequest request) {
        users.changeOwnPassword(actor.current(), change.currentPassword(), change.newPassword(),
                request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** Too many wrong current passwords: 429 with Retry-After, as for sign-ins. */
    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setTitle("登录过于频繁");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }

    @GetMapping("/api/users")
    List<UserView> list() {
        return users.all();
    }

    @GetMapping("/api/users/{username}")
    UserView get(@PathVariable String username) {
        return users.get(username);
    }

    @PostMapping("/api/users")
    ResponseEntity<UserView> create(@RequestBody UserService.UserRequest request) {
        UserView created = users.create(request, actor.current());
        return ResponseEntity.created(URI.create("/api/users/" + created.username())).body(created);
    }

    @PutMapping("/api/users/{username}")
    UserView update(@PathVariable String username, @RequestBody UserService.UserRequest request) {
        return users.update(username, request, actor.current());
    }
}
