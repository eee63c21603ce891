package vn.gems.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;

/** What the browser application needs to know at run time (served as {@code /portal/config.json}). */
@ConfigMapping(prefix = "gems.portal")
public interface PortalConfig {

    /**
     * The realm URL as browsers reach it (the issuer of the tokens), e.g. {@code https://sso.example.gov.vn/realms/gems}.
     * Its origin is the one place besides the portal's own that the page may call (the token endpoint).
     */
    URI oidcUrl();

    /** The public Keycloak client the portal logs in with (authorization code + PKCE S256). */
    @WithDefault("portal")
    String clientId();
}
