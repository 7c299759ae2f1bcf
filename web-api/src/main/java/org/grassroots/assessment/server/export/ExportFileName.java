package org.grassroots.assessment.server.export;

import java.nio.charset.StandardCharsets;

/**
 * The file name of an export, carrying the period, the evaluation id and the as-of date: Chinese for
 * users ({@code 考评结果-2026-考评12-截至2026-12-31.xlsx}) with an ASCII fallback for old clients
 * ({@code evaluation-12-2026-2026-12-31.xlsx}), and the
 * {@code Content-Disposition} value that carries both (RFC 6266, RFC 5987 {@code filename*}).
 */
public record ExportFileName(String name, String asciiName) {

    public static ExportFileName of(EvaluationExport export, ExportFormat format) {
        String period = safe(export.period());
        return new ExportFileName("考评结果-" + period + "-考评" + export.evaluationId() + "-截至" + export.asOf()
                + "." + format.extension(),
                "evaluation-" + export.evaluationId() + "-" + period + "-" + export.asOf() + "." + format.extension());
    }

    /** {@code attachment; filename="evaluation-….xlsx"; filename*=UTF-8''%E8%80%83…} */
    public String contentDisposition() {
        return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encode(name);
    }

    /** RFC 5987 value characters: attr-char stays, every other UTF-8 byte is percent-encoded. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }

    /** Keeps a period (2026, 2026-Q3) as it is; anything unexpected becomes underscores. */
    private static String safe(String text) {
        return text == null ? "" : text.replaceAll("[^A-Za-z0-9-]", "_");
    }
}
