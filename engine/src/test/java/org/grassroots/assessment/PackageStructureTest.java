package org.grassroots.assessment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form no cycle (neither the top-level packages with their subpackages as one
 * slice each, nor single packages), and the engine knows nothing of Spring or HTTP. Checked on the
 * compiled main classes.
 */
class PackageStructureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // the shipped rules' executable model, Java that Drools generates from the DRL at build
                // time (ruleset.ExecutableModelGenerator), is not the engine's code: its lambda
                // subpackages and the rule class call each other by design
                .withImportOption(location -> !location.contains("/org/grassroots/assessment/rules/"))
                .importPackages("org.grassroots.assessment");
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.grassroots.assessment.(*)..").should().beFreeOfCycles().check(engine);
    }

    /** Also inside a top-level package: e.g. {@code ruleset.fence} does not depend back on {@code ruleset}. */
    @Test
    void noPackageFormsACycleWithItsSubpackages() {
        slices().matching("org.grassroots.assessment.(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void engineDoesNotDependOnSpringOrServlets() {
        noClasses().that().resideInAPackage("org.grassroots.assessment..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "javax.servlet..")
                .check(engine);
    }
}
