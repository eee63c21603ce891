package vn.gems.gateway.upstream;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Failures are told apart by their type and their causes' types; the message says nothing. */
class UpstreamFailureTest {

    @Test
    void eachKindByType() {
        assertEquals(UpstreamFailure.UNREACHABLE, UpstreamFailure.of(new ConnectException("Connection refused")));
        assertEquals(UpstreamFailure.UNREACHABLE, UpstreamFailure.of(new ConnectTimeoutException("connection timed out")));
        assertEquals(UpstreamFailure.UNREACHABLE, UpstreamFailure.of(new UnknownHostException("plans")));
        assertEquals(UpstreamFailure.BUSY, UpstreamFailure.of(new ConnectionPoolTooBusyException("Connection pool reached max wait queue size of 512")));
        assertEquals(UpstreamFailure.TIMEOUT, UpstreamFailure.of(new NoStackTraceTimeoutException("The timeout period of 30000ms has been exceeded")));
        assertEquals(UpstreamFailure.RESET, UpstreamFailure.of(new HttpClosedException("Connection was closed")));
        assertEquals(UpstreamFailure.RESET, UpstreamFailure.of(new IOException("Connection reset by peer")));
    }

    @Test
    void aCauseCountsAndAMessageDoesNot() {
        assertEquals(UpstreamFailure.UNREACHABLE, UpstreamFailure.of(new VertxException(new ConnectException("refused"))));
        assertEquals(UpstreamFailure.OTHER, UpstreamFailure.of(new IllegalStateException("timeout while waiting in the wait queue: Connection refused")));
        assertEquals(UpstreamFailure.OTHER, UpstreamFailure.of(new RuntimeException("TimeoutException")));
    }

    @Test
    void whatTheCallerIsTold() {
        assertEquals(503, UpstreamFailure.UNREACHABLE.status());
        assertEquals("5", UpstreamFailure.UNREACHABLE.retryAfter());
        assertEquals("plans is not reachable right now", UpstreamFailure.UNREACHABLE.detail("plans"));
        assertEquals("1", UpstreamFailure.BUSY.retryAfter());
        assertEquals(504, UpstreamFailure.TIMEOUT.status());
        assertEquals(502, UpstreamFailure.RESET.status());
    }
}
