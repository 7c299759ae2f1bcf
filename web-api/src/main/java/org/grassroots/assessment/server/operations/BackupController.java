package org.grassroots.assessment.server.operations;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration: online backups of the database into {@code <data-dir>/backups/} (ADMIN only,
 * like all of {@code /api/admin/**}). Restore: README, "Backup and restore".
 */
@RestController
@RequestMapping("/api/admin")
class BackupController {

    private final BackupService backups;

    BackupController(BackupService backups) {
        this.backups = backups;
    }

    /** 201 with the new backup's name, size and SHA-256; 409 on PostgreSQL (use pg_dump). */
    @PostMapping("/backup")
    ResponseEntity<BackupFile> backup() {
        BackupFile backup = backups.backup();
        return ResponseEntity.created(URI.create("/api/admin/backups/" + backup.name())).body(backup);
    }

    /** The backups, newest first. */
    @GetMapping("/backups")
    List<BackupFile> list() {
        return backups.list();
    }

    /** One backup's zip. */
    @GetMapping("/backups/{name}")
    ResponseEntity<Resource> download(@PathVariable String name) {
        Path file = backups.file(name);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(new FileSystemResource(file));
    }
}
