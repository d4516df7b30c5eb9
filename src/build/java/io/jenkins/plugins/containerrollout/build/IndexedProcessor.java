package io.jenkins.plugins.containerrollout.build;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Build-time annotation processor that writes Jenkins' annotation-indexer files
 * ({@code META-INF/services/annotations/<annotation>}) for every annotation meta-annotated with
 * {@code @org.jvnet.hudson.annotation_indexer.Indexed}, such as {@code @Symbol}.
 *
 * <p>It exists because annotation-indexer's own processor is not usable from Maven Central (1.4 fails on javac 17,
 * 1.18 is not published there). Jenkins reads each line verbatim with {@code loadClass}, so entries are binary
 * names, one per line, with nothing around them. Never packaged: it lives in {@code target/indexer-classes}.
 *
 * <p>Usage: {@code javac -processorpath target/indexer-classes -processor ...IndexedProcessor ...}
 */
@SupportedAnnotationTypes("*")
public final class IndexedProcessor extends AbstractProcessor {
    private static final String INDEXED = "org.jvnet.hudson.annotation_indexer.Indexed";

    private final Map<String, SortedSet<String>> entries = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            if (!isIndexed(annotation)) {
                continue;
            }
            String file = processingEnv.getElementUtils().getBinaryName(annotation).toString();
            for (Element annotated : round.getElementsAnnotatedWith(annotation)) {
                entries.computeIfAbsent(file, k -> new TreeSet<>()).add(entryName(annotated));
            }
        }
        if (round.processingOver()) {
            writeAll();
        }
        // Not claimed: SezPoz must still see @Extension on the same classes.
        return false;
    }

    private static boolean isIndexed(TypeElement annotation) {
        return annotation.getAnnotationMirrors().stream()
                .map(m -> (TypeElement) m.getAnnotationType().asElement())
                .anyMatch(t -> t.getQualifiedName().contentEquals(INDEXED));
    }

    private String entryName(Element annotated) {
        if (annotated instanceof PackageElement pkg) {
            return pkg.getQualifiedName() + ".*";
        }
        Element type = annotated instanceof TypeElement ? annotated : annotated.getEnclosingElement();
        return processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString();
    }

    private void writeAll() {
        entries.forEach((annotation, classes) -> {
            String path = "META-INF/services/annotations/" + annotation;
            try (Writer out = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path)
                    .openWriter()) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + path + ": " + e);
            }
        });
    }
}
