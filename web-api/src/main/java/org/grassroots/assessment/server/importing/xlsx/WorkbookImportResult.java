package org.grassroots.assessment.server.importing.xlsx;

import java.util.List;
import org.grassroots.assessment.server.importing.ImportCounts;

/**
 * The answer to an imported workbook: the same counts as a JSON bundle's import, and the warnings
 * (values read generously, rows skipped), each at its cell.
 */
public record WorkbookImportResult(int organizations, int periodFacts, int members, int visits, int visitsUnchanged,
                                   int findings, List<CellNote> warnings) {

    static WorkbookImportResult of(ImportCounts counts, List<CellNote> warnings) {
        return new WorkbookImportResult(counts.organizations(), counts.periodFacts(), counts.members(), counts.visits(),
                counts.visitsUnchanged(), counts.findings(), List.copyOf(warnings));
    }
}
