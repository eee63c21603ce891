import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * An open-loop load generator (requests start on schedule whether or not earlier ones finished, as real
 * clients do): offers a fixed rate for a duration, then prints the status distribution, how many rejections
 * carried Retry-After, timeouts and latency percentiles. Run with the JDK's source launcher:
 *   java deploy/bench/OpenLoad.java URL RATE_PER_S SECONDS [TOKEN] [TIMEOUT_S]
 */
public class OpenLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args.length > 3 && !args[3].isEmpty() ? args[3] : null;
        int timeout = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder retryAfter = new LongAdder();
        LongAdder rejections = new LongAdder();
        LongAdder timeouts = new LongAdder();
        LongAdder errors = new LongAdder();
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong next = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
            long i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(timeout)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            long t0 = System.nanoTime();
            client.sendAsync(b.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((res, err) -> {
                latencies[(int) i] = System.nanoTime() - t0;
                if (err != null) {
                    if (String.valueOf(err).contains("Timeout")) {
                        timeouts.increment();
                    } else {
                        errors.increment();
                    }
                } else {
                    statuses.computeIfAbsent(res.statusCode(), k -> new LongAdder()).increment();
                    if (res.statusCode() == 429 || res.statusCode() == 503) {
                        rejections.increment();
                        if (res.headers().firstValue("Retry-After").isPresent()) {
                            retryAfter.increment();
                        }
                    }
                }
                done.incrementAndGet();
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (done.get() < total && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds + timeout + 10)) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.copyOf(latencies, done.get());
        Arrays.sort(sorted);
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((k, v) -> byStatus.put(k, v.sum()));
        long ok = byStatus.entrySet().stream().filter(e -> e.getKey() < 300).mapToLong(Map.Entry::getValue).sum();
        System.out.printf("offered %d/s for %d s: %d requests, %d answered 2xx (%.0f/s), statuses %s%n", rate, seconds,
                done.get(), ok, ok / elapsed, byStatus);
        System.out.printf("rejections (429/503) %d, with Retry-After %d; timeouts %d; other errors %d%n",
                rejections.sum(), retryAfter.sum(), timeouts.sum(), errors.sum());
        if (sorted.length > 0) {
            System.out.printf("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n", pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
        }
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
    }
}
