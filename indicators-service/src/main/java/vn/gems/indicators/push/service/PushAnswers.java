package vn.gems.indicators.push.service;

import vn.gems.indicators.push.rest.PushView;

import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The problems a push answers, built in one place from its stored summary or its failure. */
public final class PushAnswers {

    private PushAnswers() {
    }

    /** 409 while a push with the same key runs: the client sends the same request again after Retry-After and gets its answer. */
    public static ProblemException inProgress(int retryAfterSeconds) {
        return new ProblemException(409, "PUSH_IN_PROGRESS", "Conflict",
                "A push with this Idempotency-Key is under way; send the same request again after Retry-After seconds to get its answer",
                List.of(), Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** A failure on our side: its code and sentence, 503 with Retry-After when the database was unreachable. */
    public static ProblemException failure(PushFailure f, int retryAfterSeconds) {
        return new ProblemException(f.status(), f.code(), f.status() == 503 ? "Service unavailable" : "Internal error", f.sentence(), List.of(),
                f.status() == 503 ? Map.of("Retry-After", String.valueOf(retryAfterSeconds)) : Map.of());
    }

    /** The 400 or 422 a failed push answered, rebuilt from its stored summary for a retry with its key. */
    public static ProblemException replayedFailure(PushView v, int status) {
        if (status == 422) {
            return rejected(v);
        }
        return new ProblemException(status, v.failureCode() == null ? "INVALID_FILE" : v.failureCode(), "Bad request",
                v.message() == null ? "The file cannot be a push" : v.message(), List.of(), Map.of());
    }

    /** 422 for an all-or-nothing push with bad rows: the first rejections inline, every one in the push resource. */
    public static ProblemException rejected(PushView v) {
        List<FieldError> errors = new ArrayList<>();
        for (PushView.RejectionView r : v.rejections()) {
            errors.add(new FieldError("lines[" + r.line() + "]." + r.column(), r.code(), r.message()));
        }
        return new ProblemException(422, "PUSH_REJECTED", "Unprocessable content", v.rowsRejected() + " row(s) rejected, nothing was written; "
                + "every rejection is listed at /api/values/pushes/" + v.id() + "/rejections", errors,
                Map.of("Location", "/api/values/pushes/" + v.id()));
    }
}
