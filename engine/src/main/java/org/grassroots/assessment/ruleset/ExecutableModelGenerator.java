package org.grassroots.assessment.ruleset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.grassroots.assessment.ruleset.fence.RuleClassLoader;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * A build step (the engine's {@code process-classes} phase runs it): compiles the shipped rule set
 * to Drools' executable model, rules as Java classes, and writes those classes and a descriptor
 * ({@link ExecutableModel#DESCRIPTOR}) into the engine's classes, so that the shipped set loads at
 * run time without compiling DRL. The build fails when the rule-language fence refuses a file or
 * either compile (the executable model or the classic one) reports an error.
 *
 * <p>Drools' {@code kie-maven-plugin} does the same for a project whose rules are its own
 * resources under a kmodule.xml; here the rules are the rules module's files, compiled against the
 * engine's classes behind the rule-language fence, and the descriptor records which files the
 * classes were made from, so a small main of our own is simpler than bending the plugin to fit.
 *
 * <p>Only used at build time (the CLI and the server carry Drools' code generator anyway: the
 * classic compile comes with it in {@code drools-engine}).
 */
public final class ExecutableModelGenerator {

    private ExecutableModelGenerator() {
    }

    /** {@code ExecutableModelGenerator RULE_DIR CLASSES_DIR}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ExecutableModelGenerator RULE_DIR CLASSES_DIR");
            System.exit(2);
        }
        try {
            if (upToDate(Path.of(args[0]), Path.of(args[1]))) {
                System.out.println("executable model of " + args[0] + ": up to date");
                return;
            }
            List<String> written = generate(Path.of(args[0]), Path.of(args[1]));
            System.out.println("executable model of " + args[0] + ": " + written.size() + " files written to " + args[1]);
        } catch (RuleSetCompilationException e) {
            System.err.println("the shipped rule set does not compile:");
            e.messages().forEach(m -> System.err.println("  " + m));
            System.exit(3);
        }
    }

    /**
     * Fences and compiles the rule files of {@code ruleDir} both ways, and writes the executable
     * model's classes and the descriptor under {@code classesDir}; the names of the files written.
     */
    static List<String> generate(Path ruleDir, Path classesDir) throws IOException, RuleSetCompilationException {
        SortedMap<String, String> files = new TreeMap<>(RuleSetLoader.readDirectory(ruleDir));
        // no descriptor of an earlier generation survives a failed one
        Files.deleteIfExists(classesDir.resolve(ExecutableModel.DESCRIPTOR));
        // the classic compile: the fence, then Drools behind the rule class loader (what a draft gets)
        RuleSet.compile(files);

        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.grassroots.assessment", "shipped-rules", "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        files.forEach((name, content) -> {
            if (RuleSet.isRuleFile(name)) {
                kfs.write(RuleSet.RESOURCE_FOLDER + name, content);
            }
        });
        // behind the rule class loader too, with what the model's generated Java needs besides
        RuleClassLoader loader = RuleClassLoader.forExecutableModelBuild(ExecutableModelGenerator.class.getClassLoader());
        KieBuilder builder;
        try {
            builder = ks.newKieBuilder(kfs, loader).buildAll(ExecutableModelProject.class);
        } catch (RuntimeException e) {
            // with a form it cannot take, the model's generator sometimes stops with an exception
            // instead of a message (which depends on the other rules of the package): a refusal all the same
            throw new RuleSetCompilationException(List.of(new RuleMessage(RuleMessage.Level.ERROR, null, 0, 0,
                    "the executable model cannot be generated: " + e.getMessage())));
        }
        List<RuleMessage> errors = new ArrayList<>();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            errors.add(RuleSet.toRuleMessage(m));
        }
        if (!errors.isEmpty()) {
            throw new RuleSetCompilationException(errors);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        // the classes of an earlier generation have other names (hashes of the rules): remove them
        deleteTree(classesDir.resolve(RuleSet.RULES_PACKAGE.replace('.', '/')));
        List<String> written = new ArrayList<>();
        List<String> models = new ArrayList<>();
        for (String name : new TreeSet<>(module.getFileNames())) {
            // the rules' classes only: Drools' project-model class and its kmodule files are for
            // KieContainers, which the loader does not use (it builds the KieBase from the models)
            if (name.endsWith(".class") && name.startsWith(RuleSet.RULES_PACKAGE.replace('.', '/') + "/")) {
                write(classesDir.resolve(name), module.getBytes(name));
                written.add(name);
            }
        }
        String modelFile = CanonicalKieModule.getModelFileWithGAV(releaseId);
        byte[] modelList = module.getBytes(modelFile);
        if (modelList == null) {
            throw new IllegalStateException("Drools wrote no model list (" + modelFile + "); files: " + module.getFileNames());
        }
        for (String line : new String(modelList, StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank() && !line.startsWith(CanonicalKieModule.MODEL_VERSION)) {
                models.add(line.trim());
            }
        }
        if (models.isEmpty()) {
            throw new IllegalStateException("Drools listed no rule model in " + modelFile);
        }
        Path descriptor = classesDir.resolve(ExecutableModel.DESCRIPTOR);
        write(descriptor, ExecutableModel.descriptor(RuleSet.checksum(files), models).getBytes(StandardCharsets.UTF_8));
        written.add(ExecutableModel.DESCRIPTOR);
        return written;
    }

    /**
     * Whether the model under {@code classesDir} was generated from these very rule files and no
     * class it was compiled against changed since: its descriptor names the files' checksum and is
     * newer than every class outside the rules' package (the facts, the functions the rules import,
     * this generator). An incremental build that changed neither then skips the 15 to 30 s of CPU a
     * generation costs; {@code mvn clean} or any change to the rules or the engine regenerates.
     */
    static boolean upToDate(Path ruleDir, Path classesDir) throws IOException {
        Path descriptor = classesDir.resolve(ExecutableModel.DESCRIPTOR);
        if (!Files.isRegularFile(descriptor)) {
            return false;
        }
        ExecutableModel model;
        try {
            model = ExecutableModel.parse(Files.readString(descriptor, StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            return false;
        }
        if (!model.madeFrom(RuleSet.checksum(new TreeMap<>(RuleSetLoader.readDirectory(ruleDir))))) {
            return false;
        }
        for (String modelClass : model.modelClasses()) {
            if (!Files.isRegularFile(classesDir.resolve(modelClass.replace('.', '/') + ".class"))) {
                return false;
            }
        }
        long generated = Files.getLastModifiedTime(descriptor).toMillis();
        Path rules = classesDir.resolve(RuleSet.RULES_PACKAGE.replace('.', '/'));
        try (var paths = Files.walk(classesDir)) {
            return paths.filter(p -> p.toString().endsWith(".class") && !p.startsWith(rules))
                    .noneMatch(p -> lastModified(p) > generated);
        }
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
