package org.grassroots.assessment.server.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.grassroots.assessment.evaluation.ExecutionStoppedException;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.ApiExceptionHandler;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.DateBounds;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every page's layout needs (the signed-in user for the navigation), and the pages' own error
 * page: a page that names an organization the user may not see is a 404 exactly like the API's.
 */
@ControllerAdvice(basePackages = "org.grassroots.assessment.server.pages")
class PageModel {

    @ModelAttribute("me")
    SignedInUser me() {
        return signedIn();
    }

    static SignedInUser signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return error(404, e.getMessage(), model);
    }

    /** A step that the item's state no longer allows (someone else was quicker). */
    @ExceptionHandler(ConflictException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(ConflictException e, Model model) {
        return error(409, e.getMessage(), model);
    }

    /** A request parameter that cannot be read, such as a date out of range. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, InvalidRequestException.class})
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(RuntimeException e, Model model) {
        DateBounds.OutOfRange date = e.getCause() instanceof DateBounds.OutOfRange d ? d : null;
        return error(400, date != null ? date.getMessage()
                : e instanceof InvalidRequestException ? e.getMessage() : "请求的参数格式不正确", model);
    }

    /** Rule work stopped by a limit: a loop (422) or the time limit (503); the message names the rule or the limit. */
    @ExceptionHandler(ExecutionStoppedException.class)
    String stopped(ExecutionStoppedException e, Model model, HttpServletResponse response) {
        boolean loop = e.reason() == ExecutionStoppedException.Reason.FIRING_LIMIT;
        response.setStatus(loop ? 422 : 503);
        if (!loop) {
            response.setHeader("Retry-After", Long.toString(ApiExceptionHandler.RETRY_AFTER_SECONDS));
        }
        return error(loop ? 422 : 503, e.getMessage(), model);
    }

    private static String error(int status, String message, Model model) {
        model.addAttribute("me", signedIn());
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "error-page";
    }
}
