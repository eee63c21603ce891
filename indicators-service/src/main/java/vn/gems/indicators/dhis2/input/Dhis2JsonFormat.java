package vn.gems.indicators.dhis2.input;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.dhis2.service.Dhis2Mappings;

/**
 * DHIS2 {@code dataValueSets} JSON as a push format: the same job, dry run, rejections and idempotency as a CSV push,
 * through a stored DHIS2 mapping (see {@link Dhis2Format}). Sent to {@code POST /api/values/pushes} as
 * {@code application/vnd.dhis2.datavalueset+json}, or as plain JSON to {@code POST /api/values/dhis2/dataValueSets}.
 */
@ApplicationScoped
public class Dhis2JsonFormat extends Dhis2Format {

    public static final String MEDIA_TYPE = "application/vnd.dhis2.datavalueset+json";

    public Dhis2JsonFormat(Dhis2Mappings mappings, CurrentVertxRequest request) {
        super("DHIS2_JSON", MEDIA_TYPE, (body, m, code) -> Dhis2JsonRows.open(body, m::resolve, code), mappings, request);
    }
}
