package org.portal.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local runner's scripts (deploy/local) as an operator uses them: further gateway instances beside
 * the running system's, started with {@code run.sh gateway-instance} and stopped with SIGTERM, and the
 * processes the runner started, by their recorded ids.
 */
final class LocalRunner {

    static final Path SCRIPTS = Path.of("..", "deploy", "local");
    /** The runner's state: what it started, its logs, its URLs. */
    static final Path STATE = Path.of(System.getProperty("portal.state.dir", "../deploy/local/.state"));

    private LocalRunner() {
    }

    /** Starts a gateway instance on a port, with settings (VAR=VALUE) of its own; its address. */
    static String startGateway(String name, int port, String... settings) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(SCRIPTS.resolve("run.sh").toString(), "gateway-instance", name, Integer.toString(port)));
        command.addAll(List.of(settings));
        run(command.toArray(String[]::new));
        return "http://localhost:" + port;
    }

    /** Stops a gateway instance as Kubernetes does (SIGTERM) and waits until it has exited. */
    static void stopGateway(String name) throws Exception {
        Path pid = pidFile(name);
        if (pid.toFile().exists()) {
            Optional<ProcessHandle> process = ProcessHandle.of(pid(name));
            if (process.isPresent()) {
                process.get().destroy();
                process.get().onExit().get(60, TimeUnit.SECONDS);
            }
            Files.delete(pid);
        }
    }

    /** The process id the runner recorded for what it started under this name. */
    static long pid(String name) throws IOException {
        return Long.parseLong(Files.readString(pidFile(name)).strip());
    }

    static Path pidFile(String name) {
        return STATE.resolve("pids").resolve(name + ".pid");
    }

    /** Runs a command to its end; its output, or a failure with it when the command failed. */
    static String run(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("PORTAL_STATE_DIR", STATE.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
