package vn.gems.indicators.push.merge;

import java.io.IOException;
import java.io.InputStream;

/** Drops the line-number column of staged rows and appends the batch id: the values table's COPY layout. */
final class ValueCopyStream extends InputStream {
    private final InputStream in;
    private final byte[] suffix;
    private final byte[] buf = new byte[1 << 16];
    private byte[] out = new byte[1 << 18];
    private int outLen;
    private int outPos;
    private boolean skipping = true;

    ValueCopyStream(InputStream in, byte[] suffix) {
        this.in = in;
        this.suffix = suffix;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int length) throws IOException {
        while (outPos >= outLen) {
            int n = in.read(buf);
            if (n < 0) {
                return -1;
            }
            // every input line is at least 20 bytes, so the output is at most buf + one suffix per 20 bytes
            int need = n + (n / 20 + 1) * suffix.length;
            if (out.length < need) {
                out = new byte[need];
            }
            outLen = 0;
            outPos = 0;
            for (int i = 0; i < n; i++) {
                byte x = buf[i];
                if (skipping) {
                    skipping = x != '\t';
                } else if (x == '\n') {
                    System.arraycopy(suffix, 0, out, outLen, suffix.length);
                    outLen += suffix.length;
                    skipping = true;
                } else {
                    out[outLen++] = x;
                }
            }
        }
        int k = Math.min(length, outLen - outPos);
        System.arraycopy(out, outPos, b, off, k);
        outPos += k;
        return k;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
