package org.grassroots.assessment.server.audit;

/**
 * The outcome of walking the chain: {@code checked} entries were read; when it is not valid, the
 * first broken link: the position (and id, when the row exists) and why.
 */
public record ChainVerification(boolean valid, long checked, Long firstBrokenSeq, Long firstBrokenId, String reason) {

    static ChainVerification intact(long checked) {
        return new ChainVerification(true, checked, null, null, null);
    }

    static ChainVerification broken(long checked, long seq, Long id, String reason) {
        return new ChainVerification(false, checked, seq, id, reason);
    }
}
