package vn.gems.launcher;

import java.util.HashMap;
import java.util.Map;

/** The environment a service reads in its prod profile (see each service's application.properties). */
final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    static Map<String, String> of(SuiteConfig config, InstanceLayout layout, Postgres.Endpoint postgres, SuiteConfig.Service s) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
        env.put("OIDC_URL", config.issuer());
        if (layout.instances() == 1) {
            env.put("PLANS_URL", config.plans().url());
            env.put("INDICATORS_URL", config.indicators().url());
            env.put("REPORTING_URL", config.reporting().url());
        } else if (s.database() == null) {
            env.put("PLANS_URL", layout.urls(config.plans()));
            env.put("INDICATORS_URL", layout.urls(config.indicators()));
            env.put("REPORTING_URL", layout.urls(config.reporting()));
        } else {
            // A service's client takes one URL: it goes through the gateway, which balances and skips a dead instance.
            env.put("PLANS_URL", config.gatewayUrl());
            env.put("INDICATORS_URL", config.gatewayUrl());
            env.put("REPORTING_URL", config.gatewayUrl());
        }
        env.put("PORTAL_URL", config.portal().url());
        if (s.database() != null) {
            env.put("DB_URL", postgres.jdbcUrl(s.database()));
            env.put("DB_USER", postgres.user());
            // Services refuse to start in prod without a password; a local server that trusts loopback ignores it.
            env.put("DB_PASSWORD", postgres.password().isEmpty() ? "trusted-local-server" : postgres.password());
        }
        switch (s.name()) {
            case "plans-service" -> env.put("OIDC_CLIENT_SECRET", SuiteConfig.PLANS_CLIENT_SECRET);
            case "reporting-service" -> env.put("OIDC_CLIENT_SECRET", SuiteConfig.REPORTING_CLIENT_SECRET);
            case "indicators-service" -> env.put("OIDC_CLIENT_SECRET", SuiteConfig.INDICATORS_CLIENT_SECRET);
            default -> env.put("CORS_ORIGINS", "http://localhost:3000,http://localhost:" + config.gatewayPort());
        }
        env.putAll(config.extraEnvironment());
        return env;
    }
}
