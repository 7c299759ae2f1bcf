package org.grassroots.assessment.server.rectification;

import com.drew.imaging.FileType;
import com.drew.imaging.FileTypeDetector;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.MediaType;

/**
 * The kinds of evidence file kept: photos and PDF documents. What a file is comes from its first
 * bytes (metadata-extractor's detector), never from the name or the type the browser claims, and
 * it is stored and served under the extension and type of what it is.
 */
public enum EvidenceFileType {
    JPEG(FileType.Jpeg, "jpg", "image/jpeg"),
    PNG(FileType.Png, "png", "image/png"),
    GIF(FileType.Gif, "gif", "image/gif"),
    WEBP(FileType.WebP, "webp", "image/webp"),
    HEIF(FileType.Heif, "heic", "image/heic"),
    PDF(null, "pdf", "application/pdf");

    private static final byte[] PDF_HEADER = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** What the pages say is accepted. */
    public static final String ACCEPTED = "jpg、png、gif、webp、heic 照片或 PDF 文件";

    private final FileType detected;
    private final String extension;
    private final MediaType mediaType;

    EvidenceFileType(FileType detected, String extension, String mediaType) {
        this.detected = detected;
        this.extension = extension;
        this.mediaType = MediaType.parseMediaType(mediaType);
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    public boolean image() {
        return this != PDF;
    }

    /** What the bytes are, when they are a kind kept; empty for anything else (an empty stream too). */
    public static Optional<EvidenceFileType> of(InputStream content) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content);
        in.mark(PDF_HEADER.length);
        byte[] head = in.readNBytes(PDF_HEADER.length);
        in.reset();
        if (Arrays.equals(head, PDF_HEADER)) {
            // metadata-extractor reads images, not PDF: a PDF file begins with its header "%PDF-" (ISO 32000-1, 7.5.2)
            return Optional.of(PDF);
        }
        FileType type = FileTypeDetector.detectFileType(in);
        // WebP files are RIFF containers: the detector names them WebP when it can tell
        return Arrays.stream(values()).filter(t -> t.detected != null && t.detected == type).findFirst();
    }

    /** The kind stored under an extension (as this class stores them). */
    public static Optional<EvidenceFileType> ofExtension(String extension) {
        return Arrays.stream(values()).filter(t -> t.extension.equals(extension)).findFirst();
    }
}
