package vn.gems.common.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.Config;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A production service with a database refuses to start without its password (issue 12.7). The {@code %prod}
 * profiles say {@code quarkus.datasource.password=${DB_PASSWORD}} with no default, but that property is optional,
 * so an unset variable would quietly mean "no password" (and work against a server that trusts the network).
 */
@ApplicationScoped
public class ProductionSecrets {

    void check(@Observes StartupEvent started, Config config) {
        if (!ConfigUtils.isProfileActive("prod") || value(config, "quarkus.datasource.jdbc.url").isEmpty()) {
            return; // not production, or a module without a database (the gateway)
        }
        if (value(config, "quarkus.datasource.password").isEmpty()) {
            throw new IllegalStateException("DB_PASSWORD is not set: a production service needs its database password "
                    + "(quarkus.datasource.password has no default)");
        }
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
        } catch (NoSuchElementException unresolved) {
            return Optional.empty(); // ${DB_PASSWORD} with the variable unset
        }
    }
}
