package org.grassroots.assessment.server.operations;

import java.time.Instant;

/**
 * One backup in {@code <data-dir>/backups/}: a zip of the H2 database files, restorable with
 * {@code --assessment.restore-from=FILE}.
 *
 * @param name      the file name ({@code assessment-YYYYMMDD-HHMMSS-mmm.zip})
 * @param size      bytes
 * @param sha256    the file's SHA-256, hex (also in {@code NAME.sha256}, {@code sha256sum -c} format)
 * @param createdAt when it was written
 * @param path      where it is on the server
 */
public record BackupFile(String name, long size, String sha256, Instant createdAt, String path) {
}
