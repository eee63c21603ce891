package vn.gems.indicators.config;

import vn.gems.indicators.push.rules.Rejections;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Business settings of indicators-service ({@code gems.indicators.*}); every one has a default. */
@ConfigMapping(prefix = "gems.indicators")
public interface IndicatorsConfig {

    Push push();

    Batch batch();

    Rollup rollup();

    interface Push {
        /** Files larger than this finish in the background: the answer is 202 (once uploaded) with a job to poll. */
        @WithDefault("2M")
        MemorySize syncMaxBytes();

        /** Where uploads are spooled while they are processed, a folder per instance (default: a folder in java.io.tmpdir). */
        Optional<String> spoolDir();

        /** Rejections listed inline in an answer; the job resource pages through all of them. */
        @WithDefault("100")
        int inlineRejections();

        /** How often (rows) the job's progress counters are written while a file streams in. */
        @WithDefault("20000")
        int progressEvery();

        /** Background merges running at once; more wait in line. */
        @WithDefault("2")
        int workers();

        /** PostgreSQL work_mem for a merge: the staging ⋈ values hash join should stay in memory. */
        @WithDefault("256MB")
        String workMem();

        /** When an error answer is sent early, at most this much of the remaining body is drained first. */
        @WithDefault("64M")
        MemorySize drainLimit();

        /**
         * How long an instance's claim on a running push lasts without renewal. A push whose lease ran out is taken as
         * cut off (its instance died): it is marked FAILED (PUSH_INTERRUPTED), and a retry with its key runs it again.
         */
        @WithDefault("30s")
        Duration lease();

        /** How often an instance renews the leases of the pushes it runs (well under {@link #lease()}). */
        @WithDefault("10s")
        Duration heartbeat();

        /** Retry-After (seconds) of a 409 PUSH_IN_PROGRESS. */
        @WithDefault("5")
        int retryAfter();
    }

    interface Batch {
        /** Largest JSON request body outside the push endpoint (JSON is parsed into memory; files are streamed). */
        @WithDefault("16M")
        MemorySize maxJsonBody();

        /** Values in one JSON batch; larger loads go through the push endpoint. */
        @WithDefault("10000")
        int maxValues();
    }

    interface Rollup {
        /** Queries in one {@code POST /api/values/rollups}. */
        @WithDefault("500")
        int maxQueries();

        /** Periods in one series. */
        @WithDefault("100")
        int maxPeriods();
    }
}
