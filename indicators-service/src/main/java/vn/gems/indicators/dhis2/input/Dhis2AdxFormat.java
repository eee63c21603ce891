package vn.gems.indicators.dhis2.input;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.dhis2.service.Dhis2Mappings;

/** ADX XML (DHIS2's aggregate exchange) as a push format, through a stored DHIS2 mapping (see {@link Dhis2Format}). */
@ApplicationScoped
public class Dhis2AdxFormat extends Dhis2Format {

    public static final String MEDIA_TYPE = "application/adx+xml";

    public Dhis2AdxFormat(Dhis2Mappings mappings, CurrentVertxRequest request) {
        super("DHIS2_ADX", MEDIA_TYPE, (body, m, code) -> Dhis2AdxRows.open(body, m::resolve, code), mappings, request);
    }
}
