package org.portal.sections.attachments;

import java.util.HexFormat;

final class SampleFiles {

    /** The smallest complete PNG: one transparent pixel. */
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
            + "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");

    private SampleFiles() {
    }
}
