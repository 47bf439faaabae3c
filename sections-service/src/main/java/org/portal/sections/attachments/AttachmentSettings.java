package org.portal.sections.attachments;

import java.net.URI;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on files and where they are kept. */
@ConfigMapping(prefix = "portal.attachments")
public interface AttachmentSettings {

    /** Bytes per file; a larger one is refused with 413. 25 MiB unless configured. */
    @WithDefault("26214400")
    long maxFileSize();

    /** Files per record, comments' files included. */
    @WithDefault("20")
    int maxPerRecord();

    /** Content types a file may have, as sniffed from its bytes; anything else is refused with 415. */
    @WithDefault("image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,"
            + "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,"
            + "application/vnd.openxmlformats-officedocument.presentationml.presentation")
    List<String> allowedTypes();

    Store store();

    /** Any S3-compatible object store: s3proxy locally, the cloud's in production. */
    interface Store {
        URI endpoint();

        @WithDefault("us-east-1")
        String region();

        String bucket();

        String accessKey();

        String secretKey();

        /** Bucket in the path rather than the host name, as s3proxy and most self-hosted stores need. */
        @WithDefault("true")
        boolean pathStyle();

        /** Create the bucket at start when it is missing (local runs and tests; in production it is provisioned). */
        @WithDefault("false")
        boolean createBucket();
    }
}
