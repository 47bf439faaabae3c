package org.portal.sections.attachments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * File names as clients send them are not trusted: no folders, no control or reserved characters, at
 * most {@value #MAX_LENGTH} characters with the extension kept; and they go back out in a
 * {@code Content-Disposition} that no name can break.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    static String sanitize(String raw) {
        String name = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder(name.length());
        // Format characters (a right-to-left override that shows "exe.pdf" as "fdp.exe") go without a trace.
        name.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(c -> {
            boolean unsafe = Character.isISOControl(c) || "\"<>:|?*;%".indexOf(c) >= 0;
            clean.appendCodePoint(unsafe ? '_' : c);
        });
        String result = clean.toString().strip().replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (result.isEmpty()) {
            return "file";
        }
        if (result.codePointCount(0, result.length()) > MAX_LENGTH) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 16 ? result.substring(dot) : "";
            String stem = result.substring(0, result.length() - extension.length());
            int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
            result = stem.substring(0, stem.offsetByCodePoints(0, keep)) + extension;
        }
        return result;
    }

    /** {@code attachment} with an ASCII fallback name and the exact name in RFC 5987 form. */
    static String contentDisposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
