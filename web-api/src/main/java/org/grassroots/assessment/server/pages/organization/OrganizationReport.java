package org.grassroots.assessment.server.pages.organization;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import org.grassroots.assessment.evaluation.OrganizationResult;
import org.grassroots.assessment.server.evaluation.CurrentResult;
import org.grassroots.assessment.server.evaluation.CurrentResultService;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.pages.PageTimes;
import org.grassroots.assessment.server.pages.Periods;
import org.grassroots.assessment.server.security.AccessScope;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An organization's printable report (考评报告) for a period: the published grade when the period's
 * evaluation is published, and today's result labelled as provisional; the three forces, every
 * explanation line with its rule id, the weak triggers and titles with their reasons, and the
 * rectification items. As a page with a print stylesheet (A4, from the browser's print) and as a
 * PDF with a Chinese font embedded. Scoped like the organization's page: one the user may not see is
 * a 404.
 */
@Controller
class OrganizationReport {

    private static final String TEMPLATE = "organization/report";

    private final CurrentResultService results;
    private final EvaluationRunner runner;
    private final AccessScope scope;
    private final Periods periods;
    private final OrganizationHistory history;
    private final ReportFont font;
    private final ITemplateEngine templates;
    private final Clock clock;
    /** The PDF is rendered outside Spring's view layer (no bean references in it): times come formatted. */
    private final PageTimes times;

    OrganizationReport(CurrentResultService results, EvaluationRunner runner, AccessScope scope, Periods periods,
            OrganizationHistory history, ReportFont font, ITemplateEngine templates, Clock clock, PageTimes times) {
        this.times = times;
        this.results = results;
        this.runner = runner;
        this.scope = scope;
        this.periods = periods;
        this.history = history;
        this.font = font;
        this.templates = templates;
        this.clock = clock;
    }

    @GetMapping("/org/{code}/report")
    String page(@PathVariable String code, @RequestParam(required = false) String period, Model model) {
        model.addAllAttributes(report(code, period, false));
        return TEMPLATE;
    }

    @GetMapping("/org/{code}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) String period) {
        Map<String, Object> report = report(code, period, true);
        Path fontFile = font.path().orElse(null);
        if (fontFile == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(ReportFont.MISSING.getBytes(StandardCharsets.UTF_8));
        }
        String html = templates.process(TEMPLATE, new Context(Locale.SIMPLIFIED_CHINESE, report));
        CurrentResult current = (CurrentResult) report.get("current");
        String name = "考评报告-" + code + "-" + current.period() + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(ReportPdf.render(html, fontFile));
    }

    private Map<String, Object> report(String code, String period, boolean pdf) {
        scope.require(code);
        CurrentResult current = results.evaluate(code, runner.target(periods.orDefault(period), null));
        OrganizationResult r = current.result();
        OrganizationHistory.Line published = OrganizationHistory.publishedIn(history.of(code), current.period());
        return Map.of("current", current, "r", r, "byForce", OrganizationPage.byForce(r.explanation()),
                "published", published == null ? "" : published, "hasPublished", published != null,
                "generatedAt", times.format(ZonedDateTime.now(clock)), "pdf", pdf, "font", ReportPdf.FAMILY);
    }
}
