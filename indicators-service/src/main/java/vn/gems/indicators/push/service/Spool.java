package vn.gems.indicators.push.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A pushed file, copied from the request stream to a local temporary file as it arrives (64 KB at a time, never
 * whole in memory) while its SHA-256 is computed. The upload is then independent of the processing: the client is
 * answered (202) as soon as its bytes are in, an identical re-push is recognised by its hash before any row is
 * read, and rows are parsed from local disk without waiting on the network.
 */
public final class Spool implements AutoCloseable {

    public static final String PREFIX = "gems-push-";

    private final Path file;
    private final long bytes;
    private final String sha256;

    private Spool(Path file, long bytes, String sha256) {
        this.file = file;
        this.bytes = bytes;
        this.sha256 = sha256;
    }

    /** Copies {@code body} to a new file in {@code dir}; the file is deleted again if the copy fails. */
    public static Spool receive(InputStream body, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, PREFIX, ".upload");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long n = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            int r;
            while ((r = body.read(buf)) > 0) {
                sha.update(buf, 0, r);
                out.write(buf, 0, r);
                n += r;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Spool(file, n, HexFormat.of().formatHex(sha.digest()));
    }

    public InputStream open() throws IOException {
        return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    }

    public long bytes() {
        return bytes;
    }

    public String sha256() {
        return sha256;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the start-up sweep removes it
        }
    }
}
