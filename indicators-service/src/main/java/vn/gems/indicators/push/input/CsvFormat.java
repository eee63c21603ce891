package vn.gems.indicators.push.input;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** CSV as people and Excel write it ({@link CsvRowSource}). */
@ApplicationScoped
public class CsvFormat implements PushFormat {

    @Override
    public String name() {
        return "CSV";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("text/csv", "application/csv", "text/plain");
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return new CsvRowSource(body, catalogue.dimensionCodes);
    }
}
