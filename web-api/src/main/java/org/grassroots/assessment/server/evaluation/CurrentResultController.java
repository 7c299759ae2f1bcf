package org.grassroots.assessment.server.evaluation;

import org.grassroots.assessment.server.security.AccessScope;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One organization's result for a period evaluated now (not stored, not ranked). */
@RestController
class CurrentResultController {

    private final CurrentResultService service;
    private final EvaluationRunner runner;
    private final AccessScope scope;

    CurrentResultController(CurrentResultService service, EvaluationRunner runner, AccessScope scope) {
        this.service = service;
        this.runner = runner;
        this.scope = scope;
    }

    @GetMapping("/api/organizations/{code}/result")
    CurrentResult result(@PathVariable String code, @RequestParam String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        scope.require(code);
        return service.evaluate(code, runner.target(period, asOf));
    }
}
