package org.grassroots.assessment.server.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** A sign-in refused without checking the password because the name failed too often just now. */
public class LoginThrottledException extends LockedException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("登录失败次数过多，请 " + Math.max(1, (retryAfter.toSeconds() + 59) / 60) + " 分钟后再试"
                + " (too many failed sign-ins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s)");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
