package org.grassroots.assessment.server.visit;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Real JPEG photos with EXIF, made in the test: a small image encoded by ImageIO, with an APP1
 * segment written here byte by byte (metadata-extractor reads EXIF but cannot write it, and no
 * EXIF writer is among the project's dependencies). The segment holds IFD0 pointing to an Exif
 * sub-IFD with DateTimeOriginal and to a GPS IFD with latitude and longitude in degrees, minutes
 * and hundredths of seconds, big-endian ("MM").
 */
public final class ExifJpeg {

    private ExifJpeg() {
    }

    /** A JPEG taken at {@code exifTime} ({@code yyyy:MM:dd HH:mm:ss}) at the position (north and east positive). */
    public static byte[] taken(String exifTime, double lat, double lon) {
        return withApp1(jpeg(), exif(exifTime, lat, lon));
    }

    /** A JPEG with the given bytes as its APP1 segment's content (after the segment length). */
    public static byte[] withApp1(byte[] jpeg, byte[] app1) {
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + app1.length + 4);
        out.put(jpeg, 0, 2); // SOI
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (app1.length + 2)).put(app1);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A plain 8 × 8 JPEG without metadata. */
    public static byte[] jpeg() {
        try {
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(3, 3, 0xC00000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The APP1 content: "Exif\0\0" and a TIFF structure. */
    public static byte[] exif(String exifTime, double lat, double lon) {
        ByteBuffer t = ByteBuffer.allocate(178); // big-endian by default
        t.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, ends at 38
        t.putShort((short) 2);
        entry(t, 0x8769, 4, 1, 38);   // Exif sub-IFD pointer
        entry(t, 0x8825, 4, 1, 76);   // GPS IFD pointer
        t.putInt(0);
        // Exif sub-IFD at 38: DateTimeOriginal, ASCII, 20 bytes at 56; ends at 56
        t.putShort((short) 1);
        entry(t, 0x9003, 2, 20, 56);
        t.putInt(0);
        byte[] time = (exifTime + "\0").getBytes(StandardCharsets.US_ASCII);
        if (time.length != 20) {
            throw new IllegalArgumentException("EXIF time is yyyy:MM:dd HH:mm:ss: " + exifTime);
        }
        t.put(time);
        // GPS IFD at 76: four entries, ends at 130; rationals at 130 and 154
        t.putShort((short) 4);
        t.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) (lat >= 0 ? 'N' : 'S')).put(new byte[3]);
        entry(t, 0x0002, 5, 3, 130);
        t.putShort((short) 0x0003).putShort((short) 2).putInt(2).put((byte) (lon >= 0 ? 'E' : 'W')).put(new byte[3]);
        entry(t, 0x0004, 5, 3, 154);
        t.putInt(0);
        degrees(t, Math.abs(lat));
        degrees(t, Math.abs(lon));
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer app1 = ByteBuffer.allocate(header.length + t.capacity());
        return app1.put(header).put(t.array()).array();
    }

    private static void entry(ByteBuffer t, int tag, int type, int count, int valueOrOffset) {
        t.putShort((short) tag).putShort((short) type).putInt(count).putInt(valueOrOffset);
    }

    /** Degrees, minutes and seconds (to 1/100) as three rationals. */
    private static void degrees(ByteBuffer t, double value) {
        int d = (int) value;
        double minutes = (value - d) * 60;
        int m = (int) minutes;
        long hundredths = Math.round((minutes - m) * 60 * 100);
        t.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) hundredths).putInt(100);
    }
}
