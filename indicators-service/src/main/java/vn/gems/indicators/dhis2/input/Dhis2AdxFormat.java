package vn.gems.indicators.dhis2.input;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.dhis2.service.Dhis2Mappings;
import vn.gems.indicators.push.input.PushFormat;
import vn.gems.indicators.push.input.RowSource;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** ADX XML (DHIS2's aggregate exchange) as a push format, through a stored DHIS2 mapping (see {@link Dhis2JsonFormat}). */
@ApplicationScoped
public class Dhis2AdxFormat implements PushFormat {

    public static final String MEDIA_TYPE = "application/adx+xml";

    private final Dhis2Mappings mappings;
    private final CurrentVertxRequest request;

    public Dhis2AdxFormat(Dhis2Mappings mappings, CurrentVertxRequest request) {
        this.mappings = mappings;
        this.request = request;
    }

    @Override
    public String name() {
        return "DHIS2_ADX";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of(MEDIA_TYPE);
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return Dhis2AdxRows.open(body, mappings::resolve, Dhis2JsonFormat.mappingParameter(request));
    }
}
