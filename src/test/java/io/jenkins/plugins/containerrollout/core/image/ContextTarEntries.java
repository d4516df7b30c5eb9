package io.jenkins.plugins.containerrollout.core.image;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a tar (ours, or a {@code docker export}) back with commons-compress, an independent reader, into comparable
 * entries keyed by path.
 *
 * <p>Usage: {@code Map<String, ContextTarEntries.Entry> entries = ContextTarEntries.read(bytes);}
 */
final class ContextTarEntries {
    private ContextTarEntries() {
    }

    /** What the parity check compares for each path: type, permission bits, size, link target, owner, text. */
    record Entry(char type, int mode, long size, String link, long uid, long gid, String text) {
        /** The fields two images must agree on (owner and content aside). */
        String shape() {
            return type + " " + Integer.toOctalString(mode) + " " + (type == 'f' ? size : 0) + " " + link;
        }
    }

    static Map<String, Entry> read(byte[] tar) throws IOException {
        return read(new ByteArrayInputStream(tar));
    }

    /** Entries in archive order, directory names without their trailing slash. */
    static Map<String, Entry> read(InputStream tar) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        TarArchiveInputStream in = new TarArchiveInputStream(tar, StandardCharsets.UTF_8.name());
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            String text = null;
            if (e.isFile() && e.getSize() < 4096) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String name = e.getName().endsWith("/") ? e.getName().substring(0, e.getName().length() - 1) : e.getName();
            entries.put(name, new Entry(type(e), e.getMode() & 07777, e.getSize(), link(e), e.getLongUserId(),
                    e.getLongGroupId(), text));
        }
        return entries;
    }

    /** The entries below {@code prefix/}, keyed by the rest of their path, sorted. */
    static Map<String, String> shapesUnder(Map<String, Entry> entries, String prefix) {
        Map<String, String> out = new TreeMap<>();
        entries.forEach((name, entry) -> {
            if (name.startsWith(prefix + "/")) {
                out.put(name.substring(prefix.length() + 1), entry.shape());
            }
        });
        return out;
    }

    private static char type(TarArchiveEntry e) {
        if (e.isDirectory()) {
            return 'd';
        }
        if (e.isSymbolicLink()) {
            return 'l';
        }
        if (e.isLink()) {
            return 'h';
        }
        if (e.isFIFO()) {
            return 'p';
        }
        return e.isFile() ? 'f' : '?';
    }

    private static String link(TarArchiveEntry e) {
        return e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "";
    }
}
