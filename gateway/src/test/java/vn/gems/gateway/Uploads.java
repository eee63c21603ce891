package vn.gems.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request bodies of any size made up on the fly (nothing held in memory), sent as ordinary clients send them:
 * with Content-Length, chunked, or with {@code Expect: 100-continue}. Counts the bytes the client actually sent.
 */
public final class Uploads {

    private static final int CHUNK = 64 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public final AtomicLong sent = new AtomicLong();

    /** Framing of the body. */
    public enum Framing { CONTENT_LENGTH, CHUNKED, EXPECT_CONTINUE }

    public HttpResponse<String> post(String url, String token, long size, Framing framing) throws Exception {
        HttpRequest.BodyPublisher bytes = framing == Framing.CHUNKED ? HttpRequest.BodyPublishers.fromPublisher(publisher(size))
                : HttpRequest.BodyPublishers.fromPublisher(publisher(size), size);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/csv").POST(bytes).expectContinue(framing == Framing.EXPECT_CONTINUE);
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Flow.Publisher<ByteBuffer> publisher(long size) {
        return subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
            long left = size;
            boolean done;

            @Override
            public synchronized void request(long n) {
                for (long i = 0; i < n && !done; i++) {
                    if (left == 0) {
                        done = true;
                        subscriber.onComplete();
                        return;
                    }
                    int len = (int) Math.min(CHUNK, left);
                    ByteBuffer chunk = ByteBuffer.allocate(len);
                    Arrays.fill(chunk.array(), (byte) 'x');
                    left -= len;
                    sent.addAndGet(len);
                    subscriber.onNext(chunk);
                }
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
    }
}
