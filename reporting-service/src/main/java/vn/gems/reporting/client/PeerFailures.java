package vn.gems.reporting.client;

import jakarta.ws.rs.WebApplicationException;
import vn.gems.common.problem.ProblemException;

/** Sorting a peer's failures: 4xx is the peer's verdict on our request, anything else means "peer down". */
final class PeerFailures {

    private PeerFailures() {
    }

    /** Rethrows 4xx answers as {@link PeerRejected}; returns other failures for retry. */
    static RuntimeException classify(String peer, RuntimeException e) {
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

    static ProblemException unavailable(String peer, Throwable cause) {
        String code = peer.toUpperCase().replace('-', '_') + "_UNAVAILABLE";
        return ProblemException.unavailable(code, peer + " is not answering right now; try again shortly", 30);
    }
}
