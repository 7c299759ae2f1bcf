package org.grassroots.assessment.server.importing.xlsx;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bounds on an uploaded workbook, which is hostile input until read: its size, its data rows,
 * the size of the workbook that is annotated (that one is read whole), and POI's zip-bomb guards
 * ({@link ZipSecureFile}: every entry at most {@code max-entry-bytes} unpacked, and unpacked no more
 * than 100 times its packed size, at most 1000 entries). POI keeps the zip guards in static fields,
 * so they hold for every workbook the server opens.
 */
@Component
public class WorkbookLimits {

    private final long maxBytes;
    private final long maxRows;
    private final long annotateMaxBytes;

    WorkbookLimits(@Value("${assessment.import.workbook.max-bytes:268435456}") long maxBytes,
                   @Value("${assessment.import.workbook.max-rows:2000000}") long maxRows,
                   @Value("${assessment.import.workbook.annotate-max-bytes:33554432}") long annotateMaxBytes,
                   @Value("${assessment.import.workbook.max-entry-bytes:2147483648}") long maxEntryBytes) {
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        this.annotateMaxBytes = annotateMaxBytes;
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(maxEntryBytes);
        ZipSecureFile.setMaxFileCount(1000);
    }

    /** The largest workbook file accepted, in bytes (256 MiB by default). */
    public long maxBytes() {
        return maxBytes;
    }

    /** The most data rows over all sheets (2,000,000 by default). */
    public long maxRows() {
        return maxRows;
    }

    /** The largest workbook returned annotated (read whole to be changed; 32 MiB by default). */
    public long annotateMaxBytes() {
        return annotateMaxBytes;
    }
}
