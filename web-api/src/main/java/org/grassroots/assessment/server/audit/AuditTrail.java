package org.grassroots.assessment.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.server.web.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The tamper-evident audit trail: every write of the application calls {@link #record} once.
 *
 * <p>Each entry holds who ({@link Actor#current()}: the signed-in user, "anonymous", or "system"
 * outside a request), from where (the request's remote address, or "local"), when (the injected
 * {@link Clock}), the action, its target, a short summary and the SHA-256 of the written content.
 * Entries form one hash chain: each one's hash covers its fields and the previous entry's hash,
 * so a row altered or deleted behind the application's back is found by {@link ChainVerifier}.
 *
 * <p>Inside a transaction the entry is only remembered; it is appended just before the
 * transaction commits (so a write that rolls back leaves no entry, and the chain's lock is held
 * only from then to the commit). Outside a transaction it is appended at once, in a short
 * transaction of its own.
 */
@Service
public class AuditTrail {

    /** The remote address of entries recorded outside an HTTP request. */
    public static final String LOCAL = "local";

    static final int MAX_ACTOR = 200;
    static final int MAX_REMOTE = 100;
    static final int MAX_TARGET = 300;
    static final int MAX_SUMMARY = 2000;

    private final AuditRepository repository;
    private final Actor actor;
    private final Clock clock;
    private final TransactionTemplate transaction;

    AuditTrail(AuditRepository repository, Actor actor, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.actor = actor;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Records one write. Call it in the transaction of the write, after the write succeeded; the
     * entry is stored when (and only if) that transaction commits. The actor and remote address are
     * taken now, from the current request.
     *
     * @param action  what was done
     * @param target  what it was done to, {@code kind:id} such as {@code visit:V-123},
     *                {@code evaluation:17}, {@code organization:V-HONGQI/facts/2026}, {@code user:wang}
     *                (at most 300 characters, longer is cut)
     * @param summary a short description for people, Chinese or English (at most 2000 characters)
     * @param content what was written, for the content digest: a {@link ContentDigest} computed
     *                already (e.g. of a streamed body), raw {@code byte[]}, a string (its UTF-8), an
     *                object or record (its canonical JSON), or null (nothing)
     */
    public void record(AuditAction action, String target, String summary, Object content) {
        PendingEntry entry = new PendingEntry(clip(actor.current(), MAX_ACTOR), clip(remoteAddress(), MAX_REMOTE),
                action.name(), clip(target, MAX_TARGET), clip(summary, MAX_SUMMARY),
                ContentDigest.of(content).hex());
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            pendingOfTransaction().add(entry);
        } else {
            transaction.executeWithoutResult(status -> append(List.of(entry)));
        }
    }

    /** Appends the entries at the end of the chain; call in a transaction (it locks the head until it ends). */
    private void append(List<PendingEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        AuditRepository.Head head = repository.lockHead();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long seq = head.seq();
        String previous = head.entryHash();
        for (PendingEntry pending : entries) {
            AuditEntry entry = pending.seal(++seq, at, previous);
            repository.insert(entry);
            previous = entry.entryHash();
        }
        repository.moveHead(new AuditRepository.Head(seq, previous));
    }

    /** The entries of the current transaction, appended before it commits; registered on the first record. */
    private List<PendingEntry> pendingOfTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof AppendBeforeCommit append && append.owner() == this) {
                return append.entries();
            }
        }
        AppendBeforeCommit append = new AppendBeforeCommit(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(append);
        return append.entries();
    }

    private record AppendBeforeCommit(AuditTrail owner, List<PendingEntry> entries)
            implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.append(entries);
        }

        @Override
        public int getOrder() {
            // after the other synchronizations' work (e.g. a JPA flush), so the lock is held briefly
            return LOWEST_PRECEDENCE;
        }
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            String address = attributes.getRequest().getRemoteAddr();
            return address == null || address.isBlank() ? LOCAL : address;
        }
        return LOCAL;
    }

    private static String clip(String text, int max) {
        String s = text == null ? "" : text;
        return s.length() <= max ? s : s.substring(0, max);
    }
}
