package vn.gems.gateway.upstream;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import vn.gems.gateway.config.GatewayConfig;

/**
 * Asks every instance of every service for its health, every {@code health.interval}: one that does not answer 2xx
 * in time is taken out of rotation, one taken out comes back on its first good answer. With health checks off, an
 * instance taken out (it refused a connection) is put back after an interval and tried again.
 */
final class HealthChecks {

    private final Vertx vertx;
    private final HttpClient client;

    HealthChecks(Vertx vertx) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setConnectTimeout(2000));
    }

    void watch(UpstreamService service) {
        GatewayConfig.Health health = service.config().health();
        long interval = health.interval().toMillis();
        vertx.setPeriodic(interval, interval, id -> {
            for (Instance instance : service.instances()) {
                if (health.enabled()) {
                    check(instance, health);
                } else if (instance.downForNanos(System.nanoTime()) >= interval * 1_000_000L) {
                    instance.markUp();
                }
            }
        });
    }

    private void check(Instance instance, GatewayConfig.Health health) {
        long timeout = health.timeout().toMillis();
        client.request(new RequestOptions().setServer(instance.address()).setMethod(HttpMethod.GET).setURI(health.path())
                        .setConnectTimeout(timeout).setTimeout(timeout))
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> response.statusCode()))
                .onComplete(result -> {
                    if (result.succeeded() && result.result() / 100 == 2) {
                        instance.markUp();
                    } else {
                        instance.markDown(result.succeeded() ? "health check answered " + result.result()
                                : "health check failed: " + result.cause());
                    }
                });
    }
}
