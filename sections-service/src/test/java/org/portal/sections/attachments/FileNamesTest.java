package org.portal.sections.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void foldersControlAndReservedCharactersGo() {
        assertEquals("passwd", FileNames.sanitize("../../etc/passwd"));
        assertEquals("report.pdf", FileNames.sanitize("C:\\Users\\ann\\report.pdf"));
        assertEquals("a_b_c.txt", FileNames.sanitize("a\"b\nc.txt"));
        assertEquals("file", FileNames.sanitize("..."));
        assertEquals("file", FileNames.sanitize(null));
        assertEquals("x.txt", FileNames.sanitize("x.txt\u202E"));
    }

    @Test
    void aLongNameKeepsItsExtension() {
        String name = FileNames.sanitize("a".repeat(400) + ".pdf");
        assertEquals(255, name.length());
        assertEquals(".pdf", name.substring(251));
    }

    @Test
    void theDispositionCarriesAnAsciiFallbackAndTheExactName() {
        assertEquals("attachment; filename=\"Gr__e.txt\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.txt",
                FileNames.contentDisposition("Grüße.txt"));
    }
}
