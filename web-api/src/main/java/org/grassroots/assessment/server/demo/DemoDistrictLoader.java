package org.grassroots.assessment.server.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.grassroots.assessment.bundle.BundleValidationException;
import org.grassroots.assessment.fixtures.Fixtures;
import org.grassroots.assessment.server.AssessmentProperties;
import org.grassroots.assessment.server.BackgroundWork;
import org.grassroots.assessment.server.evaluation.EvaluationPublisher;
import org.grassroots.assessment.server.evaluation.EvaluationRunner;
import org.grassroots.assessment.server.ruleset.ShippedRuleSet;
import org.grassroots.assessment.server.importing.BundleImportService;
import org.grassroots.assessment.server.importing.ImportCounts;
import org.grassroots.assessment.server.organization.OrganizationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On start with {@code assessment.demo=true} and no organization stored, imports the demo district
 * (fixtures module) through the ordinary import, in one transaction, then evaluates it (2025
 * published, 2026 to date), and adds one demo user per role ({@link DemoUsers}). With demo=false, or
 * once anything is stored, it does nothing.
 *
 * <p>The loading starts on a thread of its own as soon as this bean is ready (its collaborators are
 * then, the schema is migrated, the shipped rule set and the administrator are stored), so that it runs
 * beside the rest of the context's start (security, web server, actuator) instead of after it. As an
 * {@link ApplicationRunner} it then waits for it: the application is ready (readiness probe) only
 * once the demo district is loaded, and a failed load still fails the start.
 */
@Component
@DependsOn({"rulesInForce", "administratorBootstrap"})
class DemoDistrictLoader implements InitializingBean, ApplicationRunner {

    static final String ACTOR = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDistrictLoader.class);

    private final AssessmentProperties properties;
    private final OrganizationRepository organizations;
    private final BundleImportService importer;
    private final Environment environment;
    private final EvaluationRunner evaluations;
    private final EvaluationPublisher publisher;
    private final DemoUsers users;
    private BackgroundWork<Void, BundleValidationException> loading;

    DemoDistrictLoader(AssessmentProperties properties, OrganizationRepository organizations,
                       BundleImportService importer, Environment environment, EvaluationRunner evaluations,
                       EvaluationPublisher publisher, DemoUsers users) {
        this.users = users;
        this.properties = properties;
        this.organizations = organizations;
        this.importer = importer;
        this.environment = environment;
        this.evaluations = evaluations;
        this.publisher = publisher;
    }

    @Override
    public void afterPropertiesSet() {
        loading = BackgroundWork.start("demo-district-loader", BundleValidationException.class, () -> {
            load();
            return null;
        });
    }

    @Override
    public void run(ApplicationArguments args) throws BundleValidationException {
        loading.join();
    }

    private void load() throws BundleValidationException {
        if (!properties.demo()) {
            log.info("assessment.demo=false: starting without the demo district");
            return;
        }
        if (organizations.count() > 0) {
            log.info("the database holds organizations already: the demo district is not loaded again");
            return;
        }
        ImportCounts counts;
        try (InputStream in = Fixtures.demoDistrict()) {
            counts = importer.importBundle(in, ACTOR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("演示区数据已载入 (demo district loaded): {} organizations, {} period facts, {} members, {} visits"
                        + " with {} findings",
                counts.organizations(), counts.periodFacts(), counts.members(), counts.visits(), counts.findings());
        users.add();
        evaluateDemoYears();
        log.info("演示区已完成考评 (demo evaluations ready): 2025 published, 2026 evaluated; open {}",
                ServerUrl.of(environment));
    }

    /**
     * Grades the demo district as the evaluation office would have: last year's evaluation published
     * as the official grades, this year's evaluated to date, so rankings and movement show at once.
     */
    private void evaluateDemoYears() {
        long lastYear = evaluations.run(evaluations.target("2025", null));
        publisher.publish(lastYear);
        evaluations.run(evaluations.target("2026", null));
        ShippedRuleSet.markWarm();
    }
}
