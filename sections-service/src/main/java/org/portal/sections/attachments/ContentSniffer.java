package org.portal.sections.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * What a file is, from its bytes: the name and the type a client declares are not believed, so a
 * script named {@code photo.png} is not served as an image. Knows the types the portal takes; anything
 * else is empty.
 */
final class ContentSniffer {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private static final int HEAD = 8192;

    private ContentSniffer() {
    }

    static Optional<String> sniff(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("image/webp");
        }
        if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(head, 'P', 'K', 0x03, 0x04)) {
            return officeDocument(file);
        }
        return isText(head) ? Optional.of("text/plain") : Optional.empty();
    }

    /** An Office Open XML file is a zip with its main part at a known name; any other zip is not taken. */
    private static Optional<String> officeDocument(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return Optional.empty();
            }
            if (zip.getEntry("word/document.xml") != null) {
                return Optional.of(DOCX);
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return Optional.of(XLSX);
            }
            if (zip.getEntry("ppt/presentation.xml") != null) {
                return Optional.of(PPTX);
            }
            return Optional.empty();
        } catch (IOException notAZip) {
            return Optional.empty();
        }
    }

    /** UTF-8 without NUL or other control characters than tab, line feed, carriage return and form feed. */
    private static boolean isText(byte[] head) {
        if (head.length == 0) {
            return false;
        }
        for (byte b : head) {
            if ((b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                return false;
            }
        }
        // The head may end inside a multi-byte character: judge what comes before it.
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if (b >= 0xC0) {
                end -= back;
                break;
            }
            if (b < 0x80) {
                break;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
