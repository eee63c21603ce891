package vn.gems.common.outbox;

import jakarta.ws.rs.core.Response;
import vn.gems.common.problem.ProblemException;

/** The answer of an admin's requeue route, the same for every service's outbox: 204, or 409 {@code NOT_FAILED}. */
public final class RequeueAnswer {

    private RequeueAnswer() {
    }

    /** {@code requeued}: what {@link TransactionalOutbox#requeue} said; {@code what}: the message's name in the problem. */
    public static Response of(boolean requeued, String what, long id) {
        if (!requeued) {
            throw ProblemException.conflict("NOT_FAILED", what + " " + id + " does not exist or is not FAILED");
        }
        return Response.noContent().build();
    }
}
