package vn.gems.indicators.push.input;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** JSON lines: one value object per line ({@link JsonRowSource#lines}). */
@ApplicationScoped
public class JsonLinesFormat implements PushFormat {

    @Override
    public String name() {
        return "JSONL";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("application/x-ndjson", "application/jsonl", "application/json-lines");
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return JsonRowSource.lines(body);
    }
}
