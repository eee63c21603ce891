package vn.gems.common.http;

/** A peer answered 4xx: retrying the same request cannot help, so fault tolerance lets it through at once. */
public class PeerRejected extends RuntimeException {

    private final int status;
    private final String body;

    public PeerRejected(String peer, int status, String body) {
        super(peer + " answered " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
        this.status = status;
        this.body = body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    private static String abbreviate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
