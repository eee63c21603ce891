package vn.gems.indicators.push.input;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** One JSON array of value objects, streamed ({@link JsonRowSource#array}). */
@ApplicationScoped
public class JsonArrayFormat implements PushFormat {

    @Override
    public String name() {
        return "JSON";
    }

    @Override
    public List<String> mediaTypes() {
        return List.of("application/json");
    }

    @Override
    public RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException {
        return JsonRowSource.array(body);
    }
}
