package vn.gems.gateway.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gems.gateway.config.GatewayConfig;

import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Who may send how much: per token subject (users) or principal (machines), and per client address for anonymous
 * callers. Each gateway replica allows its share ({@code limits.replicas}) of each limit.
 */
@ApplicationScoped
public class RateLimits {

    private static final long IDLE_NANOS = 600_000_000_000L;

    private final RateLimiter buckets = new RateLimiter();
    private final Share authenticated;
    private final Share anonymous;

    /** One replica's share of a configured limit. */
    private record Share(int configuredPerMinute, int perMinute, int burst) {
        static Share of(GatewayConfig.RateLimit limit, int replicas) {
            return new Share(limit.perMinute(), Math.max(1, limit.perMinute() / replicas), Math.max(1, limit.burst() / replicas));
        }
    }

    public RateLimits(GatewayConfig config) {
        int replicas = Math.max(1, config.limits().replicas());
        this.authenticated = Share.of(config.limits().authenticated(), replicas);
        this.anonymous = Share.of(config.limits().anonymous(), replicas);
    }

    void evictIdleBuckets(@Observes Router router, Vertx vertx) {
        vertx.setPeriodic(60_000, id -> buckets.evictIdle(System.nanoTime(), IDLE_NANOS));
    }

    /** The 429 problem when the caller is over its rate; {@code retryAfter} receives the seconds to wait. */
    Optional<Problem> check(SecurityIdentity identity, String client, LongConsumer retryAfter) {
        boolean anon = identity == null || identity.isAnonymous();
        Share share = anon ? anonymous : authenticated;
        long wait = buckets.acquire(key(identity, client, anon), share.perMinute(), share.burst(), System.nanoTime());
        if (wait <= 0) {
            return Optional.empty();
        }
        retryAfter.accept(wait);
        return Optional.of(new Problem(429, "RATE_LIMITED",
                "Slow down: at most %d requests a minute; retry after %d s".formatted(share.configuredPerMinute(), wait)));
    }

    private static String key(SecurityIdentity identity, String client, boolean anon) {
        if (anon) {
            return "ip:" + client;
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return "sub:" + jwt.getSubject();
        }
        return "principal:" + identity.getPrincipal().getName();
    }
}
