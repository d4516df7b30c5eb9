package io.jenkins.plugins.containerrollout;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

/**
 * The package diagram of docs/architecture.md, checked on the compiled main classes (tests excluded). Modelled on
 * warnings-ng's {@code PackageArchitectureTest}. Every rule is a {@code noClasses()} or a cycle rule, and ArchUnit
 * fails a rule whose subject matches no class, so a renamed package cannot make a rule pass vacuously.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = ArchitectureTest.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {
    static final String ROOT = "io.jenkins.plugins.containerrollout";
    private static final String CORE = ROOT + ".core..";

    /**
     * {@code core} and {@code cli} run in the CLI and on an agent without any Jenkins class (STYLE.md convention 1),
     * so neither may use one.
     */
    @ArchTest
    static final ArchRule CORE_AND_CLI_USE_NO_JENKINS_TYPE = noClasses()
            .that().resideInAnyPackage(CORE, ROOT + ".cli..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..")
            .because("core and cli must run without Jenkins (STYLE.md convention 1)");

    /** Every package is a slice: a cycle between any two means neither can be read, tested or moved alone. */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices()
            .matching(ROOT + ".(**)")
            .should().beFreeOfCycles();

    /** The front-ends call the core, never the other way round. */
    @ArchTest
    static final ArchRule CORE_DOES_NOT_USE_FRONT_ENDS = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".cli..", ROOT + ".steps..", ROOT + ".model..")
            .because("cli, steps and model are front-ends over the core");

    /**
     * The deploy API knows no implementation: the front-ends choose a target once and the rest of their code is the
     * same for every target (docker-java's {@code -api} vs {@code -core} split).
     */
    @ArchTest
    static final ArchRule DEPLOY_API_USES_NO_TARGET = noClasses()
            .that().resideInAPackage(ROOT + ".core.deploy")
            .should().dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".core.deploy.docker..", ROOT + ".core.swarm..", ROOT + ".core.router..")
            .because("core.deploy is the API every target implements");

    /** The two targets sit side by side: Swarm shares the API with the Docker host, not its implementation. */
    @ArchTest
    static final ArchRule SWARM_DOES_NOT_USE_DOCKER_HOST_DEPLOYER = noClasses()
            .that().resideInAPackage(ROOT + ".core.swarm..")
            .should().dependOnClassesThat().resideInAPackage(ROOT + ".core.deploy.docker..")
            .because("core.swarm and core.deploy.docker are two implementations of core.deploy");

    /** Reports and metrics are drawn from records: they need no deployer, no router, no Swarm, no engine client. */
    @ArchTest
    static final ArchRule REPORT_AND_METRICS_USE_RECORDS_ONLY = noClasses()
            .that().resideInAnyPackage(ROOT + ".core.report..", ROOT + ".core.metrics..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".core.deploy..", ROOT + ".core.router..", ROOT + ".core.swarm..",
                    ROOT + ".core.engine..")
            .because("a report is rendered from records, also where no engine is reachable");

    /**
     * The engine client's types (and its exceptions) stay in the packages that talk to the engine; everything else
     * sees project types, so a change of client, or of its exception hierarchy, touches those packages only.
     */
    @ArchTest
    static final ArchRule ENGINE_CLIENT_ONLY_IN_ENGINE_PACKAGES = noClasses()
            .that().resideOutsideOfPackages(ROOT + ".core.engine..", ROOT + ".core.deploy.docker..",
                    ROOT + ".core.swarm..", ROOT + ".core.image..", ROOT + ".core.verify..")
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
            .because("docker-java is the engine client; only the engine packages use it");

    /**
     * The rollout loop and its pure plans reach the engine only through {@code ReplicaEngine}, in project types: the
     * engine client's exceptions stop at {@code AppEngine}, and the plans are tested without an engine.
     */
    @ArchTest
    static final ArchRule ROLLOUT_LOOP_SEES_NO_ENGINE_CLIENT = noClasses()
            .that().haveNameMatching(ROOT.replace(".", "\\.") + "\\.core\\.deploy\\.docker\\.(Rollout|ReplicaSet|Canary"
                    + "|ReplicaCheck|BatchPlan|SlotPlan|TrafficPlan|Background|Tracked|ProgressDeadline|ReplicaEngine"
                    + "|ReplicaState|DeployerResources)(\\$.*)?")
            .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
            .because("Rollout, ReplicaSet, Canary and the plans decide; AppEngine talks to the engine");

    /** The front-ends open a target through {@code core.targets} and then hold the deploy API only. */
    @ArchTest
    static final ArchRule FRONT_ENDS_OPEN_TARGETS_THROUGH_DEPLOYERS = noClasses()
            .that().resideInAnyPackage(ROOT + ".cli..", ROOT + ".steps..", ROOT + ".model..")
            .should().dependOnClassesThat()
            .resideInAnyPackage(ROOT + ".core.deploy.docker..", ROOT + ".core.swarm..")
            .because("Deployers.open is the one place that chooses a target");

    /**
     * {@code core.analysis} (traffic windows, verdicts, the Prometheus query) stands alone: the deploy API, the
     * deployers, the router, the record and the front-ends all use its types without a dependency back.
     */
    @ArchTest
    static final ArchRule ANALYSIS_STANDS_ALONE = noClasses()
            .that().resideInAPackage(ROOT + ".core.analysis")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.fasterxml.jackson..",
                    ROOT + ".core.analysis", ROOT + ".core")
            .because("every part of the project may use analysis results without a cycle");
}
