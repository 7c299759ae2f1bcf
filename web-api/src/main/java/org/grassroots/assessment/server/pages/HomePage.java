package org.grassroots.assessment.server.pages;

import org.grassroots.assessment.server.security.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, and the home page of each role after signing in. */
@Controller
class HomePage {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        SignedInUser user = PageModel.signedIn();
        return "redirect:" + (user == null ? "/login" : homeOf(user));
    }

    static String homeOf(SignedInUser user) {
        return switch (user.role()) {
            case INSPECTOR -> "/inspection";
            case EVALUATOR, ADMIN -> "/office";
            case RULE_MAINTAINER -> "/rules";
            case ORG_REP -> "/org/" + user.orgCode();
        };
    }
}
