package org.grassroots.assessment.server.selfreport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashSet;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.evaluation.ResultJson;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.Period;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.importing.xlsx.CellValues;
import org.grassroots.assessment.server.importing.xlsx.ChineseMessages;
import org.grassroots.assessment.server.organization.OrganizationService;
import org.grassroots.assessment.server.rectification.EvidenceFileType;
import org.grassroots.assessment.server.rectification.EvidenceFiles;
import org.grassroots.assessment.server.security.AccessScope;
import org.grassroots.assessment.server.security.Role;
import org.grassroots.assessment.server.security.SignedInUser;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The self-report workflow (自评 → 审核 → 确认): a representative fills and submits its own
 * organization's facts; the reviewing unit ({@link ReviewingUnit}) approves or returns each
 * submitted fact with a reason. Approved values are written to the organization's period facts
 * (what evaluations read by default) as soon as the facts on record make a whole, valid record; a
 * change after approval is a new revision that needs approval again. Every value is checked by the
 * bundle's own rules before anything is stored; a form with a problem stores nothing.
 */
@Service
public class SelfReporting {

    private final SelfReports reports;
    private final ReportingPeriods periods;
    private final FactCatalog catalog;
    private final OrganizationService organizations;
    private final AccessScope scope;
    private final AuditTrail audit;
    private final Clock clock;
    private final EvidenceFiles evidenceFiles;

    SelfReporting(SelfReports reports, ReportingPeriods periods, FactCatalog catalog, OrganizationService organizations,
            AccessScope scope, AuditTrail audit, Clock clock, EvidenceFiles evidenceFiles) {
        this.evidenceFiles = evidenceFiles;
        this.reports = reports;
        this.periods = periods;
        this.catalog = catalog;
        this.organizations = organizations;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
    }

    /** A reviewer's decision on one submitted fact: approve, or return with a reason. */
    public record Decision(boolean approve, String reason) {
    }

    /** The report as it stands; 404 for an organization the user does not see. */
    @Transactional(readOnly = true)
    public ReportView view(String code, String period) {
        return view(code, period, Map.of(), Map.of());
    }

    /** Whether the user fills this organization's report: its own representative. */
    public boolean fills(SignedInUser user, String code) {
        return user != null && user.role() == Role.ORG_REP && code.equals(user.orgCode());
    }

    /** Whether the user reviews for this unit: its committee's representative, or the office. */
    public static boolean reviews(SignedInUser user, ReviewingUnit unit) {
        if (user == null) {
            return false;
        }
        return unit.isOffice() ? user.role() == Role.EVALUATOR || user.role() == Role.ADMIN
                : user.role() == Role.ORG_REP && unit.committeeCode().equals(user.orgCode());
    }

    public ReviewingUnit reviewerOf(String code) {
        return ReviewingUnit.of(code, c -> organizations.exists(c) ? Optional.of(organizations.get(c)) : Optional.empty());
    }

    /**
     * Saves the representative's values, and submits the changed ones when asked. Returns the
     * report with the problems at their facts when there are any (nothing is then stored); a draft
     * may leave facts empty, a submission may not.
     */
    @Transactional
    public ReportView save(SignedInUser user, String code, String period, Map<String, String> typed,
            Map<String, List<MultipartFile>> uploads, boolean submit) {
        requirePeriod(period);
        scope.require(code);
        if (!fills(user, code)) {
            throw new AccessDeniedException("只有本组织的联络员可以填报本组织的指标");
        }
        Optional<SelfReport> found = reports.findForChangeByOrgCodeAndPeriod(code, period);
        SelfReport report = found.orElseGet(() -> newReport(code, period));
        ObjectNode record = ResultJson.mapper().createObjectNode();
        Map<String, String> values = new HashMap<>();
        for (FactCatalog.Fact fact : catalog.facts()) {
            JsonNode node = CellValues.fromText(fact.column(), typed.get(fact.field()));
            if (node != null) {
                record.set(fact.field(), node);
                values.put(fact.field(), FactValues.stored(node));
            }
        }
        Map<String, String> errors = errors(organizations.checkFacts(code, period, record).problems(), !submit);
        Set<String> wanted = evidenceFields(period);
        Map<String, List<EvidenceFiles.Checked>> files = new HashMap<>();
        uploads.forEach((field, chosen) -> {
            if (!wanted.contains(field)) {
                return;
            }
            List<EvidenceFiles.Checked> accepted = new ArrayList<>();
            List<String> refused = EvidenceFiles.check(chosen, accepted);
            if (!refused.isEmpty()) {
                errors.merge(field, String.join("；", refused), (a, b) -> a + "；" + b);
            } else if (!accepted.isEmpty()) {
                files.put(field, accepted);
            }
        });
        if (submit) {
            for (SelfReportFact fact : report.getFacts()) {
                if (wanted.contains(fact.getField()) && willSubmit(fact, values) && fact.evidence().isEmpty()
                        && !files.containsKey(fact.getField())) {
                    errors.merge(fact.getField(), "考核办要求本项附证明材料：请上传" + EvidenceFileType.ACCEPTED,
                            (a, b) -> a + "；" + b);
                }
            }
        }
        if (errors.isEmpty() && submit && report.getFacts().stream().noneMatch(f -> willSubmit(f, values))) {
            errors.put("", "没有需要提交的内容：各项指标与上次提交的相同，且没有被退回的指标");
        }
        if (!errors.isEmpty()) {
            return view(code, period, typed, errors);
        }
        if (found.isEmpty()) {
            reports.saveAndFlush(report);
        }
        files.forEach((field, checked) -> report.fact(field).orElseThrow()
                .attach(keep(report.getId() + "/" + field, checked)));
        report.getFacts().forEach(f -> f.edit(values.get(f.getField())));
        if (submit) {
            List<Map<String, String>> sent = new ArrayList<>();
            String who = user.username();
            for (SelfReportFact fact : report.getFacts()) {
                if (fact.toSubmit()) {
                    String before = fact.getState() == FactState.NEW ? fact.getApprovedValue() : fact.getSubmittedValue();
                    fact.submit();
                    report.record(fact, RevisionAction.SUBMITTED, before, fact.getSubmittedValue(), null, who,
                            clock.instant());
                    sent.add(change(fact.getField(), before, fact.getSubmittedValue(), null));
                }
            }
            audit.record(AuditAction.SELF_REPORT_SUBMITTED, target(code, period), "提交自评 " + code + " " + period
                    + "：" + sent.size() + " 项指标（" + names(sent) + "），由" + reviewerOf(code).name() + "审核", sent);
        }
        return view(code, period, Map.of(), Map.of());
    }

    /** Keeps uploaded files; they are removed again if the transaction does not commit. */
    private List<String> keep(String key, List<EvidenceFiles.Checked> checked) {
        List<String> names = evidenceFiles.store(EvidenceFiles.Folder.SELF_REPORTS, key, checked);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    evidenceFiles.discard(EvidenceFiles.Folder.SELF_REPORTS, key, names);
                }
            }
        });
        return names;
    }

    /** An evidence file of a fact of the report, when the fact names it and it is stored. */
    @Transactional(readOnly = true)
    public Optional<EvidenceFiles.Stored> evidence(String code, String period, String field, String name) {
        requirePeriod(period);
        scope.require(code);
        return reports.findByOrgCodeAndPeriod(code, period)
                .flatMap(r -> r.fact(field).filter(f -> f.evidence().contains(name))
                        .flatMap(f -> evidenceFiles.find(EvidenceFiles.Folder.SELF_REPORTS, r.getId() + "/" + field, name)));
    }

    /**
     * Approves or returns submitted facts (field → decision; facts not named stay waiting). A
     * return needs a reason. The approved values are written to the period facts when the facts on
     * record then make a whole, valid record; when approving would make it invalid (新发展党员 more
     * than 党员人数), nothing is stored and the problem is shown at its facts.
     */
    @Transactional
    public ReportView review(SignedInUser user, String code, String period, Map<String, Decision> decisions) {
        requirePeriod(period);
        scope.require(code);
        ReviewingUnit unit = reviewerOf(code);
        if (!reviews(user, unit)) {
            throw new AccessDeniedException("本组织的自评由" + unit.name() + "审核");
        }
        SelfReport report = reports.findForChangeByOrgCodeAndPeriod(code, period)
                .orElseThrow(() -> new NotFoundException("组织 " + code + " 没有 " + period + " 的自评"));
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> approving = new HashMap<>();
        boolean decided = false;
        for (SelfReportFact fact : report.getFacts()) {
            Decision d = decisions.get(fact.getField());
            if (d == null || fact.getState() != FactState.SUBMITTED) {
                continue;
            }
            decided = true;
            if (d.approve()) {
                approving.put(fact.getField(), fact.getSubmittedValue());
            } else if (d.reason() == null || d.reason().isBlank()) {
                errors.put(fact.getField(), "退回须写明理由，告诉填报人要改什么");
            } else if (d.reason().strip().length() > 500) {
                errors.put(fact.getField(), "退回理由至多 500 个字符");
            }
        }
        if (errors.isEmpty() && !decided) {
            errors.put("", "请至少对一项待审核的指标选择“批准”或“退回”");
        }
        Optional<ObjectNode> approvedRecord = approvedRecord(report, approving);
        if (errors.isEmpty() && !approving.isEmpty() && approvedRecord.isPresent()) {
            errors.putAll(errors(organizations.checkFacts(code, period, approvedRecord.get()).problems(), false));
            errors.replaceAll((field, message) -> field.isEmpty() ? message : "批准后" + message);
        }
        if (!errors.isEmpty()) {
            return view(code, period, Map.of(), errors);
        }
        List<Map<String, String>> approved = new ArrayList<>();
        List<Map<String, String>> returned = new ArrayList<>();
        String who = user.username();
        for (SelfReportFact fact : report.getFacts()) {
            Decision d = decisions.get(fact.getField());
            if (d == null || fact.getState() != FactState.SUBMITTED) {
                continue;
            }
            String before = fact.getApprovedValue();
            if (d.approve()) {
                fact.approve();
                report.record(fact, RevisionAction.APPROVED, before, fact.getApprovedValue(), null, who, clock.instant());
                approved.add(change(fact.getField(), before, fact.getApprovedValue(), null));
            } else {
                String reason = d.reason().strip();
                fact.giveBack(reason);
                report.record(fact, RevisionAction.RETURNED, before, fact.getSubmittedValue(), reason, who,
                        clock.instant());
                returned.add(change(fact.getField(), before, fact.getSubmittedValue(), reason));
            }
        }
        // the report is managed: its changes and new revisions are written when the transaction commits
        audit.record(AuditAction.SELF_REPORT_REVIEWED, target(code, period), "审核自评 " + code + " " + period + "：批准 "
                + approved.size() + " 项" + (approved.isEmpty() ? "" : "（" + names(approved) + "）") + "，退回 "
                + returned.size() + " 项" + (returned.isEmpty() ? "" : "（" + names(returned) + "）"),
                Map.of("approved", approved, "returned", returned));
        if (approvedRecord.isPresent() && !approving.isEmpty()) {
            try {
                organizations.putFacts(code, period, approvedRecord.get());
            } catch (BundleValidationException e) {
                // checked above in this transaction; only a concurrent change of the members gets here
                throw new IllegalStateException("the approved facts of " + code + " " + period + " became invalid", e);
            }
        }
        return view(code, period, Map.of(), Map.of());
    }

    /** The office's deadline for a period's self-reports. */
    @Transactional
    public void setDeadline(String period, LocalDate deadline, Set<String> evidenceFields, String who) {
        requirePeriod(period);
        Set<String> known = new HashSet<>();
        catalog.facts().forEach(f -> known.add(f.field()));
        Set<String> wanted = new TreeSet<>(evidenceFields);
        wanted.retainAll(known);
        ReportingPeriod p = periods.findById(period).orElseGet(() -> new ReportingPeriod(period));
        LocalDate before = p.getDeadline();
        p.set(deadline, wanted, who, clock.instant());
        periods.save(p);
        audit.record(AuditAction.SELF_REPORT_DEADLINE_SET, "selfreport:" + period, "设定 " + period + " 自评截止日期 "
                + deadline + (before == null ? "" : "（原为 " + before + "）") + "，" + (wanted.isEmpty() ? "不要求证明材料"
                : "需附证明材料的指标：" + String.join("、", wanted.stream().map(f -> catalog.fact(f).name()).toList())),
                Map.of("period", period, "deadline", deadline.toString(), "evidenceFields", List.copyOf(wanted)));
    }

    public Optional<LocalDate> deadline(String period) {
        return periods.findById(period).map(ReportingPeriod::getDeadline);
    }

    /** The facts the office wants evidence files for in the period. */
    public Set<String> evidenceFields(String period) {
        return periods.findById(period).map(ReportingPeriod::evidenceFields).orElse(Set.of());
    }

    /**
     * The record the approved values would make: for each fact, the value approved now, else the
     * stored value, else the report's approved value; empty while some fact has none of them (a
     * new organization's first report, approved in parts).
     */
    private Optional<ObjectNode> approvedRecord(SelfReport report, Map<String, String> approving) {
        Map<String, String> stored = storedValues(report.getOrgCode(), report.getPeriod());
        ObjectNode record = ResultJson.mapper().createObjectNode();
        for (FactCatalog.Fact fact : catalog.facts()) {
            String value = approving.get(fact.field());
            if (value == null) {
                value = stored.get(fact.field());
            }
            if (value == null) {
                value = report.fact(fact.field()).map(SelfReportFact::getApprovedValue).orElse(null);
            }
            if (value == null) {
                return Optional.empty();
            }
            record.set(fact.field(), FactValues.node(fact.column(), value));
        }
        return Optional.of(record);
    }

    /** The organization's stored facts of the period as stored texts by field, or empty. */
    Map<String, String> storedValues(String code, String period) {
        Map<String, String> values = new HashMap<>();
        organizations.storedFacts(code, period).ifPresent(f -> {
            JsonNode tree = ResultJson.mapper().valueToTree(f);
            for (FactCatalog.Fact fact : catalog.facts()) {
                JsonNode v = tree.get(fact.field());
                if (v != null && !v.isNull()) {
                    values.put(fact.field(), FactValues.stored(v));
                }
            }
        });
        return values;
    }

    private SelfReport newReport(String code, String period) {
        SelfReport report = new SelfReport(code, period, clock.instant());
        Map<String, String> stored = storedValues(code, period);
        catalog.facts().forEach(f -> report.addFact(f.field(), stored.get(f.field())));
        return report;
    }

    private static boolean willSubmit(SelfReportFact fact, Map<String, String> values) {
        String value = values.get(fact.getField());
        return fact.getState() == FactState.NEW || fact.getState() == FactState.RETURNED
                || !Objects.equals(value, fact.getSubmittedValue());
    }

    /** The problems by field (the form's own problems under ""), in Chinese; drafts may leave facts empty. */
    private Map<String, String> errors(List<Problem> problems, boolean draft) {
        ChineseMessages chinese = new ChineseMessages(field -> {
            try {
                return catalog.fact(field).column().header();
            } catch (IllegalArgumentException e) {
                return field;
            }
        }, pointer -> pointer);
        Map<String, String> errors = new LinkedHashMap<>();
        for (Problem p : problems) {
            if (draft && p.message().equals("is required")) {
                continue;
            }
            String field = p.path().startsWith("/") ? p.path().substring(1) : p.path();
            int slash = field.indexOf('/');
            field = slash < 0 ? field : field.substring(0, slash);
            errors.merge(field, chinese.of(p.message()), (a, b) -> a + "；" + b);
        }
        return errors;
    }

    ReportView view(String code, String period, Map<String, String> typed, Map<String, String> errors) {
        requirePeriod(period);
        scope.require(code);
        Organization org = organizations.get(code);
        Optional<SelfReport> report = reports.findByOrgCodeAndPeriod(code, period);
        String previousPeriod = Period.parse(period).previous().toString();
        Map<String, String> previous = storedValues(code, previousPeriod);
        Map<String, String> stored = storedValues(code, period);
        List<FactLine> lines = new ArrayList<>();
        Set<String> wanted = evidenceFields(period);
        Map<String, String> names = new HashMap<>();
        for (FactCatalog.Fact fact : catalog.facts()) {
            names.put(fact.field(), fact.column().bareHeader());
            Optional<SelfReportFact> f = report.flatMap(r -> r.fact(fact.field()));
            String draft = f.map(SelfReportFact::getDraftValue).orElse(stored.get(fact.field()));
            String input = typed.containsKey(fact.field()) ? typed.get(fact.field()) : draft == null ? "" : draft;
            String approved = stored.getOrDefault(fact.field(), f.map(SelfReportFact::getApprovedValue).orElse(null));
            lines.add(new FactLine(fact.field(), fact.name(), fact.unit(), fact.column().meaning(), fact.rules(),
                    fact.column().kind(), fact.column().choices(), input,
                    FactValues.shown(fact.column(), f.map(SelfReportFact::getSubmittedValue).orElse(null)),
                    FactValues.shown(fact.column(), approved), FactValues.shown(fact.column(), previous.get(fact.field())),
                    f.map(SelfReportFact::getState).orElse(approved == null ? FactState.NEW : FactState.APPROVED),
                    f.map(SelfReportFact::getReason).orElse(null), f.map(SelfReportFact::getRevision).orElse(0),
                    f.map(SelfReportFact::changed).orElse(false), errors.get(fact.field()), wanted.contains(fact.field()),
                    f.map(SelfReportFact::evidence).orElse(List.of())));
        }
        List<RevisionLine> revisions = new ArrayList<>();
        report.ifPresent(r -> r.getRevisions().forEach(v -> {
            FactCatalog.Fact fact = catalog.fact(v.getField());
            revisions.add(new RevisionLine(names.get(v.getField()), v.getRevision(), v.getAction(),
                    FactValues.shown(fact.column(), v.getOldValue()), FactValues.shown(fact.column(), v.getNewValue()),
                    v.getReason(), v.getActor(), v.getRecordedAt()));
        }));
        ReportStatus status = report.map(SelfReport::status)
                .orElse(stored.isEmpty() ? ReportStatus.NOT_STARTED : ReportStatus.APPROVED);
        java.util.Collections.reverse(revisions);
        return new ReportView(org, period, previousPeriod, reviewerOf(code), status, lines, revisions,
                deadline(period).orElse(null), report.isPresent(), errors.get(""));
    }

    private static void requirePeriod(String period) {
        if (period == null || !Period.isValid(period)) {
            throw new NotFoundException("考评期间“" + period + "”无效：应为年份（如 2026）或季度（如 2026-Q3）");
        }
    }

    private static String target(String code, String period) {
        return "selfreport:" + code + "/" + period;
    }

    private static Map<String, String> change(String field, String before, String after, String reason) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("field", field);
        c.put("old", before);
        c.put("new", after);
        if (reason != null) {
            c.put("reason", reason);
        }
        return c;
    }

    private String names(List<Map<String, String>> changes) {
        return String.join("、", changes.stream().map(c -> catalog.fact(c.get("field")).name()).toList());
    }
}
