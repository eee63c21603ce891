package vn.gems.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deploy/gems status} in a clone whose launcher is not built says what answers on the suite's ports. */
class StatusWithoutLauncherTest {

    @Test
    void namesWhatListensOnEachPort(@TempDir Path clone) throws Exception {
        Path repo = Path.of(System.getProperty("gems.root", "../..")).toAbsolutePath().normalize();
        Files.createDirectories(clone.resolve("deploy"));
        Files.copy(repo.resolve("deploy/gems"), clone.resolve("deploy/gems"));
        Files.copy(repo.resolve("deploy/jdk.sh"), clone.resolve("deploy/jdk.sh"));
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int free;
            try (ServerSocket s = new ServerSocket(0)) {
                free = s.getLocalPort();
            }
            ProcessBuilder pb = new ProcessBuilder("bash", clone.resolve("deploy/gems").toString(), "status").redirectErrorStream(true);
            pb.environment().put("GEMS_STATUS_PORTS", "plans-service:" + busy.getLocalPort() + " gateway:" + free);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.contains("something answers on :" + busy.getLocalPort() + " (not started by this clone)"), out);
            assertTrue(out.matches("(?s).*gateway\\s+nothing on :" + free + "\\b.*"), out);
            assertTrue(!out.contains("is not built yet: run"), out);
        }
    }
}
