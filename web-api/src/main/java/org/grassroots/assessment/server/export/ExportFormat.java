package org.grassroots.assessment.server.export;

import java.util.Locale;
import java.util.Optional;

/** The export formats: how they are named in {@code ?format=}, their media type, extension and writer. */
public enum ExportFormat {

    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public EvaluationExporter exporter() {
        return this == CSV ? new CsvExporter() : new XlsxExporter();
    }

    /** {@code csv} or {@code xlsx}, case-insensitive; empty for anything else. */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
