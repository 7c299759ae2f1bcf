package org.grassroots.assessment.server.pages;

import java.util.Locale;
import org.grassroots.assessment.server.rectification.EvidenceFiles;
import org.springframework.stereotype.Component;

/**
 * How the pages show one evidence entry of a rectification step ({@code @evidenceLinks} in the
 * templates): a file the server stored opens from it, a web address opens as a link (http and https
 * only, never a script), anything else is text.
 */
@Component("evidenceLinks")
public class EvidenceLinks {

    public String kind(String evidence) {
        if (EvidenceFiles.isStoredName(evidence)) {
            return "file";
        }
        String lower = evidence == null ? "" : evidence.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://")) && !lower.contains(" ") ? "link" : "text";
    }

    public String shown(String evidence) {
        return EvidenceFiles.shownName(evidence);
    }
}
