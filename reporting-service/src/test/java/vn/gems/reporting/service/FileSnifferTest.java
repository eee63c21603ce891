package vn.gems.reporting.service;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSnifferTest {

    @Test
    void recognisesWhatTheBytesAre() throws Exception {
        assertEquals(FileSniffer.PDF, FileSniffer.sniff("%PDF-1.4 ...".getBytes()));
        assertEquals(FileSniffer.PNG, FileSniffer.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}));
        assertEquals(FileSniffer.JPEG, FileSniffer.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}));
        assertEquals(FileSniffer.DOCX, FileSniffer.sniff(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(FileSniffer.XLSX, FileSniffer.sniff(zip("[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(FileSniffer.ZIP, FileSniffer.sniff(zip("a.txt")));
        assertEquals(FileSniffer.TEXT, FileSniffer.sniff("Chỉ số;Nữ;Nam\r\nBIRTHS;7000;7700\n".getBytes(StandardCharsets.UTF_8)));
        assertNull(FileSniffer.sniff(new byte[]{'M', 'Z', (byte) 0x90, 0}));
        assertNull(FileSniffer.sniff(new byte[]{(byte) 0xC3, 0x28}), "not UTF-8");
        assertNull(FileSniffer.sniff("<!DOCTYPE html><p>hi".getBytes()));
        assertNull(FileSniffer.sniff("\uFEFF  <svg onload=x>".getBytes(StandardCharsets.UTF_8)));
        assertNull(FileSniffer.sniff("hello <script>x</script>".getBytes()));
    }

    @Test
    void declaredTypeMustFit() {
        assertTrue(FileSniffer.compatible("text/csv", FileSniffer.TEXT));
        assertTrue(FileSniffer.compatible("image/jpg", FileSniffer.JPEG));
        assertFalse(FileSniffer.compatible("application/pdf", FileSniffer.PNG));
    }

    @Test
    void namesArePlainFileNames() {
        assertEquals("passwd", FileSniffer.safeName("../../etc/passwd", FileSniffer.TEXT));
        assertEquals("bao-cao.pdf", FileSniffer.safeName("C:\\Users\\x\\bao-cao.pdf", FileSniffer.PDF));
        assertEquals("attachment.pdf", FileSniffer.safeName("..", FileSniffer.PDF));
        assertEquals("a_b.txt", FileSniffer.safeName("a\nb.txt", FileSniffer.TEXT));
        assertEquals("Biên bản.pdf", FileSniffer.safeName("Biên bản.pdf", FileSniffer.PDF));
    }

    static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String n : names) {
                z.putNextEntry(new ZipEntry(n));
                z.write(1);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
