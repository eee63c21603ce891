package vn.gems.indicators.push.input;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * SDMX-CSV 1.0 or 2.0 of the GEMS dataflow ({@link SdmxCsvRowSource}), as {@code GET /sdmx/2.1/data} writes it and
 * SDMX tools produce it: the same job, rejections and idempotency as any push.
 */
@ApplicationScoped
public class SdmxCsvFormat implements PushFormat {

    @Override
    public String name() {
        return "SDMX_CSV";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("application/vnd.sdmx.data+csv");
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return new SdmxCsvRowSource(body, catalogue.dimensionCodes);
    }
}
