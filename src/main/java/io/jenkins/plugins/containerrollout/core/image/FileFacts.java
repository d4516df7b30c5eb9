package io.jenkins.plugins.containerrollout.core.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/** The stat facts one tar header needs, read without following symlinks. */
record FileFacts(int mode, long size, long mtime, Object inodeKey, int linkCount, long rdev) {
    private static final int TYPE_MASK = 0170000;

    static FileFacts of(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:mode,ino,nlink,rdev,size,lastModifiedTime",
                    LinkOption.NOFOLLOW_LINKS);
            return new FileFacts((Integer) a.get("mode"), (Long) a.get("size"),
                    seconds((FileTime) a.get("lastModifiedTime")), a.get("ino"), (Integer) a.get("nlink"),
                    (Long) a.get("rdev"));
        } catch (UnsupportedOperationException noUnixView) {
            return withoutUnixView(file);
        }
    }

    /** Where there are no Unix modes (Windows agents) the CLI sends 0755 for everything it can write. */
    private static FileFacts withoutUnixView(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        int type = a.isDirectory() ? 0040000 : a.isSymbolicLink() ? 0120000 : a.isRegularFile() ? 0100000 : 0;
        int perm = a.isSymbolicLink() ? 0777 : Files.isWritable(file) ? 0755 : 0555;
        return new FileFacts(type | perm, a.size(), seconds(a.lastModifiedTime()), null, 1, 0);
    }

    private static long seconds(FileTime time) {
        return Math.floorDiv(time.toMillis(), 1000);
    }

    boolean isDirectory() {
        return (mode & TYPE_MASK) == 0040000;
    }

    long permissions() {
        return mode & 07777;
    }

    /** Directories are never hard links, whatever their link count says. */
    Object inode() {
        return isDirectory() ? null : inodeKey;
    }

    /** The tar type for this file, or 0 for a socket. */
    byte tarType() {
        switch (mode & TYPE_MASK) {
            case 0100000: return TarEntryWriter.REGULAR;
            case 0040000: return TarEntryWriter.DIRECTORY;
            case 0120000: return TarEntryWriter.SYMLINK;
            case 0010000: return TarEntryWriter.FIFO;
            case 0020000: return TarEntryWriter.CHAR_DEVICE;
            case 0060000: return TarEntryWriter.BLOCK_DEVICE;
            default: return 0;
        }
    }

    long devMajor() {
        return ((rdev >>> 8) & 0xfffL) | ((rdev >>> 32) & 0xfffff000L);
    }

    long devMinor() {
        return (rdev & 0xffL) | ((rdev >>> 12) & 0xffffff00L);
    }
}
