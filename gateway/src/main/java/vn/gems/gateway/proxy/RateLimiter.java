package vn.gems.gateway.proxy;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per caller key (token subject, client id or IP). In memory, per gateway instance: with n
 * replicas a caller gets up to n times the limit, which is acceptable for protecting the services.
 * The map is bounded; idle buckets are dropped.
 */
final class RateLimiter {

    private static final int MAX_KEYS = 200_000;

    private static final class Bucket {
        double tokens;
        long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** 0 when allowed, else the seconds to wait before a token is available. */
    long acquire(String key, int perMinute, int burst, long nowNanos) {
        double ratePerNano = perMinute / 60e9;
        if (buckets.size() > MAX_KEYS) {
            evictIdle(nowNanos, 0);
        }
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (nowNanos - b.last) * ratePerNano);
            b.last = nowNanos;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / ratePerNano / 1e9));
        }
    }

    /** Drops buckets untouched for longer than {@code idleNanos} (they would be full again anyway). */
    void evictIdle(long nowNanos, long idleNanos) {
        for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
            Bucket b = it.next().getValue();
            if (nowNanos - b.last > idleNanos) {
                it.remove();
            }
        }
    }

    int size() {
        return buckets.size();
    }
}
