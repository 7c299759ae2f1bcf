package org.grassroots.assessment.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The server's feature packages (the direct subpackages of {@code org.grassroots.assessment.server})
 * are Spring Modulith application modules: no cycle between them, and no module reaches into
 * another's subpackages (only the types of a module's own package are its API). Runs on the
 * compiled classes, without a Spring context.
 */
@DatabaseAgnostic
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(AssessmentServerApplication.class);

    @Test
    void modulesFormNoCycleAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    /** Writes the module diagram (PlantUML) to target/spring-modulith-docs; docs/modules.puml is a copy. */
    @Test
    void writesTheModuleDiagram() {
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
