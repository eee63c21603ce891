package vn.gems.indicators.dhis2.input;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import vn.gems.indicators.dhis2.service.Dhis2Mappings;
import vn.gems.indicators.push.input.PushFormat;
import vn.gems.indicators.push.input.RowSource;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What the DHIS2 push formats share: one media type, the stored mappings, and the mapping the request names. The
 * mapping is the one named by the request's {@code mapping} query parameter, else the one for the document's data
 * set, else the only one stored.
 */
abstract class Dhis2Format implements PushFormat {

    /** Reads a document into rows through the mapping {@code mappingCode} (or the one the document's data set picks). */
    @FunctionalInterface
    interface Reader {
        RowSource open(InputStream body, Dhis2Mappings mappings, String mappingCode) throws IOException;
    }

    private final String name;
    private final String mediaType;
    private final Reader reader;
    private final Dhis2Mappings mappings;
    private final CurrentVertxRequest request;

    /** For the client proxy CDI makes of an application-scoped subclass; never used to read. */
    Dhis2Format() {
        this(null, null, null, null, null);
    }

    Dhis2Format(String name, String mediaType, Reader reader, Dhis2Mappings mappings, CurrentVertxRequest request) {
        this.name = name;
        this.mediaType = mediaType;
        this.reader = reader;
        this.mappings = mappings;
        this.request = request;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> mediaTypes() {
        return List.of(mediaType);
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return reader.open(body, mappings, mappingParameter());
    }

    /**
     * The request's {@code mapping} query parameter, or null. The header is read on the request's thread (PushService
     * opens the source before answering), so the query is at hand; the format needs no parameter of the pipeline's.
     */
    private String mappingParameter() {
        String code = request.getCurrent() == null ? null : request.getCurrent().request().getParam("mapping");
        return code == null || code.isBlank() ? null : code.trim();
    }
}
