package io.jenkins.plugins.containerrollout.steps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Jenkinsfile snippets a user copies from the project: fenced {@code groovy} blocks and call-like inline code in
 * README.md and docs/*.md, the Jenkinsfiles themselves, and {@code <pre>} and call-like {@code <code>} in the in-Jenkins
 * help files. Inline fragments written with an ellipsis ({@code http(url: …)}) are shorthand in a table, not code to
 * copy, and are left out.
 *
 * <p>Usage: {@code for (Snippets.Snippet s : Snippets.all(basedir, isOurCall)) checker.check(s.where(), s.code());}
 */
final class Snippets {
    /** One snippet and where it is ({@code docs/steps.md:34}). */
    record Snippet(String where, String code) {
    }

    private static final Pattern FENCE = Pattern.compile("(?m)^([ \\t]*)```groovy[ \\t]*\\n(.*?)^[ \\t]*```", Pattern.DOTALL);
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern PRE = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("<code>(.*?)</code>", Pattern.DOTALL);

    private Snippets() {
    }

    /**
     * Every snippet of the project at {@code basedir}.
     *
     * @param callsOurs whether an inline fragment calls one of our steps or symbols (only those are snippets)
     */
    static List<Snippet> all(Path basedir, Predicate<String> callsOurs) throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        List<Path> markdown = new ArrayList<>();
        markdown.add(basedir.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(basedir.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(markdown::add);
        }
        for (Path file : markdown) {
            String text = read(file);
            String name = basedir.relativize(file).toString();
            Matcher fence = FENCE.matcher(text);
            while (fence.find()) {
                String indent = fence.group(1);
                snippets.add(new Snippet(name + ":" + line(text, fence.start()),
                        fence.group(2).replaceAll("(?m)^" + indent, "")));
            }
            inline(snippets, name, FENCE.matcher(text).replaceAll(""), INLINE, callsOurs, false);
        }
        for (String jenkinsfile : List.of("Jenkinsfile", "docs/example/Jenkinsfile")) {
            snippets.add(new Snippet(jenkinsfile, read(basedir.resolve(jenkinsfile))));
        }
        try (Stream<Path> help = Files.walk(basedir.resolve("src/main/resources"))) {
            for (Path file : (Iterable<Path>) help.filter(p -> p.getFileName().toString().matches("help.*\\.html"))
                    .sorted()::iterator) {
                String text = read(file);
                String name = basedir.relativize(file).toString();
                inline(snippets, name, text, PRE, s -> true, true);
                inline(snippets, name, text, CODE, callsOurs, true);
            }
        }
        return snippets;
    }

    private static void inline(List<Snippet> snippets, String name, String text, Pattern pattern,
            Predicate<String> wanted, boolean html) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String code = html ? unescape(m.group(1)) : m.group(1);
            if (wanted.test(code) && !code.contains("…") && !code.contains("...")) {
                snippets.add(new Snippet(name + ":" + line(text, m.start()), code));
            }
        }
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
