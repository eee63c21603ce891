package vn.gems.common.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delay before the next attempt: doubles per failed attempt up to a ceiling, then "equal jitter" (half fixed, half
 * random) so that replicas, and messages that failed together, do not all come back at the same instant.
 */
public final class Backoff {

    private Backoff() {
    }

    /** The delay after the {@code attempts}-th failed attempt (1 = the first). */
    public static Duration after(int attempts, Duration initial, Duration max, RandomGenerator random) {
        long base = initial.toMillis();
        long ceiling = max.toMillis();
        int shift = Math.min(30, Math.max(0, attempts - 1));
        long full = base > (ceiling >> shift) ? ceiling : Math.min(ceiling, base << shift);
        long half = full / 2;
        return Duration.ofMillis(full - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
