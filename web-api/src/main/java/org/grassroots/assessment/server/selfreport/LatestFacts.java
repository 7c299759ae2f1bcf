package org.grassroots.assessment.server.selfreport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.evaluation.SubmittedFacts;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The latest facts of the self-reports with values waiting for review or returned: each fact's
 * submitted value where it is not approved, else the value on record. A report whose facts do not
 * make a whole, valid record yet is left out (the stored facts, if any, stand for it).
 */
@Component
class LatestFacts implements SubmittedFacts {

    private final SelfReports reports;
    private final FactCatalog catalog;
    private final SelfReporting reporting;
    private final OrganizationService organizations;

    LatestFacts(SelfReports reports, FactCatalog catalog, SelfReporting reporting, OrganizationService organizations) {
        this.reports = reports;
        this.catalog = catalog;
        this.reporting = reporting;
        this.organizations = organizations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PeriodFacts> latest(String period) {
        List<PeriodFacts> latest = new ArrayList<>();
        for (SelfReport report : reports.findByPeriod(period)) {
            if (report.getFacts().stream().noneMatch(f -> f.getState() == FactState.SUBMITTED
                    || f.getState() == FactState.RETURNED)) {
                continue;
            }
            Map<String, String> stored = reporting.storedValues(report.getOrgCode(), period);
            ObjectNode record = ResultJson.mapper().createObjectNode();
            boolean whole = true;
            for (FactCatalog.Fact fact : catalog.facts()) {
                String value = report.fact(fact.field()).map(f -> switch (f.getState()) {
                    case SUBMITTED, RETURNED -> f.getSubmittedValue();
                    case APPROVED -> stored.getOrDefault(fact.field(), f.getApprovedValue());
                    case NEW -> null;
                }).orElse(stored.get(fact.field()));
                if (value == null) {
                    whole = false;
                    break;
                }
                record.set(fact.field(), FactValues.node(fact.column(), value));
            }
            if (whole) {
                PeriodFacts facts = organizations.checkFacts(report.getOrgCode(), period, record).facts();
                if (facts != null) {
                    latest.add(facts);
                }
            }
        }
        return latest;
    }
}
