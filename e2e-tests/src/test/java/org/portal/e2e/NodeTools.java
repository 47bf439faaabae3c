package org.portal.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Node.js tools from npm for the suite (a browser driver, an API linter): each in a folder under
 * {@code src/test} with its package-lock.json, installed with {@code npm ci} into {@code target} once
 * per build directory and again when the lock changes.
 */
final class NodeTools {

    record Result(int exitCode, String output) {
    }

    private NodeTools() {
    }

    /** Copies {@code src/test/<folder>} to {@code target/<folder>} and installs what its lock pins; answers the copy. */
    static Path install(String folder) throws IOException, InterruptedException {
        Path sources = Path.of("src/test", folder);
        Path work = Path.of("target", folder);
        Path lock = work.resolve("package-lock.json");
        boolean sameLock = Files.exists(lock) && Files.mismatch(lock, sources.resolve("package-lock.json")) == -1;
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path copy = work.resolve(sources.relativize(source).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!sameLock || !Files.isDirectory(work.resolve("node_modules"))) {
            Result npm = run(work, Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund");
            if (npm.exitCode() != 0) {
                throw new AssertionError("npm ci in " + work + " failed:\n" + npm.output());
            }
        }
        return work;
    }

    /** Runs a command in the folder with extra environment; fails the test when it outlasts the limit. */
    static Result run(Path folder, Map<String, String> environment, Duration limit, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Read while it runs, so that a chatty process never blocks on a full pipe.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output unreadable: ").append(e).append(')');
            }
        });
        reader.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(Arrays.toString(command) + " did not finish within " + limit);
        }
        reader.join();
        return new Result(process.exitValue(), output.toString());
    }

    /** The last line of the output that is a JSON object: what a script reports. */
    static String lastJsonLine(Result result) {
        List<String> lines = result.output().lines().toList();
        return lines.stream().filter(line -> line.startsWith("{")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("The script printed no result:\n" + result.output()));
    }
}
