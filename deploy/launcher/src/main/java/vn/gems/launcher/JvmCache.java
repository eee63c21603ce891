package vn.gems.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The start-up cache a service's JVM keeps between runs of the demo suite ({@code .gems/jvm-cache/}).
 * On Java 25 and later it is the AOT cache (JEP 483/514/515: classes loaded and linked, and method profiles, from a
 * training run): a start without a current cache is the training run ({@code -XX:AOTCacheOutput}, written when the
 * service stops), the starts after it use it ({@code -XX:AOTCache}). On Java 21 to 24 it is the AppCDS archive
 * the JVM writes at exit and reuses ({@code -XX:+AutoCreateSharedArchive}). A cache older than the application's
 * jar is thrown away, so a rebuild trains again.
 */
final class JvmCache {

    private JvmCache() {
    }

    static List<String> flags(Path stateDir, String name, Path jar) throws IOException {
        return flags(stateDir, name, jar, Runtime.version().feature());
    }

    static List<String> flags(Path stateDir, String name, Path jar, int javaFeature) throws IOException {
        Path dir = stateDir.resolve("jvm-cache");
        Files.createDirectories(dir);
        if (javaFeature < 25) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir.resolve(name + ".jsa"));
        }
        Path cache = dir.resolve(name + ".aot");
        if (current(cache, jar)) {
            return List.of("-XX:AOTCache=" + cache);
        }
        Files.deleteIfExists(cache);
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    /**
     * Whether the next start of the service will use an AOT cache; always true before Java 25, where the AppCDS
     * archive is written at exit by the JVM itself. The bench waits on this for the cache a stop is writing.
     */
    static boolean ready(Path stateDir, String name, Path jar) throws IOException {
        return Runtime.version().feature() < 25 || current(stateDir.resolve("jvm-cache").resolve(name + ".aot"), jar);
    }

    /**
     * Whether a running JVM of the service is a training run: it writes the cache as it stops, in a child JVM, which
     * takes seconds on an idle machine and minutes on a busy one. Stopping it must wait that long: killed after a
     * short grace it leaves no cache, and every later start is a training run again.
     */
    static boolean training(Path stateDir, String name) {
        return Runtime.version().feature() >= 25 && !Files.isRegularFile(stateDir.resolve("jvm-cache").resolve(name + ".aot"));
    }

    /** How long a stop waits for a training run to write its cache. */
    static final Duration TRAINING_EXIT = Duration.ofMinutes(5);

    /**
     * A restart cache (the replica suite's, {@link Suite#withRestartCache}): the AOT cache of a service in {@code dir},
     * trained on purpose by {@link Suite#trainRestartCache} and only used, never trained, by ordinary starts, whose
     * instances may be killed (a {@code kill -9} of a training run leaves no cache). Nothing before Java 25.
     */
    static List<String> restartFlags(Path dir, String service, Path jar) throws IOException {
        return restartFlags(dir, service, jar, Runtime.version().feature());
    }

    static List<String> restartFlags(Path dir, String service, Path jar, int javaFeature) throws IOException {
        Path cache = dir.resolve(service + ".aot");
        return javaFeature >= 25 && current(cache, jar) ? List.of("-XX:AOTCache=" + cache) : List.of();
    }

    /** The flags of a training run of a restart cache; empty when there is nothing to train (Java < 25 or current). */
    static List<String> restartTrainingFlags(Path dir, String service, Path jar) throws IOException {
        return restartTrainingFlags(dir, service, jar, Runtime.version().feature());
    }

    static List<String> restartTrainingFlags(Path dir, String service, Path jar, int javaFeature) throws IOException {
        Path cache = dir.resolve(service + ".aot");
        if (javaFeature < 25 || current(cache, jar)) {
            return List.of();
        }
        Files.createDirectories(dir);
        Files.deleteIfExists(cache);
        return List.of("-XX:AOTCacheOutput=" + cache);
    }

    private static boolean current(Path cache, Path jar) throws IOException {
        return Files.isRegularFile(cache) && Files.size(cache) > 0
                && !Files.getLastModifiedTime(cache).toInstant().isBefore(Files.getLastModifiedTime(jar).toInstant());
    }
}
