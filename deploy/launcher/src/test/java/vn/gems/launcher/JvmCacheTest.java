package vn.gems.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JvmCacheTest {

    @TempDir
    Path state;

    private Path jar(Instant modified) throws IOException {
        Path jar = state.resolve("quarkus-run.jar");
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(modified));
        return jar;
    }

    private Path cache(Instant modified) throws IOException {
        Path cache = state.resolve("jvm-cache/plans-service.aot");
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "cache");
        Files.setLastModifiedTime(cache, FileTime.from(modified));
        return cache;
    }

    @Test
    void java25WithoutACacheTrainsOne() throws IOException {
        Path jar = jar(Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(List.of("-XX:AOTCacheOutput=" + state.resolve("jvm-cache/plans-service.aot")),
                JvmCache.flags(state, "plans-service", jar, 25));
    }

    @Test
    void java25UsesACacheNewerThanTheJar() throws IOException {
        Path jar = jar(Instant.parse("2026-12-01T00:00:00Z"));
        Path cache = cache(Instant.parse("2026-12-02T00:00:00Z"));
        assertEquals(List.of("-XX:AOTCache=" + cache), JvmCache.flags(state, "plans-service", jar, 25));
    }

    @Test
    void aRebuiltJarThrowsTheCacheAwayAndTrainsAgain() throws IOException {
        Path cache = cache(Instant.parse("2026-12-01T00:00:00Z"));
        Path jar = jar(Instant.parse("2026-12-02T00:00:00Z"));
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), JvmCache.flags(state, "plans-service", jar, 25));
        assertFalse(Files.exists(cache), "the stale cache is still there");
    }

    @Test
    void beforeJava25TheJvmKeepsAnAppCdsArchive() throws IOException {
        Path jar = jar(Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + state.resolve("jvm-cache/plans-service.jsa")),
                JvmCache.flags(state, "plans-service", jar, 21));
    }

    @Test
    void aRestartCacheIsOnlyUsedOnceTrainedNeverTrainedByAStart() throws IOException {
        Path jar = jar(Instant.parse("2026-12-01T00:00:00Z"));
        Path dir = state.resolve("jvm-cache");
        assertEquals(List.of(), JvmCache.restartFlags(dir, "plans-service", jar, 25), "a start without a cache trains none");
        assertEquals(List.of("-XX:AOTCacheOutput=" + dir.resolve("plans-service.aot")),
                JvmCache.restartTrainingFlags(dir, "plans-service", jar, 25));
        Path cache = cache(Instant.parse("2026-12-02T00:00:00Z"));
        assertEquals(List.of("-XX:AOTCache=" + cache), JvmCache.restartFlags(dir, "plans-service", jar, 25));
        assertEquals(List.of(), JvmCache.restartTrainingFlags(dir, "plans-service", jar, 25), "a current cache is trained again");
    }

    @Test
    void aRestartCacheOlderThanTheJarIsNotUsedAndIsTrainedAgain() throws IOException {
        Path cache = cache(Instant.parse("2026-12-01T00:00:00Z"));
        Path jar = jar(Instant.parse("2026-12-02T00:00:00Z"));
        Path dir = state.resolve("jvm-cache");
        assertEquals(List.of(), JvmCache.restartFlags(dir, "plans-service", jar, 25));
        assertEquals(List.of("-XX:AOTCacheOutput=" + cache), JvmCache.restartTrainingFlags(dir, "plans-service", jar, 25));
        assertFalse(Files.exists(cache), "the stale cache is still there");
    }

    @Test
    void beforeJava25ThereIsNoRestartCache() throws IOException {
        Path jar = jar(Instant.parse("2026-12-01T00:00:00Z"));
        Path dir = state.resolve("jvm-cache");
        assertEquals(List.of(), JvmCache.restartTrainingFlags(dir, "plans-service", jar, 21));
        cache(Instant.parse("2026-12-02T00:00:00Z"));
        assertEquals(List.of(), JvmCache.restartFlags(dir, "plans-service", jar, 21));
    }
}
