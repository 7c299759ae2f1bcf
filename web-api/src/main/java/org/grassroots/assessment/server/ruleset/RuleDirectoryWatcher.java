package org.grassroots.assessment.server.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.grassroots.assessment.ruleset.RuleSetCompilationException;
import org.grassroots.assessment.ruleset.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Watches a rules directory ({@code assessment.rules.watch-dir}, off when empty, the default) for
 * maintainers who edit the files on the server: every {@code assessment.rules.watch-interval}
 * (default 2 s) the {@code .drl} files and {@code ruleset.properties} directly in it, and the
 * scenario files under its {@code scenarios/} folder, are read; when they differ from what was last
 * seen and the rules differ from the active set, and have stayed the same for one interval (so that
 * several files saved together make one version), they are compiled and, if they compile, stored as
 * a new version and activated unless one of its scenarios fails. When they do not compile or a
 * scenario fails, every error is logged and the active set stays. Polling (not a file system watch service) works on every file system
 * and sees an editor's save-by-rename the same way.
 */
@Component
class RuleDirectoryWatcher implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RuleDirectoryWatcher.class);

    private final RulesInForce service;
    private final String dir;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private Map<String, String> lastSeen;
    private Map<String, String> pending;

    RuleDirectoryWatcher(RulesInForce service, @Value("${assessment.rules.watch-dir:}") String dir,
            @Value("${assessment.rules.watch-interval:PT2S}") Duration interval) {
        this.service = service;
        this.dir = dir == null ? "" : dir.trim();
        this.interval = interval;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (dir.isEmpty()) {
            return;
        }
        Path path = Path.of(dir).toAbsolutePath();
        log.info("watching the rules directory {} every {}", path, interval);
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-directory-watcher");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(50, interval.toMillis());
        scheduler.scheduleWithFixedDelay(() -> poll(path), 0, millis, TimeUnit.MILLISECONDS);
    }

    /** One look at the directory; never throws (the schedule would stop). */
    void poll(Path path) {
        try {
            if (!Files.isDirectory(path)) {
                return;
            }
            Map<String, String> files = new java.util.TreeMap<>(RuleSetLoader.readDirectory(path));
            if (files.isEmpty()) {
                return;
            }
            // the scenarios under DIR/scenarios/ travel with the version and are run on activation
            RuleSetLoader.readScenarios(path)
                    .forEach((name, content) -> files.put(RuleSetFiles.SCENARIOS + name, content));
            if (files.equals(lastSeen)) {
                return;
            }
            if (!files.equals(pending)) {
                // wait until the files stay the same for one interval: several files saved together make one version
                pending = files;
                return;
            }
            lastSeen = files;
            Optional<RulesInForce.VersionView> activated = service.storeAndActivate(files,
                    "规则目录 " + path + " 的文件有变化 (changed in the watched rules directory)");
            activated.ifPresent(v -> log.info("rules directory {}: stored as version #{} {} ({}) and activated", path,
                    v.id(), v.version(), v.checksum()));
        } catch (RuleSetCompilationException e) {
            log.error("rules directory {}: the files do not compile; the active rule set stays. {} error(s):\n{}", path,
                    e.messages().size(), String.join("\n", e.messages().stream().map(Object::toString).toList()));
        } catch (org.grassroots.assessment.server.web.InvalidRequestException e) {
            log.error("rules directory {}: refused, the active rule set stays: {}\n{}", path, e.getMessage(),
                    String.join("\n", e.problems().stream().map(Object::toString).toList()));
        } catch (IOException | RuntimeException e) {
            log.error("rules directory {}: cannot be read or activated; the active rule set stays", path, e);
        }
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
