package vn.gems.common.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Takes the gateway's {@code X-Request-Id} (or makes one), puts it in the logging context of the request
 * and echoes it in the response, so one id follows a call through the gateway and every service.
 */
@ApplicationScoped
public class RequestIdFilter {

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestIds.acceptOrCreate(rc.request().getHeader(RequestIds.HEADER));
            MDC.put(RequestIds.MDC_KEY, id);
            rc.put(RequestIds.MDC_KEY, id);
            rc.response().putHeader(RequestIds.HEADER, id);
            rc.next();
        }, 1000);
    }
}
