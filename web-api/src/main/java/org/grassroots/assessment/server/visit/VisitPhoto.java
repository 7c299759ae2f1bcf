package org.grassroots.assessment.server.visit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDateTime;
import org.grassroots.assessment.model.GeoLocation;

/**
 * What a visit photo's file says about itself: when it was taken (EXIF DateTimeOriginal, the
 * camera's local time, no zone) and where (EXIF GPS); either may be absent.
 *
 * @param name the stored file name (the finding's evidence), e.g. {@code C01.jpg}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisitPhoto(String name, LocalDateTime takenAt, GeoLocation location) {

    /** Whether the file said anything worth keeping. */
    public boolean saysAnything() {
        return takenAt != null || location != null;
    }
}
