package vn.gems.indicators.push.input;

import vn.gems.indicators.service.Catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One input format of a push: its name (stored with the push, e.g. {@code CSV}; at most 20 characters), the media types
 * it is sent as, and the reader of its rows. Each format is one {@code @ApplicationScoped} class implementing this
 * interface; {@link PushFormats} finds every one, so a new format (SDMX-CSV, DHIS2 dataValueSets) needs no other change:
 * its {@link RowSource} fills {@link RawRow}s (indicator, unit, period, sex, dimensions, value, numerator, denominator,
 * status — as text, with the file's line or element number) and the pipeline validates, checks and merges them as any
 * other push.
 */
public interface PushFormat {

    /** The name stored in the push's {@code format}, e.g. {@code CSV}. */
    String name();

    /** Media types (without parameters, lower case) a push in this format is sent as. */
    List<String> mediaTypes();

    /**
     * Opens a reader over the whole body. A body that cannot be this format at all (bad header, broken structure) is a
     * {@link RowSource.InvalidInput} (answered 400, nothing written); a bad row is reported by the reader and skipped.
     */
    RowSource open(InputStream body, Catalogue.Snapshot catalogue) throws IOException;
}
