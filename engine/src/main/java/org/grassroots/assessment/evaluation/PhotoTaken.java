package org.grassroots.assessment.evaluation;

import java.time.LocalDate;

/**
 * A photo of a visit whose file carries the day it was taken (EXIF DateTimeOriginal, the camera's
 * local time); photos without an embedded time give no fact. Input of the planning rules (PL-04).
 *
 * @param photo the stored photo's file name
 */
public record PhotoTaken(String orgCode, String visitId, String photo, LocalDate takenOn) {
}
