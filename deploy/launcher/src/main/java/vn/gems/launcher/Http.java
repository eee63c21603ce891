package vn.gems.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The few HTTP helpers the launcher needs: readiness polling. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
