package vn.gems.indicators.push.input;

import java.util.LinkedHashMap;
import java.util.Map;

/** One row as read from a file or a JSON body, all fields still text; {@code line} locates it for error reports. */
public final class RawRow {
    public long line;
    public String indicator;
    public String unit;
    public String period;
    public String sex;
    public String value;
    public String numerator;
    public String denominator;
    public String status;
    public final Map<String, String> dims = new LinkedHashMap<>();
    /** Columns of the file that are not values (SDMX-CSV's DATAFLOW, ACTION, UNIT_MEASURE…), for the format to check. */
    public final Map<String, String> meta = new LinkedHashMap<>();

    public void clear(long line) {
        this.line = line;
        indicator = unit = period = sex = value = numerator = denominator = status = null;
        dims.clear();
        meta.clear();
    }
}
