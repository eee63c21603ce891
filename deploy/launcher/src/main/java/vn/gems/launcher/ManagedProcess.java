package vn.gems.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A background process the launcher started, remembered in a PID file so that another JVM
 * ({@code deploy/gems down}) can stop exactly it: the file holds the PID and the start instant, and a
 * process is only ours if both match (PIDs get reused).
 */
public record ManagedProcess(String name, long pid, Instant started, Path log) {

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                       Path log, Path runDir) throws IOException {
        Files.createDirectories(log.getParent());
        Files.createDirectories(runDir);
        List<String> cmd = new ArrayList<>();
        // A session of its own: a Ctrl-C in the terminal that ran `up` later must not kill the suite.
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        Instant started = p.info().startInstant().orElse(Instant.now());
        ManagedProcess mp = new ManagedProcess(name, p.pid(), started, log);
        mp.remember(runDir);
        return mp;
    }

    /** Adopts a process someone else spawned (the embedded PostgreSQL's postmaster). */
    public static ManagedProcess adopt(String name, long pid, Path log, Path runDir) throws IOException {
        Instant started = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).orElse(Instant.EPOCH);
        ManagedProcess mp = new ManagedProcess(name, pid, started, log);
        mp.remember(runDir);
        return mp;
    }

    public static Optional<ManagedProcess> recall(String name, Path runDir) {
        Path f = runDir.resolve(name + ".pid");
        try {
            if (!Files.exists(f)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(f).trim().split("\\s+", 3);
            return Optional.of(new ManagedProcess(name, Long.parseLong(parts[0]),
                    Instant.ofEpochMilli(Long.parseLong(parts[1])), Path.of(parts[2])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The process recorded under {@code name} if it still runs. One that died ({@code kill -9}) but is still in
     * {@code /proc} (exiting, or a zombie its new parent has not reaped yet) is waited for, up to {@code maxWait}, so
     * that the caller starts a fresh one on a free port instead of adopting a corpse; its PID file is then dropped.
     */
    public static Optional<ManagedProcess> recallLive(String name, Path runDir, Duration maxWait) throws IOException {
        Optional<ManagedProcess> p = recall(name, runDir);
        if (p.isEmpty() || p.get().alive()) {
            return p;
        }
        p.get().awaitGone(maxWait);
        p.get().forget(runDir);
        return Optional.empty();
    }

    /** Waits until the PID has left {@code /proc} (a zombie counts as still there); true if it did in time. */
    public boolean awaitGone(Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (ProcessHandle.of(pid).isPresent() && isOurs(ProcessHandle.of(pid).get())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    /**
     * {@code /proc/<pid>/stat} says zombie (Z) or dead (X). Java's {@link ProcessHandle#isAlive} answers true for a
     * zombie, which made {@code up} right after a {@code kill -9} adopt the dead process and then report it "exited".
     */
    static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            int close = stat.lastIndexOf(')');
            char state = close < 0 || close + 2 >= stat.length() ? '?' : stat.charAt(close + 2);
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or already gone: ProcessHandle decides
        }
    }

    private void remember(Path runDir) throws IOException {
        Files.writeString(runDir.resolve(name + ".pid"), pid + " " + started.toEpochMilli() + " " + log + "\n");
    }

    public void forget(Path runDir) throws IOException {
        Files.deleteIfExists(runDir.resolve(name + ".pid"));
    }

    /** The live process, only if it is still the one we started. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::isOurs).filter(h -> !zombie(pid));
    }

    private boolean isOurs(ProcessHandle h) {
        return h.info().startInstant()
                .map(s -> Math.abs(s.toEpochMilli() - started.toEpochMilli()) < 2_000 || started.equals(Instant.EPOCH))
                .orElse(true);
    }

    public boolean alive() {
        return handle().isPresent();
    }

    /** SIGTERM to the process and its descendants, SIGKILL whatever is left after the grace period. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> h = handle();
        if (h.isEmpty()) {
            return false;
        }
        List<ProcessHandle> tree = new ArrayList<>(h.get().descendants().toList());
        tree.add(0, h.get());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : tree) {
            while (p.isAlive() && System.nanoTime() < deadline) {
                sleep(100);
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return true;
    }

    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
