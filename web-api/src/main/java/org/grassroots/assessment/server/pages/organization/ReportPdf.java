package org.grassroots.assessment.server.pages.organization;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An HTML page (well-formed: the report template is written as XHTML) rendered to an A4 PDF with
 * openhtmltopdf, the Chinese font embedded as a subset under the family name the print CSS asks for.
 * The renderer fetches nothing: every resource of the report is in the page.
 */
final class ReportPdf {

    /** The family the report's CSS names first. */
    static final String FAMILY = "ReportCJK";

    private ReportPdf() {
    }

    static byte[] render(String xhtml, Path font) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useExternalResourceAccessControl((uri, type) -> false,
                    com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }
}
