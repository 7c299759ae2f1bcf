package org.grassroots.assessment.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;

/**
 * The shipped rule set compiled to Drools' executable model at build time
 * ({@link ExecutableModelGenerator}): the names of the generated rule models and the checksum of
 * the rule files they were generated from. Loading the KieBase from these classes takes a fraction
 * of a second where compiling the DRL takes seconds.
 *
 * <p>The classes are used only for exactly the files they were made from: {@link #madeFrom} compares
 * the checksum of the files being loaded with the recorded one (a jar whose DRL was changed after
 * the build, or classes left from an older build in a development tree, do not match, and the
 * DRL is compiled instead).
 */
final class ExecutableModel {

    /** Where the build writes the descriptor, beside the generated classes. */
    static final String DESCRIPTOR = "META-INF/assessment-rules/executable-model.properties";

    private final String checksum;
    private final List<String> modelClasses;

    private ExecutableModel(String checksum, List<String> modelClasses) {
        this.checksum = checksum;
        this.modelClasses = List.copyOf(modelClasses);
    }

    /** The descriptor's text: the checksum of the rule files and the model classes. */
    static String descriptor(String checksum, List<String> modelClasses) {
        return "# the shipped rule set's executable model, written by the build; the classes were generated from\n"
                + "# the rule files with this checksum and are used only for them\n"
                + "checksum=" + checksum + "\n"
                + "models=" + String.join(",", modelClasses) + "\n";
    }

    static ExecutableModel parse(String descriptor) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(descriptor));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String checksum = p.getProperty("checksum", "").trim();
        List<String> models = new ArrayList<>();
        Arrays.stream(p.getProperty("models", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(models::add);
        if (checksum.isEmpty() || models.isEmpty()) {
            throw new IllegalStateException(DESCRIPTOR + " names no checksum or no model");
        }
        return new ExecutableModel(checksum, models);
    }

    /** The model the build put on the classpath beside the engine, if any. */
    static Optional<ExecutableModel> onClasspath() {
        try (InputStream in = ExecutableModel.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String checksum() {
        return checksum;
    }

    /** The generated rule models' class names. */
    List<String> modelClasses() {
        return modelClasses;
    }

    /** Whether the model was generated from files with this checksum ({@link RuleSet#checksum}). */
    boolean madeFrom(String filesChecksum) {
        return checksum.equals(filesChecksum);
    }

    /** A new KieBase from the generated classes (loaded by the engine's class loader, where the build put them). */
    KieBase newKieBase() {
        List<Model> models = new ArrayList<>();
        ClassLoader loader = ExecutableModel.class.getClassLoader();
        for (String name : modelClasses) {
            try {
                models.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("the executable model names a class that cannot be loaded: " + name, e);
            }
        }
        return KieBaseBuilder.createKieBaseFromModel(models);
    }
}
