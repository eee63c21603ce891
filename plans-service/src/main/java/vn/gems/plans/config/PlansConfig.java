package vn.gems.plans.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Business settings of plans-service ({@code gems.plans.*}). */
@ConfigMapping(prefix = "gems.plans")
public interface PlansConfig {

    /** Check agencies' and plans' administrative-unit codes against indicators-service. */
    @WithDefault("true")
    boolean validateUnits();

    /** Check measures' indicator codes against indicators-service's catalogue. */
    @WithDefault("true")
    boolean validateIndicators();

    Outbox outbox();

    UnitFeed unitFeed();

    /** Following indicators-service's unit change feed (People's Committees). */
    interface UnitFeed {
        /** How often the follower asks for new changes ({@code off} disables it); read by the scheduler. */
        @WithDefault("5s")
        String every();

        /** Changes asked for per call. */
        @WithDefault("200")
        int batchSize();

        /** Pages applied per run at most (a catch-up after downtime continues on the next run). */
        @WithDefault("50")
        int maxPages();
    }

    /** Delivery of lifecycle events to reporting-service. */
    interface Outbox {
        /** How often the relay looks for due events ({@code off} disables it); read by the scheduler. */
        @WithDefault("2s")
        String every();

        /** Events delivered per run. */
        @WithDefault("50")
        int batchSize();

        /** First retry delay after a failed delivery; doubles per attempt. */
        @WithDefault("5s")
        Duration backoff();

        /** Longest delay between two attempts (the relay stops at the first refusal, so retries stay cheap). */
        @WithDefault("1m")
        Duration maxBackoff();

        /** How long an instance holds a claimed event; after that another replica may take it over. */
        @WithDefault("60s")
        Duration lease();

        /**
         * Attempts after which an event is dead-lettered (FAILED; later events of its plan wait) until an admin requeues
         * it. Attempts cut short because reporting-service is down are not counted beyond the first of each round.
         */
        @WithDefault("100")
        int maxAttempts();
    }
}
