package org.grassroots.assessment.server.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.grassroots.assessment.server.AssessmentProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files a representative uploads when submitting a rectification item (stored under
 * {@code <data-dir>/uploads/rectifications/<item id>/}) or with a self-reported fact (under
 * {@code <data-dir>/uploads/self-reports/<report id>/<fact>/}), as {@code <12 hex>-<original name>.<ext>}
 * (a name the server chooses: random, then the uploaded name's letters and digits, then the
 * extension of what the file really is). That name is what the submit step records as evidence.
 * Each file is checked before any is kept: its kind ({@link EvidenceFileType}) and its size.
 */
@Component
public class EvidenceFiles {

    /** The largest evidence file kept, in MiB (a phone photo is 2–8 MiB; a scanned document a few). */
    public static final int MAX_MIB = 20;
    private static final long MAX_BYTES = MAX_MIB * 1024L * 1024L;
    private static final Pattern STORED = Pattern.compile("^[0-9a-f]{12}-([\\p{L}\\p{N}_-]{0,40})\\.([a-z]{3,4})$");
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final Path root;

    /** The folders of a kind of upload, below the data folder's {@code uploads}. */
    public enum Folder {
        RECTIFICATIONS("rectifications"), SELF_REPORTS("self-reports");

        private final String name;

        Folder(String name) {
            this.name = name;
        }
    }

    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9]+(/[A-Za-z0-9]+)?$");

    EvidenceFiles(AssessmentProperties properties) {
        this.root = properties.dataDir().resolve("uploads");
    }

    /** A file checked and ready to keep. */
    public record Checked(MultipartFile file, EvidenceFileType type) {
    }

    /**
     * Checks every chosen file (empty inputs are skipped): the files to keep, or the problems, one
     * per file that is refused, each naming the file.
     */
    public static List<String> check(List<MultipartFile> files, List<Checked> accepted) {
        List<String> problems = new ArrayList<>();
        for (MultipartFile file : files) {
            if (file == null || file.isEmpty()) {
                continue;
            }
            String name = file.getOriginalFilename() == null ? "文件" : file.getOriginalFilename();
            if (file.getSize() > MAX_BYTES) {
                problems.add("“" + name + "”超过 " + MAX_MIB + " MB");
                continue;
            }
            try (InputStream in = file.getInputStream()) {
                Optional<EvidenceFileType> type = EvidenceFileType.of(in);
                if (type.isEmpty()) {
                    problems.add("“" + name + "”不是可接受的文件（只接受" + EvidenceFileType.ACCEPTED + "）");
                } else {
                    accepted.add(new Checked(file, type.get()));
                }
            } catch (IOException e) {
                problems.add("“" + name + "”无法读取");
            }
        }
        return problems;
    }

    /** Keeps the checked files of an item; the names to record as its evidence. All or none are kept. */
    public List<String> store(long itemId, List<Checked> files) {
        return store(Folder.RECTIFICATIONS, Long.toString(itemId), files);
    }

    /**
     * Keeps checked files under a folder and key ({@code <report id>/<fact>}: letters and digits, at
     * most one slash); the names to record. All or none are kept.
     */
    public List<String> store(Folder folder, String key, List<Checked> files) {
        List<Path> written = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try {
            Path dir = Files.createDirectories(dir(folder, key));
            for (Checked c : files) {
                String name = HexFormat.of().formatHex(randomBytes()) + "-" + base(c.file().getOriginalFilename())
                        + "." + c.type().extension();
                Path partial = Files.createTempFile(dir, ".upload-", ".part");
                written.add(partial);
                try (InputStream in = c.file().getInputStream()) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Path target = dir.resolve(name);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
                names.add(name);
            }
            return names;
        } catch (IOException e) {
            discard(written);
            throw new UncheckedIOException(e);
        }
    }

    /** Removes files kept for a submission that was not recorded after all. */
    public void discard(long itemId, List<String> names) {
        discard(Folder.RECTIFICATIONS, Long.toString(itemId), names);
    }

    public void discard(Folder folder, String key, List<String> names) {
        discard(names.stream().map(n -> dir(folder, key).resolve(n)).toList());
    }

    /** A stored evidence file of the item, when the name is one this class gives and the file exists. */
    public Optional<Stored> find(long itemId, String name) {
        return find(Folder.RECTIFICATIONS, Long.toString(itemId), name);
    }

    /** A stored file under a folder and key, when the name is one this class gives and the file exists. */
    public Optional<Stored> find(Folder folder, String key, String name) {
        Matcher m = STORED.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<EvidenceFileType> type = EvidenceFileType.ofExtension(m.group(2));
        Path file = dir(folder, key).resolve(name);
        if (type.isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new Stored(file, type.get(), m.group(1).isEmpty() ? name : m.group(1) + "." + m.group(2)));
    }

    /** Whether an evidence entry names a file stored by this class (else it is a name or a link the user typed). */
    public static boolean isStoredName(String evidence) {
        return evidence != null && STORED.matcher(evidence).matches();
    }

    /** What the pages call a stored file: the uploaded name without the random prefix. */
    public static String shownName(String evidence) {
        Matcher m = STORED.matcher(evidence);
        return m.matches() && !m.group(1).isEmpty() ? m.group(1) + "." + m.group(2) : evidence;
    }

    /** A stored file, its kind and the name to show and download it under. */
    public record Stored(Path path, EvidenceFileType type, String shownName) {
    }

    private Path dir(Folder folder, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a key of uploaded files: " + key);
        }
        return root.resolve(folder.name).resolve(key);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The uploaded name's base, letters, digits, '-' and '_' only, at most 40 characters. */
    static String base(String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String kept = name.replaceAll("[^\\p{L}\\p{N}_-]", "");
        return kept.length() > 40 ? kept.substring(0, 40) : kept;
    }

    private static void discard(List<Path> files) {
        for (Path p : files) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a left-over file is never listed (no step names it)
            }
        }
    }
}
