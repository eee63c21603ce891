package vn.gems.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The few HTTP helpers the launcher needs: readiness polling, and sending that waits when told to. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Most times the demo loader sends one request when it is answered 429 or 503 (each wait ≤ 30 s). */
    static final int ATTEMPTS = 60;

    private Http() {
    }

    static int status(String url) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return CLIENT.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Sends {@code req}; while the answer is 429 (over the caller's rate) or 503 (service busy or starting), waits
     * as its Retry-After says and sends it again, {@code attempts} times in all. A re-run of the demo load
     * goes faster than the gateway's per-user rate (every step answers 409 at once) and must wait, not fail.
     */
    static HttpResponse<String> sendPatiently(HttpClient client, HttpRequest req, int attempts) throws IOException, InterruptedException {
        HttpResponse<String> res = client.send(req, HttpResponse.BodyHandlers.ofString());
        for (int attempt = 1; attempt < attempts && (res.statusCode() == 429 || res.statusCode() == 503); attempt++) {
            Thread.sleep(retryAfterMillis(res.headers().firstValue("Retry-After").orElse(null)));
            res = client.send(req, HttpResponse.BodyHandlers.ofString());
        }
        return res;
    }

    /** Retry-After in seconds, kept within 1..30 s; absent or an HTTP date (the gateway never sends one): 1 s. */
    static long retryAfterMillis(String header) {
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.trim());
            return Math.min(30, Math.max(1, seconds)) * 1000;
        } catch (NumberFormatException e) {
            return 1000;
        }
    }

    /** Polls {@code url} until it answers 200; fails early when {@code stillRunning} turns false. */
    static void awaitOk(String what, String url, Duration timeout, BooleanSupplier stillRunning, ManagedProcess proc) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (status(url) == 200) {
                return;
            }
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it was ready. Last log lines:\n"
                        + (proc == null ? "" : proc.tail(40)));
            }
            ManagedProcess.sleep(250);
        }
        throw new IllegalStateException(what + " not ready after " + timeout.toSeconds() + " s (" + url + ")."
                + (proc == null ? "" : " Last log lines:\n" + proc.tail(40)));
    }
}
