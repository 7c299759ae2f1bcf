package org.grassroots.assessment.server.selfreport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's view of a period's self-reports: every organization's status, counted per reviewing
 * unit (each township or street, and the organizations the office reviews itself), with the
 * period's deadline. An organization without a report counts as approved when the office holds its
 * facts of the period (imported or entered: they count as approved), else as not started.
 */
@Service
public class SelfReportProgress {

    /** One organization's place in the progress. */
    public record OrganizationProgress(Organization organization, ReviewingUnit unit, ReportStatus status,
                                       boolean reported, long waiting) {
    }

    /** One reviewing unit's counts, by status in the order of {@link ReportStatus}. */
    public record UnitProgress(ReviewingUnit unit, Map<ReportStatus, Long> counts, long waiting) {

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(ReportStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** The period's progress: per unit, the district's totals, every organization, the deadline and whether it has passed. */
    public record Progress(String period, List<UnitProgress> units, UnitProgress district,
                           List<OrganizationProgress> organizations, LocalDate deadline, boolean overdue) {
    }

    private final OrganizationService organizations;
    private final SelfReportProgressRepository repository;
    private final SelfReporting reporting;
    private final Clock clock;

    SelfReportProgress(OrganizationService organizations, SelfReportProgressRepository repository,
            SelfReporting reporting, Clock clock) {
        this.organizations = organizations;
        this.repository = repository;
        this.reporting = reporting;
        this.clock = clock;
    }

    /** Every organization with its unit and status, units in code order (the office's last). */
    @Transactional(readOnly = true)
    public List<OrganizationProgress> organizations(String period) {
        List<Organization> all = organizations.all();
        Map<String, Organization> byCode = all.stream().collect(Collectors.toMap(Organization::code, Function.identity()));
        Map<String, SelfReportProgressRepository.Counted> reports = repository.reports(period);
        Set<String> withFacts = repository.withFacts(period);
        List<OrganizationProgress> list = new ArrayList<>();
        for (Organization org : all) {
            SelfReportProgressRepository.Counted report = reports.get(org.code());
            ReportStatus status = report != null ? report.status()
                    : withFacts.contains(org.code()) ? ReportStatus.APPROVED : ReportStatus.NOT_STARTED;
            list.add(new OrganizationProgress(org, ReviewingUnit.of(org, byCode), status, report != null,
                    report == null ? 0 : report.waiting()));
        }
        list.sort(Comparator.comparing((OrganizationProgress p) -> p.unit().isOffice())
                .thenComparing(p -> Objects.requireNonNullElse(p.unit().committeeCode(), ""))
                .thenComparing(p -> p.organization().code()));
        return list;
    }

    /** The organizations one unit reviews (a committee's code, or null for the office). */
    @Transactional(readOnly = true)
    public List<OrganizationProgress> reviewedBy(String period, String committeeCode) {
        return organizations(period).stream().filter(p -> Objects.equals(p.unit().committeeCode(), committeeCode))
                .toList();
    }

    @Transactional(readOnly = true)
    public Progress of(String period) {
        Map<ReviewingUnit, List<OrganizationProgress>> byUnit = new LinkedHashMap<>();
        List<OrganizationProgress> all = organizations(period);
        all.forEach(p -> byUnit.computeIfAbsent(p.unit(), k -> new ArrayList<>()).add(p));
        List<UnitProgress> units = byUnit.entrySet().stream().map(e -> counted(e.getKey(), e.getValue())).toList();
        LocalDate deadline = reporting.deadline(period).orElse(null);
        boolean overdue = deadline != null && LocalDate.now(clock).isAfter(deadline);
        return new Progress(period, units, counted(new ReviewingUnit(null, "全区"), all), all, deadline, overdue);
    }

    private static UnitProgress counted(ReviewingUnit unit, List<OrganizationProgress> orgs) {
        Map<ReportStatus, Long> counts = new EnumMap<>(ReportStatus.class);
        for (ReportStatus s : ReportStatus.values()) {
            counts.put(s, 0L);
        }
        orgs.forEach(p -> counts.merge(p.status(), 1L, Long::sum));
        return new UnitProgress(unit, counts, orgs.stream().mapToLong(OrganizationProgress::waiting).sum());
    }
}
