package org.grassroots.assessment.server.evaluation;

import org.grassroots.assessment.server.security.AccessScope;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.server.web.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Stored evaluations: run one, list them, read one exactly as issued, publish one. */
@RestController
@RequestMapping("/api/evaluations")
class EvaluationController {

    private final EvaluationRunner runner;
    private final EvaluationRepository evaluations;
    private final EvaluationDocument document;
    private final EvaluationPublisher publisher;
    private final AccessScope scope;

    EvaluationController(EvaluationRunner runner, EvaluationRepository evaluations, EvaluationDocument document,
            EvaluationPublisher publisher, AccessScope scope) {
        this.scope = scope;
        this.runner = runner;
        this.evaluations = evaluations;
        this.document = document;
        this.publisher = publisher;
    }

    /**
     * {@code asOf} optional: the period end, or today if earlier. {@code facts} optional:
     * {@code APPROVED} (the default) or {@code LATEST} (self-reported facts not approved yet
     * included; a trial that leaves the ledger alone and cannot be published).
     */
    record EvaluateRequest(String period, LocalDate asOf, String facts) {
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> evaluate(@RequestBody(required = false) EvaluateRequest request) {
        if (request == null || request.period() == null) {
            throw new InvalidRequestException("/period", "period is required (YYYY or YYYY-Qn)");
        }
        FactBasis basis = FactBasis.parse(request.facts());
        if (basis == null) {
            throw new InvalidRequestException("/facts", "facts must be APPROVED or LATEST, got " + request.facts());
        }
        long id = runner.run(runner.target(request.period(), request.asOf()), basis);
        return ResponseEntity.created(URI.create("/api/evaluations/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    List<EvaluationSummary> list(@RequestParam(required = false) String period) {
        return evaluations.list(period).stream().map(this::shown).toList();
    }

    /** The result as docs/formats.md section 2, with the evaluation's id and record; streamed. */
    @GetMapping("/{id}")
    void get(@PathVariable long id, HttpServletResponse response) throws IOException {
        EvaluationSummary summary = evaluations.summary(id);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        document.write(summary, response.getOutputStream());
    }

    @GetMapping("/{id}/summary")
    EvaluationSummary summary(@PathVariable long id) {
        return shown(evaluations.summary(id));
    }

    /** The summary as the current user may read it: without staff names for an organization's representative. */
    private EvaluationSummary shown(EvaluationSummary summary) {
        return scope.organizationRepresentative() ? summary.withStaffHidden() : summary;
    }

    @GetMapping("/{id}/organizations/{code}")
    JsonNode organization(@PathVariable long id, @PathVariable String code) {
        scope.require(code);
        EvaluationSummary summary = evaluations.summary(id);
        return document.organization(summary, evaluations.organization(id, code));
    }

    /**
     * How many organizations each rule fired for in the evaluation, and the rules that fired for
     * none; 404 for an unknown evaluation or one stored before coverage was recorded.
     */
    @GetMapping("/{id}/coverage")
    EvaluationCoverage coverage(@PathVariable long id) {
        EvaluationSummary summary = evaluations.summary(id);
        String json = evaluations.coverageJson(id).orElseThrow(() -> new org.grassroots.assessment.server.web
                .NotFoundException("评估 #" + id + " 没有记录规则覆盖（它在记录覆盖之前运行；重新运行考评即可）"
                        + " evaluation #" + id + " was stored before rule coverage was recorded; run it again"));
        return EvaluationCoverage.of(summary, json);
    }

    @PostMapping("/{id}/publish")
    EvaluationSummary publish(@PathVariable long id) {
        return publisher.publish(id);
    }
}
