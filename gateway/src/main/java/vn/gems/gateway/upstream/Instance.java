package vn.gems.gateway.upstream;

import io.vertx.core.net.SocketAddress;
import org.jboss.logging.Logger;

import java.net.URI;

/** One instance of a service: where it listens and whether it is in rotation. */
public final class Instance {

    private static final Logger LOG = Logger.getLogger(Instance.class);

    private final String service;
    private final SocketAddress address;
    private final String label;
    private volatile boolean up = true;
    private volatile long downSince;

    Instance(String service, URI url) {
        this.service = service;
        int port = url.getPort() > 0 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
        this.address = SocketAddress.inetSocketAddress(port, url.getHost());
        this.label = url.getHost() + ":" + port;
    }

    public SocketAddress address() {
        return address;
    }

    public boolean up() {
        return up;
    }

    long downForNanos(long now) {
        return up ? 0 : now - downSince;
    }

    /** Out of rotation until a health check (or, without them, the next interval) puts it back. */
    void markDown(String why) {
        if (up) {
            downSince = System.nanoTime();
            up = false;
            LOG.warnf("%s instance %s taken out of rotation: %s", service, label, why);
        }
    }

    void markUp() {
        if (!up) {
            up = true;
            LOG.infof("%s instance %s back in rotation", service, label);
        }
    }

    @Override
    public String toString() {
        return service + "@" + label;
    }
}
