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

/**
 * DHIS2 {@code dataValueSets} JSON as a push format: the same job, dry run, rejections and idempotency as a CSV push.
 * The mapping is the one named by the request's {@code mapping} query parameter, else the one for the document's
 * data set, else the only one stored. Sent to {@code POST /api/values/pushes} as
 * {@code application/vnd.dhis2.datavalueset+json}, or as plain JSON to {@code POST /api/values/dhis2/dataValueSets}.
 */
@ApplicationScoped
public class Dhis2JsonFormat implements PushFormat {

    public static final String MEDIA_TYPE = "application/vnd.dhis2.datavalueset+json";

    private final Dhis2Mappings mappings;
    private final CurrentVertxRequest request;

    public Dhis2JsonFormat(Dhis2Mappings mappings, CurrentVertxRequest request) {
        this.mappings = mappings;
        this.request = request;
    }

    @Override
    public String name() {
        return "DHIS2_JSON";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of(MEDIA_TYPE);
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return Dhis2JsonRows.open(body, mappings::resolve, mappingParameter(request));
    }

    /**
     * The request's {@code mapping} query parameter, or null. The header is read on the request's thread (PushService
     * opens the source before answering), so the query is at hand; the format needs no parameter of the pipeline's.
     */
    static String mappingParameter(CurrentVertxRequest request) {
        String code = request.getCurrent() == null ? null : request.getCurrent().request().getParam("mapping");
        return code == null || code.isBlank() ? null : code.trim();
    }
}
