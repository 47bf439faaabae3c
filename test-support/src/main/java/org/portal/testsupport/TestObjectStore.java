package org.portal.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real S3-compatible object store for module tests: s3proxy on a temporary folder, in a process of
 * its own on a free port, as the local runner starts it. The jar comes from Maven Central through the
 * module's build ({@code s3proxy.jar} system property); the bucket is the test run's own.
 */
public class TestObjectStore implements QuarkusTestResourceLifecycleManager {

    public static final String ACCESS_KEY = "test-access";
    public static final String SECRET_KEY = "test-secret";

    private Process process;
    private Path folder;

    @Override
    public Map<String, String> start() {
        String jar = System.getProperty("s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException(
                    "Set the s3proxy.jar system property to s3proxy's jar-with-dependencies (" + jar + ")");
        }
        try {
            folder = Files.createTempDirectory("test-object-store");
            int port = freePort();
            Path properties = folder.resolve("s3proxy.properties");
            Files.createDirectories(folder.resolve("data"));
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + folder.resolve("data")));
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+UseSerialGC", "-jar", jar, "--properties", properties.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("s3proxy.log").toFile()).start();
            awaitListening(port);
            return Map.of("portal.attachments.store.endpoint", "http://127.0.0.1:" + port,
                    "portal.attachments.store.bucket", "test-" + UUID.randomUUID(),
                    "portal.attachments.store.access-key", ACCESS_KEY,
                    "portal.attachments.store.secret-key", SECRET_KEY,
                    "portal.attachments.store.create-bucket", "true");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start s3proxy", e);
        }
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary folder left behind is no failure of the tests.
            }
        }
    }

    private void awaitListening(int port) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy stopped at start: " + Files.readString(folder.resolve("s3proxy.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("s3proxy did not listen on port " + port + " within 60 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
