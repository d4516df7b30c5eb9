package io.jenkins.plugins.containerrollout.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes tar entries with the header choices Go's {@code archive/tar} makes for the docker CLI, so our context is
 * never larger than the CLI's: plain USTAR whenever it fits (long ASCII paths split into prefix and name), a PAX
 * extended header only for non-ASCII or over-long paths and link targets and out-of-range sizes or times, owner 0:0,
 * no user or group names, and no padding after the two end-of-archive blocks.
 */
final class TarEntryWriter {
    static final byte REGULAR = '0';
    static final byte HARD_LINK = '1';
    static final byte SYMLINK = '2';
    static final byte CHAR_DEVICE = '3';
    static final byte BLOCK_DEVICE = '4';
    static final byte DIRECTORY = '5';
    static final byte FIFO = '6';
    private static final byte PAX = 'x';

    private static final int BLOCK = 512;
    private static final int NAME = 100;
    private static final int PREFIX = 155;
    private static final long MAX_OCTAL_11 = 077777777777L;

    private final OutputStream out;
    private final byte[] copyBuffer = new byte[64 * 1024];

    TarEntryWriter(OutputStream out) {
        this.out = out;
    }

    /** What one entry's header says. */
    record Header(String name, byte type, long mode, long size, long mtime, String linkName, long devMajor,
                  long devMinor) {
        static Header of(String name, byte type, long mode, long size, long mtime) {
            return new Header(name, type, mode, size, mtime, "", 0, 0);
        }
    }

    /** Writes the header, then exactly {@code size} bytes of content (none for links, directories, devices). */
    void write(Header h, InputStream content, String what) throws IOException {
        writeHeader(h);
        if (h.type() == REGULAR && h.size() > 0) {
            copy(content, h.size(), what);
            pad(h.size());
        }
    }

    /** Two zero blocks end the archive. */
    void finish() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }

    private void writeHeader(Header h) throws IOException {
        String[] split = needsPax(h) ? null : splitUstarPath(h.name());
        if (!needsPax(h)) {
            byte[] block = template(split != null ? split[1] : h.name(), h, true);
            if (split != null) {
                putString(block, 345, PREFIX, split[0]);
            }
            seal(block);
            out.write(block);
            return;
        }
        Map<String, String> records = new TreeMap<>();
        if (!isAscii(h.name()) || h.name().length() > NAME) {
            records.put("path", h.name());
        }
        if (!isAscii(h.linkName()) || h.linkName().length() > NAME) {
            records.put("linkpath", h.linkName());
        }
        if (h.size() > MAX_OCTAL_11) {
            records.put("size", Long.toString(h.size()));
        }
        if (h.mtime() < 0 || h.mtime() > MAX_OCTAL_11) {
            records.put("mtime", Long.toString(h.mtime()));
        }
        writePaxHeader(h.name(), records);
        byte[] block = template(toAscii(h.name()), h, false);
        seal(block);
        out.write(block);
    }

    /** USTAR cannot hold the entry: a non-ASCII or unsplittable path, a long or non-ASCII link, huge size or odd time. */
    private static boolean needsPax(Header h) {
        boolean pathFits = isAscii(h.name()) && h.name().length() <= NAME || splitUstarPath(h.name()) != null;
        boolean linkFits = isAscii(h.linkName()) && h.linkName().length() <= NAME;
        return !pathFits || !linkFits || h.size() > MAX_OCTAL_11 || h.mtime() < 0 || h.mtime() > MAX_OCTAL_11;
    }

    private byte[] template(String name, Header h, boolean ustar) {
        byte[] b = new byte[BLOCK];
        putString(b, 0, NAME, name);
        putOctal(b, 100, 8, h.mode());
        putOctal(b, 108, 8, 0);
        putOctal(b, 116, 8, 0);
        putOctal(b, 124, 12, h.size());
        putOctal(b, 136, 12, h.mtime());
        b[156] = h.type();
        putString(b, 157, NAME, ustar ? h.linkName() : toAscii(h.linkName()));
        putOctal(b, 329, 8, h.devMajor());
        putOctal(b, 337, 8, h.devMinor());
        return b;
    }

    private void writePaxHeader(String realName, Map<String, String> records) throws IOException {
        StringBuilder data = new StringBuilder();
        records.forEach((k, v) -> data.append(paxRecord(k, v)));
        byte[] bytes = data.toString().getBytes(StandardCharsets.UTF_8);

        int slash = realName.lastIndexOf('/');
        String dir = realName.substring(0, slash + 1);
        String file = realName.substring(slash + 1);
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {dir, "PaxHeaders.0", file}) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        String name = toAscii(DockerIgnore.clean(String.join("/", parts)));
        if (name.length() > NAME) {
            name = name.substring(0, NAME);
        }
        name = name.replaceAll("/+$", "");

        byte[] b = new byte[BLOCK];
        b[156] = PAX;
        putString(b, 0, NAME, name);
        putOctal(b, 100, 8, 0);
        putOctal(b, 108, 8, 0);
        putOctal(b, 116, 8, 0);
        putOctal(b, 124, 12, bytes.length);
        putOctal(b, 136, 12, 0);
        seal(b);
        out.write(b);
        out.write(bytes);
        pad(bytes.length);
    }

    /** {@code "<length> key=value\n"}, where the length counts its own digits. */
    private static String paxRecord(String key, String value) {
        int size = key.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length + 3;
        size += Integer.toString(size).length();
        String record = size + " " + key + "=" + value + "\n";
        int actual = record.getBytes(StandardCharsets.UTF_8).length;
        if (actual != size) {
            record = actual + " " + key + "=" + value + "\n";
        }
        return record;
    }

    /** Splits a long ASCII path into USTAR's 155-byte prefix and 100-byte name at a '/', if it can. */
    static String[] splitUstarPath(String name) {
        int length = name.length();
        if (length <= NAME || !isAscii(name)) {
            return null;
        }
        if (length > PREFIX + 1) {
            length = PREFIX + 1;
        } else if (name.charAt(length - 1) == '/') {
            length--;
        }
        int i = name.lastIndexOf('/', length - 1);
        int nameLength = name.length() - i - 1;
        if (i <= 0 || nameLength > NAME || nameLength == 0 || i > PREFIX) {
            return null;
        }
        return new String[] {name.substring(0, i), name.substring(i + 1)};
    }

    private void copy(InputStream in, long size, String what) throws IOException {
        long left = size;
        while (left > 0) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while sending " + what);
            }
            int n;
            try {
                n = in.read(copyBuffer, 0, (int) Math.min(copyBuffer.length, left));
            } catch (ClosedByInterruptException e) {
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while sending " + what);
                interrupted.initCause(e);
                throw interrupted;
            } catch (IOException e) {
                throw new IOException("cannot read build context file " + what + ": " + e, e);
            }
            if (n < 0) {
                throw new IOException("build context file shrank while being sent: " + what);
            }
            out.write(copyBuffer, 0, n);
            left -= n;
        }
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private static void seal(byte[] b) {
        b[257] = 'u';
        b[258] = 's';
        b[259] = 't';
        b[260] = 'a';
        b[261] = 'r';
        b[263] = '0';
        b[264] = '0';
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : b[i] & 0xff;
        }
        putOctal(b, 148, 7, sum);
        b[155] = ' ';
    }

    private static void putString(byte[] b, int offset, int length, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, b, offset, Math.min(bytes.length, length));
        if (bytes.length > length && b[offset + length - 1] == '/') {
            // a truncated path must not look like a directory to readers that ignore the PAX path
            int n = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).replaceAll("/+$", "").length();
            b[offset + n] = 0;
        }
    }

    /** Zero-padded octal and a NUL, or all zeros when the value does not fit (a PAX record carries it). */
    private static void putOctal(byte[] b, int offset, int length, long value) {
        boolean fits = value >= 0 && value < 1L << (3 * (length - 1));
        String digits = Long.toOctalString(fits ? value : 0);
        String padded = "0".repeat(length - 1 - digits.length()) + digits;
        System.arraycopy(padded.getBytes(StandardCharsets.US_ASCII), 0, b, offset, length - 1);
        b[offset + length - 1] = 0;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String toAscii(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x80) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }
}
