package org.grassroots.assessment.server.operations;

import org.grassroots.assessment.server.audit.AuditAction;
import org.grassroots.assessment.server.audit.AuditTrail;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.web.ConflictException;
import org.grassroots.assessment.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Online backups of the embedded H2 database: {@code BACKUP TO} writes a zip of the database files
 * while the server runs; H2 takes it from one MVCC snapshot, so it holds every committed
 * transaction up to that moment and none of a running import or evaluation. The zip and its
 * {@code .sha256} are written under temporary {@code .part} names, the audit entry is committed,
 * and only then are they moved into place: a backup file never exists without its audit entry. On PostgreSQL the
 * operator backs up with {@code pg_dump} instead (README).
 */
@Service
public class BackupService {

    private static final Logger log = LoggerFactory.getLogger(BackupService.class);
    private static final String PART = ".part";
    private static final Pattern NAME = Pattern.compile("assessment-\\d{8}-\\d{6}-\\d{3}\\.zip");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private final BackupRepository database;
    private final Path directory;
    private final Clock clock;
    private final AuditTrail audit;
    private final ReentrantLock lock = new ReentrantLock();

    BackupService(BackupRepository database, AssessmentProperties properties, Clock clock, AuditTrail audit) {
        this.database = database;
        this.audit = audit;
        this.directory = properties.dataDir().toAbsolutePath().normalize().resolve("backups");
        this.clock = clock;
    }

    /**
     * Writes a new backup.
     *
     * @throws ConflictException when the database is not the embedded H2 one (PostgreSQL: pg_dump)
     */
    public BackupFile backup() {
        String product = database.productName();
        if (!"H2".equals(product)) {
            throw new ConflictException("在线备份仅适用于内置 H2 数据库；" + product + " 请用 pg_dump 备份"
                    + " (online backup is for the embedded H2 database; back up " + product + " with pg_dump)");
        }
        lock.lock();
        try {
            Files.createDirectories(directory);
            removeUnfinished();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            String name = "assessment-" + STAMP.format(now) + ".zip";
            while (Files.exists(directory.resolve(name))) {
                now = now.plusMillis(1);
                name = "assessment-" + STAMP.format(now) + ".zip";
            }
            Path part = directory.resolve(name + PART);
            Path sidecarPart = directory.resolve(name + ".sha256" + PART);
            long started = System.nanoTime();
            try {
                database.backupTo(part);
                String sha256 = sha256(part);
                Files.writeString(sidecarPart, sha256 + "  " + name + "\n", StandardCharsets.UTF_8);
                Path file = directory.resolve(name);
                BackupFile backup = new BackupFile(name, Files.size(part), sha256, now, file.toString());
                // The audit entry is committed before the zip gets its name: a crash or a failed append
                // leaves at most a .part file (removed before the next backup and at start), never a
                // backup that the audit trail does not know of.
                audit.record(AuditAction.BACKUP_CREATED, "backup:" + name, "数据库备份 database backup " + name
                        + " (" + backup.size() + " bytes)", backup);
                Files.move(sidecarPart, directory.resolve(name + ".sha256"), StandardCopyOption.ATOMIC_MOVE);
                Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
                log.info("backup written in {} ms: {} ({} bytes, sha256 {})",
                        (System.nanoTime() - started) / 1_000_000, file, backup.size(), sha256);
                return backup;
            } finally {
                Files.deleteIfExists(part);
                Files.deleteIfExists(sidecarPart);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Removes what a backup interrupted by a crash or a failure left behind: {@code .part} files,
     * and checksum files whose zip is missing. Runs at start and before every backup.
     */
    @PostConstruct
    void removeUnfinished() {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                boolean orphanSidecar = n.endsWith(".zip.sha256")
                        && !Files.exists(directory.resolve(n.substring(0, n.length() - ".sha256".length())));
                if (n.startsWith("assessment-") && (n.endsWith(PART) || orphanSidecar)) {
                    Files.deleteIfExists(f);
                    log.info("removed the unfinished backup file {}", f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The backups, newest first. */
    public List<BackupFile> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
                    .map(this::describe)
                    .sorted(Comparator.comparing(BackupFile::name).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws NotFoundException when there is no backup of that name */
    public Path file(String name) {
        Path file = directory.resolve(name);
        if (!NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            throw new NotFoundException("备份 " + name + " 不存在 (no such backup)");
        }
        return file;
    }

    private BackupFile describe(Path file) {
        try {
            String name = file.getFileName().toString();
            Path sidecar = directory.resolve(name + ".sha256");
            String sha256 = Files.exists(sidecar)
                    ? Files.readString(sidecar, StandardCharsets.UTF_8).split("\\s+", 2)[0] : sha256(file);
            Instant createdAt = Instant.from(STAMP.parse(name.substring("assessment-".length(), name.length() - 4)));
            return new BackupFile(name, Files.size(file), sha256, createdAt, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
