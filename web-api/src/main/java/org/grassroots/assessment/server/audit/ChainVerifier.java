package org.grassroots.assessment.server.audit;

import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Walks the audit chain in order, a page at a time, recomputing every entry's hash and its link to
 * the entry before; reports the first entry that was altered, a position that is missing (a deleted
 * row) and entries missing at the end.
 */
@Service
public class ChainVerifier {

    static final int PAGE = 1000;

    private final AuditRepository repository;

    ChainVerifier(AuditRepository repository) {
        this.repository = repository;
    }

    public ChainVerification verify() {
        // entries appended while the walk goes on come after the head read here; they are not checked
        AuditRepository.Head head = repository.head();
        long expected = 1;
        String previous = AuditEntry.GENESIS;
        long checked = 0;
        List<AuditEntry> page = repository.chain(0, head.seq(), PAGE);
        while (!page.isEmpty()) {
            for (AuditEntry e : page) {
                checked++;
                if (e.seq() != expected) {
                    return ChainVerification.broken(checked, expected, null, "第 " + expected + " 条记录缺失（链在第 "
                            + e.seq() + " 条继续） entry seq " + expected + " is missing; the chain continues at seq "
                            + e.seq() + " (id " + e.id() + ")");
                }
                if (!e.previousHash().equals(previous)) {
                    return ChainVerification.broken(checked, e.seq(), e.id(), "第 " + e.seq()
                            + " 条记录的前序哈希与上一条不符 previous_hash does not match the hash of entry seq "
                            + (e.seq() - 1));
                }
                if (!e.computeHash().equals(e.entryHash())) {
                    return ChainVerification.broken(checked, e.seq(), e.id(), "第 " + e.seq()
                            + " 条记录的内容与其哈希不符（记录被改动） the entry's fields do not match its entry_hash");
                }
                previous = e.entryHash();
                expected++;
            }
            page = repository.chain(page.get(page.size() - 1).seq(), head.seq(), PAGE);
        }
        if (expected - 1 != head.seq()) {
            return ChainVerification.broken(checked, expected, null, "第 " + expected + " 至 " + head.seq()
                    + " 条记录缺失 entries seq " + expected + " to " + head.seq() + " are missing at the end of the chain");
        }
        if (!previous.equals(head.entryHash())) {
            return ChainVerification.broken(checked, head.seq(), null, "链尾记录与链头不符 the last entry's hash does not"
                    + " match the chain head");
        }
        return ChainVerification.intact(checked);
    }
}
