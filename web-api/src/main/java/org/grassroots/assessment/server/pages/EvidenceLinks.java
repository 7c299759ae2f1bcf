package org.grassroots.assessment.server.pages;

import org.grassroots.assessment.server.rectification.EvidenceFiles;
import org.grassroots.assessment.server.visit.EvidenceName;
import org.springframework.stereotype.Component;

/**
 * How the pages show one evidence entry of a rectification step ({@code @evidenceLinks} in the
 * templates): a file the server stored opens from it, a web address opens as a link (what
 * {@link EvidenceName#isLink} calls one, as for a visit's evidence: http or https with a host, never a
 * script), anything else is text.
 */
@Component("evidenceLinks")
public class EvidenceLinks {

    public String kind(String evidence) {
        if (EvidenceFiles.isStoredName(evidence)) {
            return "file";
        }
        return evidence != null && EvidenceName.isLink(evidence) ? "link" : "text";
    }

    public String shown(String evidence) {
        return EvidenceFiles.shownName(evidence);
    }
}
