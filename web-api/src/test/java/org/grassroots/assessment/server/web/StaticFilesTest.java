package org.grassroots.assessment.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.grassroots.assessment.server.SharedServer;
import org.grassroots.assessment.server.importing.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The pages' own files and the webjars are served to anyone, and the links a page writes are not
 * looked for as files: with a static pattern of {@code /**} every link of every page was first
 * searched for on the class path, in vain, each time the page was drawn (a quarter of the CPU of a
 * ranking page at 100,000 organizations).
 */
class StaticFilesTest extends SharedServer {

    @LocalServerPort
    int port;

    @Autowired
    ResourceUrlProvider resources;

    @Test
    void the_pages_files_and_the_webjars_are_served_without_signing_in() {
        Api anonymous = new Api(port).anonymous();
        for (String path : List.of("/css/app.css", "/js/app.js", "/js/charts.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/echarts/dist/echarts.min.js")) {
            Api.Reply reply = anonymous.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.contentType()).as(path).containsAnyOf("text/css", "javascript");
        }
        assertThat(anonymous.get("/css/none.css").status()).isEqualTo(404);
    }

    @Test
    void a_pages_links_are_not_looked_for_as_files() {
        List<String> patterns = List.copyOf(resources.getHandlerMap().keySet());
        assertThat(patterns).isNotEmpty();
        for (String link : List.of("/office/dashboard", "/office/rectifications", "/org/home", "/inspection/visits/new",
                "/rules/drafts", "/rankings", "/login")) {
            assertThat(patterns).as(link).noneMatch(p -> resources.getPathMatcher().match(p, link));
        }
        for (String file : List.of("/css/app.css", "/js/app.js", "/webjars/htmx.org/dist/htmx.min.js")) {
            assertThat(patterns).as(file).anyMatch(p -> resources.getPathMatcher().match(p, file));
        }
        assertThat(resources.getForLookupPath("/webjars/htmx.org/dist/htmx.min.js"))
                .as("a webjar's link names its version").matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js");
    }
}
