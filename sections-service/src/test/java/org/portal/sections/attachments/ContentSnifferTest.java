package org.portal.sections.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {

    @TempDir
    Path dir;

    private Optional<String> sniff(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("f"), bytes);
        return ContentSniffer.sniff(file);
    }

    private Path zip(String... entries) throws IOException {
        Path file = dir.resolve("z");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void imagesAndPdfAreKnownByTheirSignatures() throws IOException {
        assertEquals(Optional.of("image/png"), sniff(SampleFiles.PNG));
        assertEquals(Optional.of("image/jpeg"), sniff(HexFormat.of().parseHex("ffd8ffe000104a464946")));
        assertEquals(Optional.of("image/gif"), sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("image/webp"), sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("application/pdf"), sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void officeDocumentsAreZipsWithTheirMainPart() throws IOException {
        assertEquals(Optional.of(ContentSniffer.DOCX), ContentSniffer.sniff(zip("[Content_Types].xml", "word/document.xml")));
        assertEquals(Optional.of(ContentSniffer.XLSX), ContentSniffer.sniff(zip("[Content_Types].xml", "xl/workbook.xml")));
        assertEquals(Optional.empty(), ContentSniffer.sniff(zip("payload.exe")));
    }

    @Test
    void textIsUtf8WithoutControlCharacters() throws IOException {
        assertEquals(Optional.of("text/plain"), sniff("Grüße, a;b;c\r\n1;2;3\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), sniff(new byte[] { 'a', 0, 'b' }));
        assertEquals(Optional.empty(), sniff(HexFormat.of().parseHex("7f454c46020101")));
        assertEquals(Optional.empty(), sniff(new byte[] { (byte) 0xC3, 0x28, 'a' }));
        assertEquals(Optional.empty(), sniff(new byte[0]));
    }

    @Test
    void aCharacterCutAtTheEndOfTheHeadIsStillText() throws IOException {
        byte[] text = ("a".repeat(8191) + "é").getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.of("text/plain"), sniff(text));
    }
}
