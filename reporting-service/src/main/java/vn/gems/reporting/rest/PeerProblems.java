package vn.gems.reporting.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gems.common.problem.ProblemMappers;
import vn.gems.common.http.PeerRejected;

import java.util.List;

/** A peer refusing what this service asked is this service's integration problem: 502 problem, logged, no internals. */
public class PeerProblems {

    private static final Logger LOG = Logger.getLogger(PeerProblems.class);

    @ServerExceptionMapper
    public Response peerRejected(PeerRejected e, UriInfo uri) {
        LOG.errorf("Peer refused a request made for %s: %s", uri == null ? "?" : uri.getPath(), e.getMessage());
        return ProblemMappers.build(502, "PEER_REJECTED", "Bad gateway",
                "A service this request depends on refused it; the operators have been told (quote the request id)", uri, List.of()).build();
    }
}
