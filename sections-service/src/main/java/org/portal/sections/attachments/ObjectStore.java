package org.portal.sections.attachments;

import java.io.InputStream;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The bytes of attachments, in an S3-compatible bucket. Keys are random and never shown to callers;
 * every failure of the store is an {@link SdkException} that callers turn into a 503.
 */
@ApplicationScoped
@Startup
public class ObjectStore {

    private final S3Client s3;
    private final String bucket;

    public ObjectStore(AttachmentSettings settings) {
        AttachmentSettings.Store store = settings.store();
        this.bucket = store.bucket();
        this.s3 = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(store.endpoint())
                .region(Region.of(store.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(store.accessKey(), store.secretKey())))
                .forcePathStyle(store.pathStyle())
                // Checksums only where the API needs them: not every S3-compatible store takes the newer trailers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        if (store.createBucket()) {
            createBucketIfMissing();
        }
    }

    public void put(String key, Path file, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    /** The object's bytes; the caller closes the stream. */
    public InputStream get(String key) {
        return s3.getObject(request -> request.bucket(bucket).key(key));
    }

    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    /** Whether the bucket answers (readiness). */
    public boolean reachable() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
            return true;
        } catch (SdkException e) {
            Log.debugf("Object store not reachable: %s", e.toString());
            return false;
        }
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(request -> request.bucket(bucket));
            Log.infof("Created bucket %s", bucket);
        } catch (SdkException e) {
            Log.warnf("Object store not reachable at start (%s); uploads fail until it is", e.toString());
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
