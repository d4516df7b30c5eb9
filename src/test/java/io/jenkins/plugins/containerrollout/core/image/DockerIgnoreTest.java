package io.jenkins.plugins.containerrollout.core.image;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** {@code .dockerignore} rules as the docker CLI reads and applies them (see {@link ContextParityEngineTest} for the proof). */
public class DockerIgnoreTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void skipsCommentLinesAndBlankLines() {
        DockerIgnore ignore = DockerIgnore.parse("# build output\n\n   \nfoo\n");
        assertEquals(List.of("foo"), ignore.patterns());
    }

    @Test
    public void treatsHashAfterLeadingWhitespaceAsAPattern() {
        assertTrue(DockerIgnore.parse("  #notes").excludes("#notes"));
    }

    @Test
    public void trimsWhitespaceAroundPatterns() {
        assertTrue(DockerIgnore.parse(" \t secret.txt \t ").excludes("secret.txt"));
    }

    @Test
    public void cleansDotSegmentsAndTrailingSlashes() {
        assertEquals(List.of("a", "c", "d", "../up"), DockerIgnore.parse("./a\nb/../c\nd/\n../up").patterns());
    }

    @Test
    public void dropsLeadingSlashSoPatternsAreRelativeToTheContextRoot() {
        DockerIgnore ignore = DockerIgnore.parse("/root.txt");
        assertTrue(ignore.excludes("root.txt"));
        assertFalse(ignore.excludes("sub/root.txt"));
    }

    @Test
    public void patternClimbingOutOfTheContextMatchesNothingInside() {
        DockerIgnore ignore = DockerIgnore.parse("../x\na/../../y");
        assertFalse(ignore.excludes("x"));
        assertFalse(ignore.excludes("y"));
    }

    @Test
    public void stripsByteOrderMarkAndCarriageReturns() {
        DockerIgnore ignore = DockerIgnore.parse("\uFEFFfoo\r\nbar\r\n");
        assertEquals(List.of("foo", "bar"), ignore.patterns());
    }

    @Test
    public void singleStarDoesNotCrossDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("*.log");
        assertTrue(ignore.excludes("app.log"));
        assertFalse(ignore.excludes("logs/app.log"));
    }

    @Test
    public void leadingDoubleStarMatchesAtAnyDepth() {
        DockerIgnore ignore = DockerIgnore.parse("**/*.log");
        assertTrue(ignore.excludes("app.log"));
        assertTrue(ignore.excludes("a/b/c/app.log"));
        assertFalse(ignore.excludes("a/b/app.txt"));
    }

    @Test
    public void doubleStarInTheMiddleMatchesZeroOrMoreDirectories() {
        DockerIgnore ignore = DockerIgnore.parse("a/**/b");
        assertTrue(ignore.excludes("a/b"));
        assertTrue(ignore.excludes("a/x/y/b"));
        assertFalse(ignore.excludes("a/x/c"));
    }

    @Test
    public void trailingDoubleStarMatchesEverythingBelowButNotTheDirectoryItself() {
        DockerIgnore ignore = DockerIgnore.parse("a/**");
        assertTrue(ignore.excludes("a/x/y"));
        assertFalse(ignore.excludes("a"));
        assertFalse(ignore.excludes("ab"));
    }

    @Test
    public void leadingDoubleStarWithoutSlashIsAPlainSuffixAsInDocker() {
        DockerIgnore ignore = DockerIgnore.parse("**foo");
        assertTrue(ignore.excludes("barfoo"));
        assertTrue(ignore.excludes("dir/barfoo"));
    }

    @Test
    public void questionMarkMatchesOneCharacterButNotASlash() {
        DockerIgnore ignore = DockerIgnore.parse("?.tmp\na?b");
        assertTrue(ignore.excludes("x.tmp"));
        assertFalse(ignore.excludes("xy.tmp"));
        assertFalse(ignore.excludes("a/b"));
    }

    @Test
    public void characterClassesMatchRangesAndNegations() {
        DockerIgnore ignore = DockerIgnore.parse("[a-c].txt\n[^a].md\n[xyz]");
        assertTrue(ignore.excludes("b.txt"));
        assertFalse(ignore.excludes("d.txt"));
        assertTrue(ignore.excludes("b.md"));
        assertFalse(ignore.excludes("a.md"));
        assertTrue(ignore.excludes("y"));
    }

    @Test
    public void backslashEscapesGlobMetacharacters() {
        DockerIgnore ignore = DockerIgnore.parse("file\\*.txt\nq\\?\n\\[x]");
        assertTrue(ignore.excludes("file*.txt"));
        assertFalse(ignore.excludes("fileX.txt"));
        assertTrue(ignore.excludes("q?"));
        assertFalse(ignore.excludes("qq"));
        assertTrue(ignore.excludes("[x]"));
    }

    @Test
    public void backslashLetterKeepsTheMeaningTheCliRegexGivesIt() {
        DockerIgnore ignore = DockerIgnore.parse("d\\d");
        assertTrue(ignore.excludes("d1"));
        assertFalse(ignore.excludes("dd"));
    }

    @Test
    public void backslashLetterWithoutARegexMeaningIsMalformed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("a\\y"));
        assertTrue(e.getMessage(), e.getMessage().contains("line 1"));
    }

    @Test
    public void regexMetacharactersAreLiteral() {
        DockerIgnore ignore = DockerIgnore.parse("a.b*\n(x)+{y}|$");
        assertTrue(ignore.excludes("a.bc"));
        assertFalse(ignore.excludes("aXbc"));
        assertTrue(ignore.excludes("(x)+{y}|$"));
    }

    @Test
    public void caretOutsideAClassAnchorsLikeTheCliRegexDoes() {
        DockerIgnore ignore = DockerIgnore.parse("^foo*\n^bar");
        assertTrue(ignore.excludes("foo1"));
        assertFalse(ignore.excludes("^foo1"));
        assertTrue(ignore.excludes("^bar"));
    }

    @Test
    public void directoryPatternExcludesEverythingBelowIt() {
        DockerIgnore ignore = DockerIgnore.parse("build\na/b");
        assertTrue(ignore.excludes("build/x/y.o"));
        assertTrue(ignore.excludes("a/b/c/d"));
        assertFalse(ignore.excludes("a/c"));
    }

    @Test
    public void lastMatchingLineWins() {
        DockerIgnore ignore = DockerIgnore.parse("*.md\n!README*.md\nREADME-secret.md");
        assertTrue(ignore.excludes("CHANGES.md"));
        assertFalse(ignore.excludes("README.md"));
        assertTrue(ignore.excludes("README-secret.md"));
    }

    @Test
    public void exceptionBeforeTheExclusionHasNoEffect() {
        assertTrue(DockerIgnore.parse("!keep.txt\n*.txt").excludes("keep.txt"));
    }

    @Test
    public void exceptionReincludesAFileUnderAnExcludedDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("build\n!build/keep.txt\n!build/sub/*.txt");
        assertFalse(ignore.excludes("build/keep.txt"));
        assertFalse(ignore.excludes("build/sub/a.txt"));
        assertTrue(ignore.excludes("build/other.txt"));
        assertTrue(ignore.excludes("build"));
    }

    @Test
    public void exceptionNotStartingWithTheDirectoryPathCannotReachIntoAnExcludedDirectory() {
        DockerIgnore ignore = DockerIgnore.parse("build\n!**/keep.txt\n!*/kept");
        assertTrue(ignore.excludes("build/keep.txt"));
        assertTrue(ignore.excludes("build/kept"));
        assertFalse(ignore.excludes("keep.txt"));
    }

    @Test
    public void wildcardExclusionOfDirectoryContentsStillAllowsExceptions() {
        DockerIgnore ignore = DockerIgnore.parse("logs/*\n!logs/.keep");
        assertFalse(ignore.excludes("logs"));
        assertFalse(ignore.excludes("logs/.keep"));
        assertTrue(ignore.excludes("logs/app.log"));
    }

    @Test
    public void malformedPatternIsReportedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DockerIgnore.parse("ok\n# fine\n[a-\n"));
        assertTrue(e.getMessage(), e.getMessage().contains("line 3"));
        assertTrue(e.getMessage(), e.getMessage().contains("\"[a-\""));
    }

    @Test
    public void trailingBackslashIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("oops\\"));
    }

    @Test
    public void emptyCharacterClassIsMalformed() {
        assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("a[]b"));
    }

    @Test
    public void loneExclamationMarkIsMalformed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DockerIgnore.parse("a\n! "));
        assertTrue(e.getMessage(), e.getMessage().contains("line 2"));
    }

    @Test
    public void rootIsNeverExcluded() {
        assertFalse(DockerIgnore.parse("*\n**").excludes("."));
    }

    @Test
    public void readWithoutAFileExcludesNothing() throws Exception {
        assertEquals(List.of(), DockerIgnore.read(tmp.getRoot().toPath()).patterns());
    }

    @Test
    public void readParsesTheContextsFile() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Files.writeString(dir.resolve(".dockerignore"), "target\n");
        assertTrue(DockerIgnore.read(dir).excludes("target/classes"));
    }
}
