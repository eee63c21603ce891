package vn.gems.common.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemWriter;

import java.util.List;

/**
 * Refuses a path or query holding control characters ({@link ControlCharacters}) before anything else reads it, on
 * every route: {@code /api/plans/%00} is a 400 problem here instead of a failure in the database. JSON bodies are
 * guarded by {@link vn.gems.common.json.NoControlStrings}.
 */
@ApplicationScoped
public class ControlCharacterGuard {

    /** After {@link RequestIdFilter} (1000), so the problem carries the request id. */
    static final int PRIORITY = 900;

    private final ProblemWriter problems;

    public ControlCharacterGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String uri = rc.request().uri();
            String field = uri == null ? null : ControlCharacters.whereInUri(uri);
            if (field == null) {
                rc.next();
                return;
            }
            problems.write(rc, 400, ControlCharacters.CODE, "Control characters are not allowed in " + field,
                    List.of(new FieldError(field, ControlCharacters.CODE, "must not contain control characters")));
        }, PRIORITY);
    }
}
