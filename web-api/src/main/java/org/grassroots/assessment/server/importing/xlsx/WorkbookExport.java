package org.grassroots.assessment.server.importing.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.model.RectificationStatus;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.server.organization.MemberRepository;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.grassroots.assessment.server.organization.PeriodFactsRepository;
import org.grassroots.assessment.server.visit.StoredVisit;
import org.grassroots.assessment.server.visit.VisitDigest;
import org.grassroots.assessment.server.visit.VisitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The stored data of a period in the import workbook: every organization (the tree the period's
 * records refer to), the period's facts and member records, and the visits dated in the period
 * with all their findings, written back as they were recorded, so that importing the file again
 * changes nothing (each visit's content digest is checked against the stored one). Member records
 * are written as they are read from the database.
 */
@Component
public class WorkbookExport {

    private static final Logger log = LoggerFactory.getLogger(WorkbookExport.class);
    /** Findings without imported steps whose imported state (none or OPEN) is worked out by trying each. */
    private static final int MAX_TRIED_FINDINGS = 12;

    private final WorkbookLayouts layouts;
    private final OrganizationRepository organizations;
    private final PeriodFactsRepository facts;
    private final MemberRepository members;
    private final VisitService visits;
    private final ImportedStepRepository steps;

    WorkbookExport(WorkbookLayouts layouts, OrganizationRepository organizations, PeriodFactsRepository facts,
                   MemberRepository members, VisitService visits, ImportedStepRepository steps) {
        this.layouts = layouts;
        this.organizations = organizations;
        this.facts = facts;
        this.members = members;
        this.visits = visits;
        this.steps = steps;
    }

    public void write(Period period, OutputStream out) throws IOException {
        WorkbookLayouts.Current current = layouts.current();
        WorkbookLayout layout = current.layout();
        Map<String, TemplateWriter.SheetRows> data = new HashMap<>();
        SheetLayout orgSheet = layout.sheet(WorkbookLayout.ORGANIZATIONS).orElseThrow();
        data.put(orgSheet.name(), sink -> organizations.findAll().stream()
                .sorted(Comparator.comparing(o -> o.code()))
                .forEach(o -> sink.accept(RecordRows.row(orgSheet, o))));
        SheetLayout factSheet = layout.sheet(WorkbookLayout.PERIOD_FACTS).orElseThrow();
        data.put(factSheet.name(), sink -> facts.listPeriod(period.toString())
                .forEach(f -> sink.accept(RecordRows.row(factSheet, f))));
        SheetLayout memberSheet = layout.sheet(WorkbookLayout.MEMBERS).orElseThrow();
        data.put(memberSheet.name(), sink -> members.forEachInPeriod(period.toString(),
                m -> sink.accept(RecordRows.row(memberSheet, m))));
        List<Visit> asRecorded = visits(period);
        SheetLayout visitSheet = layout.sheet(WorkbookLayout.VISITS).orElseThrow();
        data.put(visitSheet.name(), sink -> asRecorded.forEach(v -> sink.accept(RecordRows.row(visitSheet, v))));
        SheetLayout findingSheet = layout.sheet(WorkbookLayout.FINDINGS).orElseThrow();
        data.put(findingSheet.name(), sink -> asRecorded.forEach(v -> v.findings()
                .forEach(f -> sink.accept(RecordRows.findingRow(findingSheet, v, f)))));
        new TemplateWriter(layout, current.readers()).write(out, data, period + " 考评数据");
    }

    /** The period's visits by date and id, each as it was recorded (imported ledger states included). */
    private List<Visit> visits(Period period) {
        List<StoredVisit> stored = new ArrayList<>(visits.list(null, period.start(), period.end(), Integer.MAX_VALUE));
        stored.sort(Comparator.comparing((StoredVisit v) -> v.visit().date()).thenComparing(v -> v.visit().visitId()));
        Map<String, List<ImportedStepRepository.Step>> imported = steps.of(
                stored.stream().map(v -> v.visit().visitId()).toList());
        List<Visit> result = new ArrayList<>(stored.size());
        for (StoredVisit v : stored) {
            result.add(asRecorded(v, imported.getOrDefault(v.visit().visitId(), List.of())));
        }
        return result;
    }

    /**
     * The visit with the imported states of its findings' items: a finding whose item has imported
     * steps was imported SUBMITTED or VERIFIED; one without was imported without a state or OPEN,
     * which the stored content digest tells apart.
     */
    static Visit asRecorded(StoredVisit stored, List<ImportedStepRepository.Step> imported) {
        Visit visit = stored.visit();
        List<Finding> findings = new ArrayList<>(visit.findings());
        List<Integer> undecided = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            ImportedRectification state = state(imported, i);
            if (state != null) {
                findings.set(i, with(findings.get(i), state));
            } else {
                undecided.add(i);
            }
        }
        Visit candidate = withFindings(visit, findings);
        if (VisitDigest.of(candidate).equals(stored.contentDigest()) || undecided.isEmpty()) {
            return candidate;
        }
        if (undecided.size() <= MAX_TRIED_FINDINGS) {
            for (int mask = 1; mask < (1 << undecided.size()); mask++) {
                List<Finding> tried = new ArrayList<>(findings);
                for (int b = 0; b < undecided.size(); b++) {
                    if ((mask & (1 << b)) != 0) {
                        int i = undecided.get(b);
                        tried.set(i, with(tried.get(i), new ImportedRectification(RectificationStatus.OPEN, null, null)));
                    }
                }
                Visit attempt = withFindings(visit, tried);
                if (VisitDigest.of(attempt).equals(stored.contentDigest())) {
                    return attempt;
                }
            }
        }
        log.warn("visit {}: no reconstruction matches its stored content digest; exported without imported states",
                visit.visitId());
        return candidate;
    }

    private static ImportedRectification state(List<ImportedStepRepository.Step> imported, int position) {
        LocalDate submitted = null;
        LocalDate verified = null;
        for (ImportedStepRepository.Step s : imported) {
            if (s.position() == position) {
                if ("SUBMIT".equals(s.kind())) {
                    submitted = s.date();
                } else if ("VERIFY".equals(s.kind())) {
                    verified = s.date();
                }
            }
        }
        if (verified != null) {
            return new ImportedRectification(RectificationStatus.VERIFIED, submitted, verified);
        }
        return submitted == null ? null : new ImportedRectification(RectificationStatus.SUBMITTED, submitted, null);
    }

    private static Finding with(Finding f, ImportedRectification state) {
        return new Finding(f.item(), f.severity(), f.deduction(), f.note(), f.evidence(), state);
    }

    private static Visit withFindings(Visit v, List<Finding> findings) {
        return new Visit(v.visitId(), v.orgCode(), v.date(), v.mode(), v.team(), v.inspectors(), v.location(), findings);
    }
}
