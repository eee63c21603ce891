package vn.gems.common.http;

import jakarta.ws.rs.WebApplicationException;
import vn.gems.common.problem.ProblemException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Calling another GEMS service: a 4xx is the peer's verdict on our request ({@link PeerRejected}, not worth a retry),
 * a 404 on a read is the answer "there is none", anything else means "peer down" (retry, then a 503 problem).
 */
public final class PeerCalls {

    private PeerCalls() {
    }

    /** The peer's answer; empty when it answers 404; {@link PeerRejected} for another 4xx; other failures rethrown. */
    public static <T> Optional<T> orEmptyIfNotFound(String peer, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (RuntimeException e) {
            RuntimeException c = classify(peer, e);
            if (c instanceof PeerRejected r && r.status() == 404) {
                return Optional.empty();
            }
            throw c;
        }
    }

    /** Rethrows 4xx answers as {@link PeerRejected}; returns other failures for retry. */
    public static RuntimeException classify(String peer, RuntimeException e) {
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            int status = w.getResponse().getStatus();
            if (status >= 400 && status < 500) {
                String body = null;
                try {
                    body = w.getResponse().hasEntity() ? w.getResponse().readEntity(String.class) : null;
                } catch (RuntimeException ignored) {
                    // the body is only for the message
                }
                return new PeerRejected(peer, status, body);
            }
        }
        return e;
    }

    /** The 503 problem for a peer that does not answer: {@code <PEER>_UNAVAILABLE}, e.g. PLANS_SERVICE_UNAVAILABLE. */
    public static ProblemException unavailable(String peer) {
        String code = peer.toUpperCase().replace('-', '_') + "_UNAVAILABLE";
        return ProblemException.unavailable(code, peer + " is not answering right now; try again shortly", 30);
    }
}
