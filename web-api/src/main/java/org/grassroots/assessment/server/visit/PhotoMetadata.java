package org.grassroots.assessment.server.visit;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.grassroots.assessment.model.GeoLocation;

/**
 * Reads the time and place a photo's file embeds, with metadata-extractor: EXIF DateTimeOriginal
 * ({@code yyyy:MM:dd HH:mm:ss}, the camera's local time) and the GPS position. The file comes from
 * a phone or from anyone: metadata that cannot be read, is malformed or out of range counts as no
 * metadata, never as an error of the upload.
 */
public final class PhotoMetadata {

    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    private PhotoMetadata() {
    }

    /** What the stored file says; a photo with neither time nor place when nothing can be read. */
    public static VisitPhoto read(String name, Path file) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return new VisitPhoto(name, null, null);
        }
        return new VisitPhoto(name, takenAt(metadata), location(metadata));
    }

    private static LocalDateTime takenAt(Metadata metadata) {
        try {
            for (ExifSubIFDDirectory exif : metadata.getDirectoriesOfType(ExifSubIFDDirectory.class)) {
                String text = exif.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL);
                if (text != null) {
                    LocalDateTime t = LocalDateTime.parse(text.strip(), EXIF_TIME);
                    return t.getYear() >= 1900 && t.getYear() <= 9999 ? t : null;
                }
            }
        } catch (RuntimeException e) { // DateTimeParseException among others
            return null;
        }
        return null;
    }

    private static GeoLocation location(Metadata metadata) {
        try {
            for (GpsDirectory gps : metadata.getDirectoriesOfType(GpsDirectory.class)) {
                com.drew.lang.GeoLocation at = gps.getGeoLocation();
                if (at != null && !at.isZero() && Double.isFinite(at.getLatitude()) && Double.isFinite(at.getLongitude())
                        && Math.abs(at.getLatitude()) <= 90 && Math.abs(at.getLongitude()) <= 180) {
                    return new GeoLocation(at.getLatitude(), at.getLongitude());
                }
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }
}
