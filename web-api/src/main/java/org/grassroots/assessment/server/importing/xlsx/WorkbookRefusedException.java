package org.grassroots.assessment.server.importing.xlsx;

import java.util.List;

/** A workbook that was not imported: every problem at its cell, and the warnings met on the way. */
public class WorkbookRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<CellNote> problems;
    private final transient List<CellNote> warnings;

    public WorkbookRefusedException(List<CellNote> problems, List<CellNote> warnings) {
        super(problems.size() + " problems in the workbook", null, false, false);
        this.problems = List.copyOf(problems);
        this.warnings = List.copyOf(warnings);
    }

    public List<CellNote> problems() {
        return problems;
    }

    public List<CellNote> warnings() {
        return warnings;
    }
}
