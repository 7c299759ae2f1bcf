package org.grassroots.assessment.server.organization;

import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.MemberRecord;
import org.grassroots.assessment.model.Organization;
import org.grassroots.assessment.model.PeriodFacts;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** Reading organizations, their period facts and members; creating or replacing one record at a time. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final PeriodFactsRepository facts;
    private final MemberRepository members;
    private final StoredRecordRepository storedRecords;
    private final Clock clock;
    private final ValidatingTransaction transaction;
    private final AuditTrail audit;

    OrganizationService(OrganizationRepository organizations, PeriodFactsRepository facts, MemberRepository members,
                        StoredRecordRepository storedRecords, Clock clock, ValidatingTransaction transaction, AuditTrail audit) {
        this.organizations = organizations;
        this.facts = facts;
        this.members = members;
        this.storedRecords = storedRecords;
        this.clock = clock;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** @throws NotFoundException when there is no such organization */
    public Organization get(String code) {
        return organizations.find(code).orElseThrow(() -> unknown(code));
    }

    public boolean exists(String code) {
        return organizations.exists(code);
    }

    public List<Organization> all() {
        return organizations.findAll();
    }

    /** The organizations directly under {@code parentCode} (the top level when null), by code. */
    public List<Organization> children(String parentCode) {
        return organizations.children(parentCode);
    }

    /** Code → name of those of the codes that exist (a list's names in one read). */
    public Map<String, String> names(Collection<String> codes) {
        return organizations.names(codes);
    }

    /** How many organizations are directly under each of the codes. */
    public Map<String, Long> childCounts(Collection<String> parentCodes) {
        return organizations.childCounts(parentCodes);
    }

    public List<Organization> search(String text, int limit) {
        return organizations.search(text, limit);
    }

    /** @throws NotFoundException when the organization or its facts of the period are unknown */
    public PeriodFacts facts(String code, String period) {
        requireOrganization(code);
        return facts.find(code, period)
                .orElseThrow(() -> new NotFoundException("组织 " + code + " 没有 " + period + " 的期间数据"));
    }

    /** The organization's facts of every period, by period. */
    public List<PeriodFacts> allFacts(String code) {
        requireOrganization(code);
        return facts.periods(code).stream().map(p -> facts.find(code, p).orElseThrow()).toList();
    }

    /** @param period a period, or null for every period */
    public List<MemberRecord> members(String code, String period) {
        requireOrganization(code);
        return members.list(code, period);
    }

    /**
     * Creates or replaces one organization from a JSON body shaped like a bundle's organizations[]
     * element; its {@code code} may be left out (the address gives it).
     */
    public Saved<Organization> put(String code, InputStream body) throws BundleValidationException {
        JsonNode record = SingleRecord.parse(body);
        List<Problem> problems = new ArrayList<>();
        SingleRecord.matchAddress(record, "code", code, problems);
        return transaction.run(() -> {
            Organization organization = SingleRecord.read(reader(), "organizations", record, problems)
                    .organizations().get(0);
            boolean created = organizations.upsert(List.of(organization), now()) == 1;
            audit.record(AuditAction.ORGANIZATION_UPDATED, "organization:" + organization.code(),
                    (created ? "新建组织 " : "更新组织 ") + organization.code() + " " + organization.name(), organization);
            return new Saved<>(organization, created);
        });
    }

    /**
     * Creates or replaces the period facts of one organization from a JSON body shaped like a
     * bundle's periodFacts[] element; {@code orgCode} and {@code period} may be left out.
     */
    public Saved<PeriodFacts> putFacts(String code, String period, InputStream body) throws BundleValidationException {
        requireOrganization(code);
        return putFacts(code, period, SingleRecord.parse(body));
    }

    /**
     * Creates or replaces the period facts of one organization from a record shaped like a bundle's
     * periodFacts[] element (an approved self-report's facts); validated as a PUT body is.
     */
    public Saved<PeriodFacts> putFacts(String code, String period, JsonNode record) throws BundleValidationException {
        requireOrganization(code);
        List<Problem> problems = new ArrayList<>();
        SingleRecord.matchAddress(record, "orgCode", code, problems);
        SingleRecord.matchAddress(record, "period", period, problems);
        return transaction.run(() -> {
            PeriodFacts read = checked(code, period, record, problems);
            boolean created = facts.upsert(List.of(read), now()) == 1;
            audit.record(AuditAction.FACTS_UPDATED, "organization:" + code + "/facts/" + period,
                    (created ? "新建期间数据 " : "更新期间数据 ") + code + " " + period, read);
            return new Saved<>(read, created);
        });
    }

    /**
     * A record checked as {@link #putFacts(String, String, JsonNode)} would check it, without writing
     * anything (a self-report when it is submitted or reviewed).
     *
     * @param facts    the facts read, or null when there are problems
     * @param problems what is wrong, with paths relative to the record ({@code /members})
     */
    public record FactsCheck(PeriodFacts facts, List<Problem> problems) {
    }

    public FactsCheck checkFacts(String code, String period, JsonNode record) {
        requireOrganization(code);
        List<Problem> problems = new ArrayList<>();
        SingleRecord.matchAddress(record, "orgCode", code, problems);
        SingleRecord.matchAddress(record, "period", period, problems);
        try {
            return new FactsCheck(checked(code, period, record, problems), List.of());
        } catch (BundleValidationException e) {
            return new FactsCheck(null, e.problems());
        }
    }

    /** The organization's stored facts of the period (what was imported, entered or approved), if any. */
    public Optional<PeriodFacts> storedFacts(String code, String period) {
        return facts.find(code, period);
    }

    private PeriodFacts checked(String code, String period, JsonNode record, List<Problem> problems)
            throws BundleValidationException {
        PeriodFacts read = SingleRecord.read(reader(), "periodFacts", record, problems).periodFacts().get(0);
        List<Problem> limits = new ArrayList<>(StorageLimits.check(read, ""));
        int stored = members.count(code, period);
        if (stored > read.members()) {
            limits.add(new Problem("/members", "must be at least the " + stored
                    + " member records stored for " + code + " in " + period));
        }
        if (!limits.isEmpty()) {
            throw new BundleValidationException(limits);
        }
        return read;
    }

    private void requireOrganization(String code) {
        if (!organizations.exists(code)) {
            throw unknown(code);
        }
    }

    private BundleReader reader() {
        return new BundleReader(clock, storedRecords.forOneRead());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static NotFoundException unknown(String code) {
        return new NotFoundException("组织 " + code + " 不存在");
    }
}
