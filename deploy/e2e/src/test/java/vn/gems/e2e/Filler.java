package vn.gems.e2e;

import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** A request body of {@code size} bytes made as it is read (never held in memory); counts what was read. */
final class Filler extends InputStream {
    final long size;
    final AtomicLong read = new AtomicLong();

    Filler(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        if (read.get() >= size) {
            return -1;
        }
        read.incrementAndGet();
        return '1';
    }

    @Override
    public int read(byte[] b, int off, int len) {
        long left = size - read.get();
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        Arrays.fill(b, off, off + n, (byte) '1');
        read.addAndGet(n);
        return n;
    }
}
