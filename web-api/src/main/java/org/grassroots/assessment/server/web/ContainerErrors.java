package org.grassroots.assessment.server.web;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The errors Tomcat answers itself, before the application sees the request (a path with an
 * encoded {@code /} or {@code \}, a NUL, a malformed request line): problem details for the API and
 * any client that does not ask for HTML, a short Chinese page for a browser, instead of Tomcat's
 * English report page. An encoded {@code /} and {@code \} are passed on undecoded, so that the
 * security filters' firewall refuses them and {@link ErrorResponses} answers like for every other
 * refused path; this valve answers the rest.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling("passthrough");
            connector.setEncodedReverseSolidusHandling("passthrough");
        });
        factory.addContextCustomizers(context -> {
            // in place of Tomcat's report valve and the one Spring Boot adds to hide stack traces
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemReportValve());
        });
    }

    /** After Spring Boot's own customizer, whose report valve this one replaces. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Tomcat's error report, as problem details or a Chinese page; never a stack trace or the server's version. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus status = ErrorText.status(code);
            String uri = request.getRequestURI();
            boolean page = ErrorText.wantsPage(uri, request.getHeader(HttpHeaders.ACCEPT));
            try {
                // the type and encoding first: the writer takes the encoding set when it is made
                response.setContentType(page ? MediaType.TEXT_HTML_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                PrintWriter writer = response.getReporter();
                if (writer == null) {
                    return;
                }
                if (page) {
                    writer.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                            + ErrorText.title(status) + "</title><link rel=\"stylesheet\" href=\"/css/app.css\">"
                            + "</head><body><main><h1>" + ErrorText.title(status) + "</h1><p>"
                            + HtmlUtils.htmlEscape(ErrorText.pageDetail(status))
                            + "</p><p><a href=\"/\">返回首页</a></p></main></body></html>");
                } else {
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("type", "about:blank");
                    body.put("title", ErrorText.title(status));
                    body.put("status", status.value());
                    body.put("detail", ErrorText.detail(status));
                    writer.write(JSON.writeValueAsString(body));
                }
                response.finishResponse();
            } catch (Exception e) {
                // the connection may be gone; nothing more can be told
                container.getLogger().debug("error report not written", e);
            }
        }
    }
}
