package org.grassroots.assessment.server.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The time and place a photo embeds, and files that try to break the reading. */
class PhotoMetadataTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void reads_the_time_taken_and_the_gps_position_of_a_real_jpeg() throws IOException {
        Path photo = file("C01.jpg", ExifJpeg.taken("2026:03:08 10:15:00", 34.3621, 108.7833));
        VisitPhoto read = PhotoMetadata.read("C01.jpg", photo);
        assertThat(read.name()).isEqualTo("C01.jpg");
        assertThat(read.takenAt()).isEqualTo(LocalDateTime.of(2026, 3, 8, 10, 15, 0));
        assertThat(read.location().lat()).isCloseTo(34.3621, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(read.location().lon()).isCloseTo(108.7833, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(read.saysAnything()).isTrue();
    }

    @Test
    void the_southern_and_western_hemispheres_are_negative() throws IOException {
        VisitPhoto read = PhotoMetadata.read("C01.jpg", file("C01.jpg", ExifJpeg.taken("2025:12:31 23:59:59", -33.8688,
                -70.6693)));
        assertThat(read.location().lat()).isNegative();
        assertThat(read.location().lon()).isNegative();
    }

    @Test
    void a_photo_without_metadata_says_nothing() throws IOException {
        VisitPhoto read = PhotoMetadata.read("C01.jpg", file("C01.jpg", ExifJpeg.jpeg()));
        assertThat(read.takenAt()).isNull();
        assertThat(read.location()).isNull();
        assertThat(read.saysAnything()).isFalse();
    }

    @Test
    void hostile_and_broken_files_are_photos_without_metadata() throws IOException {
        byte[] exif = ExifJpeg.exif("2026:03:08 10:15:00", 34.3621, 108.7833);
        // the IFD0 entry count claims 65535 entries
        byte[] manyEntries = exif.clone();
        manyEntries[6 + 8] = (byte) 0xFF;
        manyEntries[6 + 9] = (byte) 0xFF;
        // the Exif sub-IFD pointer points at IFD0 itself (a loop) and the GPS pointer far outside the segment
        byte[] loop = exif.clone();
        loop[6 + 8 + 2 + 8 + 3] = 8;
        loop[6 + 8 + 2 + 12 + 8] = 0x7F;
        // a time that is no date
        byte[] badTime = ExifJpeg.exif("2026:13:45 99:99:99", 34.3621, 108.7833);
        Random random = new Random(16);
        byte[] noise = new byte[4096];
        random.nextBytes(noise);
        byte[][] hostile = {
            ExifJpeg.withApp1(ExifJpeg.jpeg(), Arrays.copyOf(exif, 40)),             // truncated EXIF
            ExifJpeg.withApp1(ExifJpeg.jpeg(), manyEntries),
            ExifJpeg.withApp1(ExifJpeg.jpeg(), loop),
            ExifJpeg.withApp1(ExifJpeg.jpeg(), badTime),
            Arrays.copyOf(ExifJpeg.taken("2026:03:08 10:15:00", 34.3621, 108.7833), 30), // cut off inside APP1
            noise,                                                                      // not an image at all
            new byte[0],
        };
        for (int i = 0; i < hostile.length; i++) {
            VisitPhoto read = PhotoMetadata.read("C01.jpg", file("h" + i + ".jpg", hostile[i]));
            assertThat(read.name()).isEqualTo("C01.jpg");
            if (i == 3) {
                assertThat(read.takenAt()).as("a time that is no date").isNull();
                assertThat(read.location()).as("the position beside it still reads").isNotNull();
            }
        }
        assertThat(PhotoMetadata.read("C01.jpg", dir.resolve("missing.jpg")).saysAnything()).as("no file").isFalse();
        assertThat(PhotoMetadata.read("C01.jpg", file("n.jpg", noise)).saysAnything()).isFalse();
    }
}
