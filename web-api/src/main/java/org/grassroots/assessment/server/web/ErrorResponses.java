package org.grassroots.assessment.server.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /error}, where the servlet container sends what no controller answered: a request refused
 * by the security filters' firewall (a {@code ;} or an encoded {@code /} in the path), a method the
 * server does not take (TRACE), an unknown address. The API (and any client that does not ask for
 * HTML) gets problem details like every other API error; a browser gets the Chinese error page.
 * Replaces Spring Boot's own error controller (its JSON and its "Whitelabel" page).
 */
@Controller
public class ErrorResponses implements ErrorController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // asked for directly, /error is just an address where nothing is
        HttpStatus status = code instanceof Integer c ? ErrorText.status(c) : HttpStatus.NOT_FOUND;
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        if (ErrorText.wantsPage(uri, request.getHeader(HttpHeaders.ACCEPT))) {
            ModelAndView page = new ModelAndView("error-page", status);
            page.addObject("status", status.value());
            page.addObject("title", ErrorText.title(status));
            page.addObject("message", ErrorText.pageDetail(status));
            return page;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", ErrorText.title(status));
        body.put("status", status.value());
        body.put("detail", ErrorText.detail(status));
        body.put("instance", uri);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
        return null;
    }
}
