package io.jenkins.plugins.containerrollout.core.analysis;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchUnitRunner;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.runner.RunWith;

/**
 * {@code core.analysis} stands alone (package-info): the deploy API, the deployers, the router and the front-ends may
 * all use its types without a dependency back. Checked on the compiled main classes, as ArchitectureTest does.
 */
@RunWith(ArchUnitRunner.class)
@AnalyzeClasses(packages = "io.jenkins.plugins.containerrollout", importOptions = ImportOption.DoNotIncludeTests.class)
public class AnalysisArchitectureTest {
    private static final String ANALYSIS = "io.jenkins.plugins.containerrollout.core.analysis";

    @ArchTest
    static final ArchRule ANALYSIS_USES_ONLY_THE_JDK_AND_JACKSON = noClasses()
            .that().resideInAPackage(ANALYSIS)
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.fasterxml.jackson..", ANALYSIS)
            .because("every part of the project may use analysis results without a cycle");
}
