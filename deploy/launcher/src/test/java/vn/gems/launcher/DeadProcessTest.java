package vn.gems.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/gems up} right after a {@code kill -9}: the dead service is still in {@code /proc} (a zombie its
 * new parent has not reaped yet). It must count as dead, and {@code up} waits for it to leave before starting anew.
 */
class DeadProcessTest {

    /**
     * A real short-lived process that stays a zombie for a while: {@code sh} starts {@code sleep 0.2} in the
     * background and becomes {@code sleep 3}, which never waits for it; when {@code sleep 3} ends the zombie is
     * handed to the reaper and leaves {@code /proc}.
     */
    private static long zombieFor3Seconds() throws Exception {
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.2 & echo $!; exec sleep 3").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream()))) {
            long pid = Long.parseLong(out.readLine().trim());
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!ManagedProcess.zombie(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(ManagedProcess.zombie(pid), "the child should be a zombie by now");
            return pid;
        }
    }

    @Test
    void aZombieIsDeadThoughStillInProc(@TempDir Path run) throws Exception {
        long pid = zombieFor3Seconds();
        ManagedProcess p = ManagedProcess.adopt("plans-service", pid, run.resolve("plans.log"), run);
        assertTrue(ProcessHandle.of(pid).isPresent(), "still in /proc");
        assertTrue(ProcessHandle.of(pid).get().isAlive(), "Java alone calls a zombie alive: the cause of the bug");
        assertFalse(p.alive(), "a zombie is not a running service");
    }

    @Test
    void upWaitsForTheKilledProcessToLeaveProcThenStartsAfresh(@TempDir Path run) throws Exception {
        long pid = zombieFor3Seconds();
        ManagedProcess.adopt("plans-service", pid, run.resolve("plans.log"), run);
        long t0 = System.nanoTime();

        Optional<ManagedProcess> live = ManagedProcess.recallLive("plans-service", run, Duration.ofSeconds(15));

        assertEquals(Optional.empty(), live, "nothing to adopt: up starts a new one");
        assertTrue(ProcessHandle.of(pid).isEmpty(), "up went on only once the dead process had left /proc");
        assertTrue(System.nanoTime() - t0 > Duration.ofMillis(1500).toNanos(), "it waited for the reaper");
        assertFalse(Files.exists(run.resolve("plans-service.pid")), "its PID file is dropped");
    }

    @Test
    void aRunningProcessIsAdopted(@TempDir Path run) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ManagedProcess.adopt("gateway", sleeper.pid(), run.resolve("gateway.log"), run);
            Optional<ManagedProcess> live = ManagedProcess.recallLive("gateway", run, Duration.ofSeconds(15));
            assertTrue(live.isPresent());
            assertEquals(sleeper.pid(), live.get().pid());
            assertTrue(live.get().alive());
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }
}
