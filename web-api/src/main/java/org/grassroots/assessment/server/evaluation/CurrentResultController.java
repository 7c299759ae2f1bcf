package org.grassroots.assessment.server.evaluation;

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

    CurrentResultController(CurrentResultService service, EvaluationRunner runner) {
        this.service = service;
        this.runner = runner;
    }

    @GetMapping("/api/organizations/{code}/result")
    CurrentResult result(@PathVariable String code, @RequestParam String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return service.evaluate(code, runner.target(period, asOf));
    }
}
