package vn.gems.indicators.push.merge;

import vn.gems.indicators.push.rules.StagedRow;
import vn.gems.indicators.push.service.Spool;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validated rows in PostgreSQL's COPY text format ({@code line, indicator_id, unit_id, period, sex, dims, value,
 * numerator, denominator, status}), written as they are validated to a local file (or, for small JSON batches, to
 * memory), with the indicators and slices (indicator × period) they touch. The rows are then COPY'd either into the
 * staging table or, for slices that never held a value, straight into the values table.
 */
public final class StageFile implements AutoCloseable {

    private static final int BUFFER = 1 << 18;

    private final Path file;
    private final ByteArrayOutputStream memory;
    private final OutputStream out;
    private final byte[] buf = new byte[BUFFER];
    private int len;
    private long rows;
    private final BitSet indicators = new BitSet();
    private final Set<String> slices = new TreeSet<>();
    private String lastSlice = "";

    private StageFile(Path file, ByteArrayOutputStream memory) throws IOException {
        this.file = file;
        this.memory = memory;
        this.out = file != null ? new BufferedOutputStream(Files.newOutputStream(file), BUFFER) : memory;
    }

    public static StageFile onDisk(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new StageFile(Files.createTempFile(dir, Spool.PREFIX, ".stage"), null);
    }

    public static StageFile inMemory() {
        try {
            return new StageFile(null, new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void add(StagedRow r) throws IOException {
        if (len > BUFFER - 1024) {
            flush();
        }
        number(r.line());
        tab();
        number(r.indicatorId());
        tab();
        number(r.unitId());
        tab();
        ascii(r.period());
        tab();
        buf[len++] = (byte) r.sex();
        tab();
        ascii(r.dims());
        tab();
        decimal(r.value());
        tab();
        decimal(r.numerator());
        tab();
        decimal(r.denominator());
        tab();
        buf[len++] = (byte) r.status();
        buf[len++] = '\n';
        rows++;
        indicators.set(r.indicatorId());
        String slice = r.indicatorId() + ":" + r.period();
        if (!slice.equals(lastSlice)) {
            slices.add(slice);
            lastSlice = slice;
        }
    }

    /** Ends writing; the rows can then be read back with {@link #open()}. */
    public void finish() throws IOException {
        flush();
        out.flush();
        if (file != null) {
            out.close();
        }
    }

    public InputStream open() throws IOException {
        return file != null ? new BufferedInputStream(Files.newInputStream(file), BUFFER)
                : new ByteArrayInputStream(memory.toByteArray());
    }

    public long rows() {
        return rows;
    }

    public BitSet indicators() {
        return indicators;
    }

    /** The slices touched, as {@code indicatorId:period}, sorted. */
    public Set<String> slices() {
        return slices;
    }

    @Override
    public void close() {
        if (file != null) {
            try {
                out.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the start-up sweep removes it
            }
        }
    }

    private void flush() throws IOException {
        if (len > 0) {
            out.write(buf, 0, len);
            len = 0;
        }
    }

    private void tab() {
        buf[len++] = '\t';
    }

    private void number(long v) {
        if (v == 0) {
            buf[len++] = '0';
            return;
        }
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int start = len;
        while (v > 0) {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** Periods, dimension codes and values are validated to plain ASCII without tabs or backslashes. */
    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void decimal(BigDecimal d) {
        if (d == null) {
            buf[len++] = '\\';
            buf[len++] = 'N';
        } else {
            ascii(d.toPlainString());
        }
    }
}
