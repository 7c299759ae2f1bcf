package org.grassroots.assessment.server.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import org.grassroots.assessment.bundle.BundleReader;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.concurrent.Futures;
import org.grassroots.assessment.model.Bundle;
import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import org.grassroots.assessment.server.audit.ContentDigest;
import org.grassroots.assessment.server.organization.ConcurrentWriteException;
import org.grassroots.assessment.server.organization.StoredRecordRepository;
import org.grassroots.assessment.server.organization.MemberRepository;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.grassroots.assessment.server.organization.PeriodFactsRepository;
import org.grassroots.assessment.server.operations.AssessmentMetrics;
import org.grassroots.assessment.server.organization.ValidatingTransaction;
import org.grassroots.assessment.server.visit.VisitConflictException;
import org.grassroots.assessment.server.visit.VisitService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports a bundle (docs/formats.md section 1) whole or not at all: it is streamed through the
 * {@link BundleReader} against what is stored, then written in the same transaction with JDBC
 * batches. Organizations, facts and members replace the stored records with the same keys; visits
 * are added, identical stored visits skipped.
 */
@Service
public class BundleImportService {

    private static final Logger log = LoggerFactory.getLogger(BundleImportService.class);

    private final OrganizationRepository organizations;
    private final PeriodFactsRepository facts;
    private final MemberRepository members;
    private final VisitService visits;
    private final StoredRecordRepository storedRecords;
    private final Clock clock;
    private final ValidatingTransaction transaction;
    private final AuditTrail audit;
    private final AssessmentMetrics metrics;
    private final ReentrantLock lock = new ReentrantLock(true);

    BundleImportService(OrganizationRepository organizations, PeriodFactsRepository facts, MemberRepository members,
                        VisitService visits, StoredRecordRepository storedRecords, Clock clock, ValidatingTransaction transaction,
                        AuditTrail audit, AssessmentMetrics metrics) {
        this.organizations = organizations;
        this.facts = facts;
        this.members = members;
        this.visits = visits;
        this.storedRecords = storedRecords;
        this.clock = clock;
        this.transaction = transaction;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * Reads, validates and stores a bundle in one transaction; on any failure nothing is stored. A
     * stored import is recorded in the audit trail ({@link AuditAction#IMPORT}, the SHA-256 of the
     * bundle's bytes).
     *
     * @param in    the bundle's JSON, streamed (left open)
     * @param actor who imports, recorded with the visits
     * @throws BundleValidationException with every problem of the bundle
     * @throws VisitConflictException    when a visit has the id of a stored visit with other content
     * @throws ConcurrentWriteException  when a concurrent write took the same rows first
     */
    public ImportCounts importBundle(InputStream in, String actor) throws BundleValidationException {
        return importBundle(in, actor, () -> true);
    }

    /**
     * As {@link #importBundle(InputStream, String)}, for a bundle made while it is read (a workbook
     * converted on another thread): once the whole bundle is read, {@code mayWrite} says whether its
     * maker found it sound; when not, nothing is written and {@link Withheld} carries the problems
     * the bundle itself has (its checks against what is stored, as an import would report them).
     */
    public ImportCounts importBundle(InputStream in, String actor, BooleanSupplier mayWrite)
            throws BundleValidationException {
        // One import at a time: two large ones would only wait for each other's rows.
        lock.lock();
        try {
            ImportCounts counts = metrics.timeImport(() -> importLocked(in, actor, mayWrite));
            counted(counts);
            return counts;
        } finally {
            lock.unlock();
        }
    }

    /** A bundle whose maker found problems of its own: not written; the problems of the bundle itself. */
    public static final class Withheld extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Withheld(List<Problem> problems) {
            super("the bundle's maker withheld it (" + problems.size() + " problems of the bundle itself)", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private ImportCounts importLocked(InputStream in, String actor, BooleanSupplier mayWrite)
            throws BundleValidationException {
        long started = System.nanoTime();
        log.info("import by {} started: reading and validating the bundle", actor);
        long[] validated = new long[1];
        MessageDigest sha256 = ContentDigest.sha256();
        DigestInputStream digesting = new DigestInputStream(in, sha256);
        StringBuilder steps = new StringBuilder();
        ImportCounts counts = transaction.run(() -> {
            Bundle bundle = new BundleReader(clock, storedRecords.forOneRead()).read(digesting);
            if (!mayWrite.getAsBoolean()) {
                throw new Withheld(ImportChecks.check(bundle, members));
            }
            validated[0] = System.nanoTime();
            log.info("import by {}: bundle read in {} ms; writing {} organizations, {} period facts, {} members,"
                    + " {} visits in one transaction", actor, (validated[0] - started) / 1_000_000,
                    bundle.organizations().size(), bundle.periodFacts().size(), bundle.members().size(),
                    bundle.visits().size());
            ImportCounts written = write(bundle, actor, steps);
            ContentDigest digest = ContentDigest.finish(drain(digesting, sha256));
            audit.record(AuditAction.IMPORT, "import:" + digest.hex().substring(0, 16), "导入数据包 imported a bundle: "
                    + written.organizations() + " organizations, " + written.periodFacts() + " period facts, "
                    + written.members() + " members, " + written.visits() + " visits added ("
                    + written.visitsUnchanged() + " unchanged), " + written.findings() + " findings", digest);
            return written;
        });
        long done = System.nanoTime();
        log.info("imported by {} in {} ms (read in {} ms, then checked, written and committed: {}): {}", actor,
                (done - started) / 1_000_000, (validated[0] - started) / 1_000_000, steps, counts);
        return counts;
    }

    private static long step(StringBuilder steps, String what, long since) {
        long now = System.nanoTime();
        steps.append(steps.isEmpty() ? "" : ", ").append(what).append(' ').append((now - since) / 1_000_000).append(" ms");
        return now;
    }

    /** The digest of the whole body: what the reader left unread (trailing white space) is read too. */
    private static MessageDigest drain(DigestInputStream in, MessageDigest digest) {
        try {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digest;
    }

    /** The records of a committed import, for the metrics. */
    private void counted(ImportCounts counts) {
        metrics.importedRecords("organizations", counts.organizations());
        metrics.importedRecords("periodFacts", counts.periodFacts());
        metrics.importedRecords("members", counts.members());
        metrics.importedRecords("visits", counts.visits());
        metrics.importedRecords("findings", counts.findings());
        metrics.visitsRecorded("import", counts.visits());
    }

    private static void throwProblems(List<Problem> problems) throws BundleValidationException {
        if (!problems.isEmpty()) {
            throw new BundleValidationException(problems);
        }
    }

    private ImportCounts write(Bundle bundle, String actor, StringBuilder steps) throws BundleValidationException {
        OffsetDateTime now = OffsetDateTime.now(clock);
        long t = System.nanoTime();
        // The database work is one connection's, so one core's: the checks (they read only what was
        // stored before, on a connection of their own) and the visits' digests run on another core
        // meanwhile. Problems or a visit conflict found then roll back what was written.
        CompletableFuture<List<Problem>> checks = Futures.onDaemonThread("import-checks",
                () -> ImportChecks.check(bundle, members));
        CompletableFuture<Map<String, String>> digests = Futures.onDaemonThread("import-visit-digests",
                () -> visits.digests(bundle.visits()));
        try {
            organizations.upsert(bundle.organizations(), now);
            t = step(steps, "organizations", t);
            facts.upsert(bundle.periodFacts(), now);
            t = step(steps, "facts", t);
            members.upsert(bundle.members());
            t = step(steps, "members", t);
        } catch (RuntimeException e) {
            // a value the columns cannot hold fails the write: the checks say which, as before any write
            throwProblems(Futures.join(checks));
            throw e;
        }
        throwProblems(Futures.join(checks));
        t = step(steps, "checked", t);
        VisitService.Plan plan = visits.plan(bundle.visits(), Futures.join(digests));
        t = step(steps, "visits planned", t);
        VisitService.Stored stored = visits.store(plan, actor);
        step(steps, "visits and findings", t);
        return new ImportCounts(bundle.organizations().size(), bundle.periodFacts().size(), bundle.members().size(),
                stored.added(), stored.unchanged(), stored.findings());
    }
}
