package vn.gems.reporting.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells a file's type from its bytes (magic numbers, the part names inside an Office zip, well-formed UTF-8 text),
 * never from its name or the client's header. Markup and scripts are not "text" here: an HTML or SVG upload is
 * refused, so a stored file can never run in a reader's browser.
 */
public final class FileSniffer {

    public static final String PDF = "application/pdf";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String TEXT = "text/plain";
    public static final String ZIP = "application/zip";

    private static final int MAX_ZIP_ENTRIES = 2000;

    private FileSniffer() {
    }

    /** The type the bytes are, or null when unrecognised. */
    public static String sniff(byte[] b) {
        if (starts(b, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return PDF;
        }
        if (starts(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return PNG;
        }
        if (starts(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return JPEG;
        }
        if (starts(b, new byte[]{'P', 'K', 3, 4})) {
            return office(b);
        }
        return text(b) ? TEXT : null;
    }

    /** Whether a declared type fits the sniffed one (CSV is text; JPEG has an old alias). */
    public static boolean compatible(String declared, String sniffed) {
        if (declared.equals(sniffed)) {
            return true;
        }
        if (TEXT.equals(sniffed)) {
            return declared.equals("text/csv") || declared.equals("text/plain");
        }
        return JPEG.equals(sniffed) && declared.equals("image/jpg");
    }

    /** A plain file name: no directories, no control or reserved characters, at most 200 characters. */
    public static String safeName(String name, String type) {
        String n = name == null ? "" : name;
        n = n.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cntrl}\"<>:|?*]", "_").trim();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.isBlank()) {
            n = "attachment" + extension(type);
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static String extension(String type) {
        return switch (type) {
            case PDF -> ".pdf";
            case PNG -> ".png";
            case JPEG -> ".jpg";
            case DOCX -> ".docx";
            case XLSX -> ".xlsx";
            default -> ".txt";
        };
    }

    private static String office(byte[] b) {
        boolean contentTypes = false;
        String kind = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            ZipEntry e;
            int entries = 0;
            while ((e = zip.getNextEntry()) != null && entries++ < MAX_ZIP_ENTRIES) {
                String name = e.getName();
                if (name.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (name.startsWith("word/document")) {
                    kind = DOCX;
                } else if (name.startsWith("xl/workbook")) {
                    kind = XLSX;
                } else if (name.endsWith("vbaProject.bin")) {
                    return "application/vnd.ms-office.macro";
                }
            }
        } catch (IOException e) {
            return null;
        }
        return contentTypes && kind != null ? kind : ZIP;
    }

    private static boolean text(byte[] b) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                    return false;
                }
            }
            String head = s.stripLeading().toLowerCase(Locale.ROOT);
            if (head.startsWith("\uFEFF")) {
                head = head.substring(1).stripLeading();
            }
            return !(head.startsWith("<!doctype") || head.startsWith("<html") || head.startsWith("<svg")
                    || head.startsWith("<?xml") || head.startsWith("<script") || head.contains("<script"));
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
