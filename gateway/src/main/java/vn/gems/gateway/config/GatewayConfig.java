package vn.gems.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The route table, the upstream services and the limits (README "Routes" documents the same table). */
@ConfigMapping(prefix = "gems.gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Upstream> services();

    /** Path prefixes and where they go; the longest matching prefix wins. */
    List<Route> routes();

    Limits limits();

    TokenCache tokenCache();

    /**
     * Verified access tokens kept so that a client reusing its token is not verified again on every request
     * (signature checking is most of the gateway's CPU per request). An entry lives until the token expires
     * or {@code max-age}, whichever comes first; the services still verify every token themselves.
     */
    interface TokenCache {
        /** 0 turns the cache off. */
        @WithDefault("60s")
        Duration maxAge();

        @WithDefault("5000")
        int maxEntries();
    }

    /** Who may tell the gateway where a request came from (X-Forwarded-*). */
    Forwarding forwarding();

    interface Forwarding {
        /**
         * Addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) of the proxies in front of the gateway
         * (an ingress, a load balancer). Their {@code X-Forwarded-For}, {@code -Proto} and {@code -Host} are believed
         * and passed on, the gateway's peer appended; anyone else's are replaced. Empty: nobody's.
         */
        Optional<List<String>> trustedProxies();
    }

    interface Upstream {
        /**
         * The service's instances, comma-separated ({@code http://a:8081,http://b:8081}): each request goes to one of
         * those in rotation; one that refuses connections or fails its health check is left out until it passes again.
         */
        @WithName("url")
        List<URI> urls();

        /** Health checking of each instance. */
        Health health();

        /** Longest silence from the service before the gateway answers 504. */
        @WithDefault("30s")
        Duration timeout();

        @WithDefault("3s")
        Duration connectTimeout();

        /** Connections kept per service on each event loop (Quarkus runs two loops per core). */
        @WithDefault("16")
        int poolSize();

        /**
         * Requests in flight to this service (all its instances) beyond which the gateway answers 503 at once (with
         * Retry-After) instead of queueing: overload is refused quickly, never turned into timeouts.
         */
        @WithDefault("512")
        int maxInFlight();
    }

    interface Health {
        /** Off: instances are only left out when they refuse connections (and tried again after {@code interval}). */
        @WithDefault("true")
        boolean enabled();

        /** Asked with GET on each instance; anything but 2xx in time takes the instance out of rotation. */
        @WithDefault("/q/health/ready")
        String path();

        /** How often every instance is asked (one taken out comes back on its first good answer). */
        @WithDefault("2s")
        Duration interval();

        @WithDefault("1s")
        Duration timeout();
    }

    interface Route {
        /** A path prefix such as {@code /api/plans}; matches the prefix itself and everything below it. */
        String prefix();

        /** Name of an entry of {@link #services()}. */
        String service();

        /** Path sent upstream in place of the prefix; absent keeps the path as it is. */
        Optional<String> rewrite();

        /** Anonymous callers allowed (the portal's read-only routes, API documents). */
        @WithDefault("false")
        boolean anonymous();

        /** Largest request body; more is refused with 413. Defaults to {@link Limits#maxBody()}. */
        Optional<MemorySize> maxBody();

        /** Overrides the service's timeout for this route. */
        Optional<Duration> timeout();
    }

    interface Limits {
        @WithDefault("1M")
        MemorySize maxBody();

        /**
         * Longest request line ({@code GET /path?query HTTP/1.1}); longer is refused with a 414 problem. The
         * services' HTTP codec takes 4096 bytes, so more would only fail one hop later.
         */
        @WithDefault("4096")
        int maxRequestLine();

        /**
         * Largest total of the request's headers; more is refused with a 431 problem naming the largest header.
         * Below the services' 20K so that the headers the gateway adds still fit.
         */
        @WithDefault("16K")
        MemorySize maxHeaders();

        /** Largest {@code size} query parameter a list may ask for. */
        @WithDefault("500")
        int maxPageSize();

        /**
         * How many gateway replicas share the rate limits below. Each replica keeps its own buckets in memory and
         * allows {@code 1/replicas} of each limit (burst included, at least 1), so that behind a load balancer that
         * spreads a caller's requests over the replicas, the caller gets about the configured limit in all. 1: every
         * replica allows the whole limit (a caller may then get up to n times the limit from n replicas).
         */
        @WithDefault("1")
        int replicas();

        /** Per token subject (users) or client id (machines). */
        RateLimit authenticated();

        /** Per client IP (the forwarded one when the peer is a trusted proxy), for the anonymous public routes. */
        RateLimit anonymous();

        /**
         * After the gateway has refused a request whose body is still arriving (413, 401, 429 …), how long it goes
         * on reading and discarding that body before closing the connection: long enough for a client that reads
         * the answer only after sending everything to see the problem rather than a broken pipe.
         */
        @WithDefault("10s")
        Duration drainTime();

        /** How long the portal may cache public answers. */
        @WithDefault("60s")
        Duration publicMaxAge();
    }

    interface RateLimit {
        @WithDefault("600")
        int perMinute();

        @WithDefault("100")
        int burst();
    }
}
