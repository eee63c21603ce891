package vn.gems.gateway.proxy;

import io.netty.util.NetUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a request came from, and the {@code X-Forwarded-*} headers the services get. The gateway's peer (the socket's
 * other end) is a trusted proxy or not:
 * <ul>
 *   <li>trusted (an ingress or load balancer listed in {@code gems.gateway.forwarding.trusted-proxies}): its
 *   {@code X-Forwarded-For} is kept and the peer appended; the client is the right-most address in it that is not
 *   itself a trusted proxy; its {@code X-Forwarded-Proto} and {@code -Host} are kept (the public address);</li>
 *   <li>anyone else: whatever it claims is dropped, and the headers say what the gateway saw — the peer, the
 *   scheme and the Host of this connection.</li>
 * </ul>
 * Quarkus' own {@code quarkus.http.proxy.*} is not used: it takes the left-most {@code X-Forwarded-For} entry,
 * which behind an appending ingress is whatever the caller wrote there.
 */
final class Forwarding {

    static final String FOR = "X-Forwarded-For";
    static final String PROTO = "X-Forwarded-Proto";
    static final String HOST = "X-Forwarded-Host";
    /** Claims about the path to the gateway that only a trusted proxy may make. */
    private static final List<String> CLAIMS = List.of("Forwarded", "X-Forwarded-Port", "X-Forwarded-Prefix",
            "X-Forwarded-Server", "X-Real-IP");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            return rest == 0 || ((address[full] ^ network[full]) & (0xFF << (8 - rest)) & 0xFF) == 0;
        }
    }

    private final List<Range> trusted = new ArrayList<>();

    Forwarding(List<String> trustedProxies) {
        for (String entry : trustedProxies) {
            String text = entry.trim();
            if (text.isEmpty()) {
                continue;
            }
            int slash = text.indexOf('/');
            byte[] network = NetUtil.createByteArrayFromIpAddressString(slash < 0 ? text : text.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("gems.gateway.forwarding.trusted-proxies: " + text + " is not an address or CIDR range");
            }
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("gems.gateway.forwarding.trusted-proxies: bad prefix in " + text);
            }
            trusted.add(new Range(network, prefix));
        }
    }

    boolean trusts(String address) {
        if (trusted.isEmpty() || address == null) {
            return false;
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return false;
        }
        for (Range range : trusted) {
            if (range.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Sets the forwarded headers the service gets and returns the client's address (the rate limiter's key). */
    String forward(HttpServerRequest request) {
        SocketAddress socket = request.connection() == null ? null : request.connection().remoteAddress();
        String peer = socket == null ? null : socket.hostAddress();
        MultiMap headers = request.headers();
        if (peer == null) {
            headers.remove(FOR);
            return "?";
        }
        if (!trusts(peer)) {
            CLAIMS.forEach(headers::remove);
            headers.set(FOR, peer);
            headers.set(PROTO, request.scheme());
            headers.set(HOST, String.valueOf(request.authority()));
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String value : headers.getAll(FOR)) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(hop.trim());
                }
            }
        }
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = bare(chain.get(i));
            if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
                break; // not an address: nothing further left can be believed
            }
            client = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        chain.add(peer);
        headers.set(FOR, String.join(", ", chain));
        if (headers.get(PROTO) == null) {
            headers.set(PROTO, request.scheme());
        }
        if (headers.get(HOST) == null) {
            headers.set(HOST, String.valueOf(request.authority()));
        }
        return client;
    }

    /** An X-Forwarded-For entry without IPv6 brackets or a port. */
    private static String bare(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
