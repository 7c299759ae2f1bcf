package org.grassroots.assessment.server.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.grassroots.assessment.bundle.Problem;
import org.grassroots.assessment.model.Finding;
import org.grassroots.assessment.model.ImportedRectification;
import org.grassroots.assessment.model.Visit;
import org.grassroots.assessment.server.web.DateBounds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits of the database columns that the bundle format leaves open: a visit's inspectors are
 * stored as one JSON array of at most 4000 characters, a finding's evidence as one of at most
 * 40000, each a plain file name ({@link EvidenceName}) of at most 2000 characters; and its dates
 * within {@link DateBounds}.
 */
public final class VisitStorageLimits {

    static final int MAX_INSPECTORS_JSON = 4000;
    static final int MAX_EVIDENCE_JSON = 40_000;
    static final int MAX_EVIDENCE_ENTRY = 2000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VisitStorageLimits() {
    }

    /** @param path the pointer to the visit, e.g. {@code /visits/3} or "" */
    public static List<Problem> check(Visit visit, String path) {
        List<Problem> problems = new ArrayList<>(0);
        if (JSON.writeValueAsString(visit.inspectors()).length() > MAX_INSPECTORS_JSON) {
            problems.add(new Problem(path + "/inspectors", "names are too long: at most " + MAX_INSPECTORS_JSON
                    + " characters in all can be stored"));
        }
        if (visit.date() != null && !DateBounds.holds(visit.date())) {
            problems.add(new Problem(path + "/date", DateBounds.message(visit.date())));
        }
        for (int i = 0; i < visit.findings().size(); i++) {
            Finding finding = visit.findings().get(i);
            ImportedRectification rectification = finding.rectification();
            if (rectification != null) {
                bounded(problems, path + "/findings/" + i + "/rectification/submittedOn", rectification.submittedOn());
                bounded(problems, path + "/findings/" + i + "/rectification/verifiedOn", rectification.verifiedOn());
            }
            String evidencePath = path + "/findings/" + i + "/evidence";
            for (int j = 0; j < finding.evidence().size(); j++) {
                String name = finding.evidence().get(j);
                String notPlain = EvidenceName.problem(name);
                if (notPlain != null) {
                    problems.add(new Problem(evidencePath + "/" + j, notPlain));
                } else if (name.length() > MAX_EVIDENCE_ENTRY) {
                    problems.add(new Problem(evidencePath + "/" + j, "must be at most " + MAX_EVIDENCE_ENTRY
                            + " characters (a file name)"));
                }
            }
            if (JSON.writeValueAsString(finding.evidence()).length() > MAX_EVIDENCE_JSON) {
                problems.add(new Problem(evidencePath, "is too long: at most " + MAX_EVIDENCE_JSON
                        + " characters in all can be stored"));
            }
        }
        return problems;
    }

    private static void bounded(List<Problem> problems, String path, LocalDate date) {
        if (date != null && !DateBounds.holds(date)) {
            problems.add(new Problem(path, DateBounds.message(date)));
        }
    }
}
