package org.grassroots.assessment.server.visit;

/**
 * A finding's evidence names a file kept with the visit: a plain file name such as
 * {@code IMG_20260302_101522.jpg} or {@code 党建经费支出明细表.pdf}, never a path. A name with
 * {@code /}, {@code \}, {@code ..}, a control character or only white space could point outside
 * the visit's files or break the pages that link to it, so it is refused where it comes in. The
 * bundle format also allows a web link ({@code https://…} or {@code http://…} with a host): it is
 * never read as a file, and pages show it as a link.
 */
public final class EvidenceName {

    private EvidenceName() {
    }

    /** What is wrong with the name, or null when it is a plain file name. */
    public static String problem(String name) {
        if (name.isBlank()) {
            return "must be a file name, got a blank one";
        }
        if (name.codePoints().anyMatch(EvidenceName::isControl)) {
            return "must be a plain file name without control characters";
        }
        if (isLink(name)) {
            return null;
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return "must be a plain file name without '/' or '\\'";
        }
        if (name.contains("..")) {
            return "must be a plain file name without '..'";
        }
        if (name.codePoints().anyMatch(EvidenceName::isControl)) {
            return "must be a plain file name without control characters";
        }
        return null;
    }

    /** Whether the evidence is a web link (http or https with a host, no white space) rather than a file name. */
    public static boolean isLink(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || name.codePoints().anyMatch(Character::isWhitespace)) {
            return false;
        }
        try {
            return new java.net.URI(name).getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
