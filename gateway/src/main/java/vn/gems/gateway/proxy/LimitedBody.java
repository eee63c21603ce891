package vn.gems.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Passes a request body through while counting it; past the limit it fails the stream, which resets the
 * upstream request (the service never sees the rest) and lets the gateway answer 413. Needed for bodies
 * without Content-Length (chunked), whose size is only known while streaming.
 */
final class LimitedBody implements ReadStream<Buffer> {

    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes", null, false, false);
        }
    }

    private final ReadStream<Buffer> source;
    private final long limit;
    private long seen;
    private boolean failed;
    private Handler<Throwable> exceptionHandler;

    LimitedBody(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (failed) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                failed = true;
                source.pause();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLarge(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        if (!failed) {
            source.resume();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : v -> {
            if (!failed) {
                endHandler.handle(v);
            }
        });
        return this;
    }

    boolean exceeded() {
        return failed;
    }
}
