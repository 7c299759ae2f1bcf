package org.grassroots.assessment.server.pages.inspection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.visit.PhotoMetadata;
import org.grassroots.assessment.server.visit.VisitPhoto;
import org.grassroots.assessment.server.web.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photo evidence of a visit's findings, stored with the visit under
 * {@code <data-dir>/uploads/visits/<visitId>/} as {@code <item>.<ext>}; the finding's
 * {@code evidence} names the file. Only images are kept, under names the server chooses.
 */
@Component
class VisitPhotos {

    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "webp", "gif", "heic");
    private static final Pattern SAFE_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$");
    private static final Pattern SAFE_NAME = Pattern.compile("^C\\d{2}\\.[a-z]{3,4}$");

    private final Path root;

    VisitPhotos(AssessmentProperties properties) {
        this.root = properties.dataDir().resolve("uploads").resolve("visits");
    }

    /** The extension a photo is stored under, or null when the upload is not an image we keep. */
    static String extension(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = file.getContentType() == null ? "" : file.getContentType();
        return EXTENSIONS.contains(ext) && type.startsWith("image/") ? ext : null;
    }

    /** Item → stored file name, for the photos chosen (empty file inputs are skipped). */
    Map<String, String> store(String visitId, Map<String, MultipartFile> photos) {
        Map<String, String> stored = new LinkedHashMap<>();
        Path dir = dir(visitId);
        try {
            for (Map.Entry<String, MultipartFile> e : photos.entrySet()) {
                String name = e.getKey() + "." + extension(e.getValue());
                Files.createDirectories(dir);
                e.getValue().transferTo(dir.resolve(name).toAbsolutePath());
                stored.put(e.getKey(), name);
            }
        } catch (IOException e) {
            discard(visitId);
            throw new UncheckedIOException(e);
        }
        return stored;
    }

    /** What the stored photos of the visit say about when and where they were taken (item → file name). */
    List<VisitPhoto> metadata(String visitId, Map<String, String> stored) {
        Path dir = dir(visitId);
        return stored.values().stream().map(name -> PhotoMetadata.read(name, dir.resolve(name))).toList();
    }

    /** Removes the photos of a visit that was not stored after all. */
    void discard(String visitId) {
        Path dir = dir(visitId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored photo; 404 for any other name. */
    Path find(String visitId, String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new NotFoundException("照片不存在：" + name);
        }
        Path file = dir(visitId).resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new NotFoundException("照片不存在：" + name);
        }
        return file;
    }

    private Path dir(String visitId) {
        if (!SAFE_ID.matcher(visitId).matches() || visitId.contains("..")) {
            throw new NotFoundException("检查记录不存在：" + visitId);
        }
        return root.resolve(visitId);
    }
}
