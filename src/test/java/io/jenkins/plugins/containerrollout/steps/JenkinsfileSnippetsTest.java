package io.jenkins.plugins.containerrollout.steps;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Every Jenkinsfile snippet of README.md, docs/ (with docs/example/Jenkinsfile) and the in-Jenkins help parses as
 * Groovy, calls only our steps and symbols or standard Pipeline steps, and binds through our describables the way
 * structs binds a running Pipeline's arguments ({@link StructsBinding} says which source each rule comes from). The
 * cases below prove the check fails on what it must catch.
 */
public class JenkinsfileSnippetsTest {
    private static StructsBinding binding;
    private static SnippetChecker checker;

    @BeforeClass
    public static void readOurClasses() throws Exception {
        binding = StructsBinding.ours();
        checker = new SnippetChecker(binding);
    }

    @Test
    public void everySnippetOfTheDocsAndHelpParsesAndBinds() throws Exception {
        Pattern ours = Pattern.compile("\\b(" + String.join("|", binding.names()) + ")(\\s*\\(|\\s+\\w+:)");
        List<Snippets.Snippet> snippets = Snippets.all(Path.of(System.getProperty("project.basedir", ".")),
                code -> ours.matcher(code).find());
        List<String> problems = new ArrayList<>();
        for (Snippets.Snippet snippet : snippets) {
            problems.addAll(checker.check(snippet.where(), snippet.code()));
        }
        System.out.println("checked " + snippets.size() + " snippets"); // in the test's -output.txt
        assertTrue("snippets found: " + snippets.size(), snippets.size() > 20);
        assertEquals("snippets that would not run as written:\n" + String.join("\n", problems), List.of(), problems);
    }

    @Test
    public void theProjectsJenkinsfilePublishesFailsafeResultsAndNeverSkipsTheGates() throws Exception {
        String jenkinsfile = java.nio.file.Files.readString(Path.of(System.getProperty("project.basedir", "."), "Jenkinsfile"));
        assertEquals(List.of(), checker.check("Jenkinsfile", jenkinsfile));
        // the CLI-jar integration tests (*IT) report to failsafe-reports; the junit step reads only what it is given
        assertTrue(jenkinsfile, Pattern.compile("junit testResults: '[^']*target/surefire-reports/\\*\\.xml[^']*"
                + "target/failsafe-reports/\\*\\.xml").matcher(jenkinsfile).find());
        // scripts/test skips the packaging gates without ../shared unless CI=true, and Jenkins does not set CI
        assertTrue(jenkinsfile, Pattern.compile("environment \\{[^}]*\\bCI = 'true'").matcher(jenkinsfile).find());
        assertTrue(java.nio.file.Files.readString(Path.of(System.getProperty("project.basedir", "."), "scripts", "test"))
                .contains("elif [ \"${CI:-}\" = true ]; then"));
    }

    @Test
    public void everyFormFieldAndFieldHelpNamesAParameter() throws Exception {
        // Stapler binds a form's field to the @DataBoundConstructor parameter or @DataBoundSetter of the same name, as
        // structs binds a script's argument; help-<field>.html is shown for it. A renamed parameter must rename both.
        Path views = Path.of(System.getProperty("project.basedir", "."), "src/main/resources/io/jenkins/plugins/containerrollout/steps");
        Pattern field = Pattern.compile("field=\"(\\w+)\"");
        List<String> problems = new ArrayList<>();
        try (var dirs = java.nio.file.Files.list(views)) {
            for (Path dir : (Iterable<Path>) dirs.filter(java.nio.file.Files::isDirectory)::iterator) {
                Class<?> type = Class.forName("io.jenkins.plugins.containerrollout.steps." + dir.getFileName(), false,
                        getClass().getClassLoader());
                java.util.Set<String> parameters = StructsBinding.parameters(type).keySet();
                try (var files = java.nio.file.Files.list(dir)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        String name = file.getFileName().toString();
                        List<String> fields = new ArrayList<>();
                        if (name.equals("config.jelly")) {
                            var m = field.matcher(java.nio.file.Files.readString(file));
                            while (m.find()) {
                                fields.add(m.group(1));
                            }
                        } else if (name.startsWith("help-")) {
                            fields.add(name.substring(5, name.length() - 5));
                        }
                        fields.stream().filter(f -> !parameters.contains(f))
                                .forEach(f -> problems.add(dir.getFileName() + "/" + name + ": " + f));
                    }
                }
            }
        }
        assertEquals("form fields or help files without a parameter:\n" + String.join("\n", problems), List.of(), problems);
    }

    @Test
    public void aMisspeltParameterIsCaught() {
        List<String> problems = checker.check("case", "node { containerDeploy(app: 'web', image: 'web:1', portBase: 21000, replica: 2) }");
        assertEquals(1, problems.size());
        assertTrue(problems.get(0), problems.get(0).contains("unknown parameter 'replica'"));
    }

    @Test
    public void anUnknownSymbolOrStepIsCaught() {
        assertTrue(checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: 21000, strategy: rollin())")
                .stream().anyMatch(p -> p.contains("no known implementation of DeployStrategy is using symbol 'rollin'")));
        assertTrue(checker.check("case", "node { containerDeplo(app: 'web') }")
                .stream().anyMatch(p -> p.contains("'containerDeplo' is neither")));
    }

    @Test
    public void aSymbolOfTheWrongKindIsCaught() {
        List<String> problems = checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: 21000, strategy: haproxy())");
        assertTrue(String.join("\n", problems), problems.stream().anyMatch(p -> p.contains("DeployStrategy is using symbol 'haproxy'")));
    }

    @Test
    public void aValueOfTheWrongTypeIsCaughtAsStructsWouldRefuseIt() {
        // DescribableModel.coerce: a String binds to an int only when it parses; a number never binds to a String
        assertTrue(checker.check("case", "containerDeploy(app: 'web', image: 'web:1', replicas: 'many', portBase: 1)")
                .stream().anyMatch(p -> p.contains("containerDeploy.replicas expects int")));
        assertTrue(checker.check("case", "containerDeploy(app: 7, image: 'web:1', portBase: 21000)").stream()
                .anyMatch(p -> p.contains("containerDeploy.app expects java.lang.String but received java.lang.Integer")));
        // structs would parse '21000', Declarative refuses it in a steps block (ModelValidatorImpl.validateParameterType)
        assertTrue(checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: '21000')").stream()
                .anyMatch(p -> p.contains("Declarative refuses the string \"21000\"")));
        assertEquals(List.of(), checker.check("case", "containerDeploy(app: 'web', image: 'web:1', portBase: 21000)"));
    }

    @Test
    public void nestedMapsBindToConcreteDescribables() {
        assertEquals(List.of(), checker.check("case", "canary(steps: [[weight: 10, pause: 30], [weight: 100]])"));
        assertTrue(checker.check("case", "canary(steps: [[weight: 10, paws: 30]])").stream()
                .anyMatch(p -> p.contains("unknown parameter 'paws'")));
    }

    @Test
    public void canaryAnalysesBindByTheirSymbols() {
        assertEquals(List.of(), checker.check("case", "canary(analysis: router(minRequests: 20, maxResponseMillis: 300, "
                + "maxPointsWorseThanStable: 1, extraPauses: 2, inconclusive: 'fail'))"));
        assertEquals(List.of(), checker.check("case", "canary(analysis: synthetic(), analysisRequests: 50)"));
        assertEquals(List.of(), checker.check("case", "canary(analysis: prometheus(url: 'http://127.0.0.1:9090', "
                + "query: 'sum(up)', minValue: 1, maxValue: 0.5, extraPauses: 0, inconclusive: 'synthetic'))"));
        assertTrue(checker.check("case", "canary(analysis: prometheus(uri: 'http://127.0.0.1:9090', query: 'up'))")
                .stream().anyMatch(p -> p.contains("unknown parameter 'uri'")));
        assertTrue(checker.check("case", "canary(analysis: synthetic(extraPauses: 1))")
                .stream().anyMatch(p -> p.contains("unknown parameter 'extraPauses'")));
        assertTrue(checker.check("case", "canary(analysis: haproxy())")
                .stream().anyMatch(p -> p.contains("CanaryAnalysisSource is using symbol 'haproxy'")));
    }

    @Test
    public void deployingABuildsBareDigestIsCaught() {
        assertTrue(checker.check("case", "containerDeploy(app: 'web', image: img.digest, portBase: 21000)").stream()
                .anyMatch(p -> p.contains("deploy its imageRef")));
        assertEquals(List.of(), checker.check("case", "containerDeploy(app: 'web', image: img.imageRef, portBase: 21000)"));
    }

    @Test
    public void aSnippetThatDoesNotParseIsCaught() {
        assertTrue(checker.check("case", "containerDeploy(app: 'web'").get(0).contains("does not parse as Groovy"));
    }
}
