package vn.gems.indicators.service;

import java.io.IOException;
import java.io.InputStream;

/** The reader of each push format. */
final class RowSources {

    private RowSources() {
    }

    static RowSource open(PushCommand.Format format, InputStream in, Catalogue.Snapshot cat) throws IOException {
        return switch (format) {
            case CSV -> new CsvRowSource(in, cat.dimensionCodes);
            case JSONL -> JsonRowSource.lines(in);
            case JSON -> JsonRowSource.array(in);
        };
    }
}
