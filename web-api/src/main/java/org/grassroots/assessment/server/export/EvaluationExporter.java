package org.grassroots.assessment.server.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes an evaluation in one file format. The stream is flushed, not closed: the caller owns it. */
public interface EvaluationExporter {

    void write(EvaluationExport export, OutputStream out) throws IOException;
}
