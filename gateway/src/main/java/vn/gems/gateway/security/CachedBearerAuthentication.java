package vn.gems.gateway.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gems.gateway.config.GatewayConfig;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer authentication with a cache of tokens already verified: the first request with a token goes through
 * quarkus-oidc (signature, issuer, audience, expiry); later requests with the very same token string get the
 * identity it produced until the token expires or the cache's max age passes. The key is the whole Authorization
 * header as sent ("Bearer " and the token), so a token changed by one byte is verified afresh (and refused).
 * Runs before quarkus-oidc's own mechanism.
 */
@ApplicationScoped
public class CachedBearerAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final long maxAgeNanos;
    private final int maxEntries;
    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    record Entry(SecurityIdentity identity, long validUntilNanos) {
    }

    public CachedBearerAuthentication(OidcAuthenticationMechanism oidc, GatewayConfig config) {
        this.oidc = oidc;
        this.maxAgeNanos = config.tokenCache().maxAge().toNanos();
        this.maxEntries = config.tokenCache().maxEntries();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String key = bearerHeader(context);
        if (key == null || maxAgeNanos <= 0) {
            return oidc.authenticate(context, identityProviderManager);
        }
        long now = System.nanoTime();
        Entry hit = verified.get(key);
        if (hit != null) {
            if (now - hit.validUntilNanos() < 0) {
                return Uni.createFrom().item(hit.identity());
            }
            verified.remove(key, hit);
        }
        return oidc.authenticate(context, identityProviderManager).map(identity -> remember(key, identity, now));
    }

    /** Keeps the identity (with its access-log labels worked out once) and returns what was kept. */
    private SecurityIdentity remember(String key, SecurityIdentity identity, long now) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return identity;
        }
        long millisLeft = jwt.getExpirationTime() * 1000 - System.currentTimeMillis();
        if (millisLeft <= 0) {
            return identity;
        }
        SecurityIdentity labelled = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CallerLabels.ATTRIBUTE, CallerLabels.read(identity)).build();
        if (verified.size() >= maxEntries) {
            evict(now);
        }
        verified.put(key, new Entry(labelled, now + Math.min(maxAgeNanos, millisLeft * 1_000_000L)));
        return labelled;
    }

    /** Drops expired entries; if the cache is still full, empties it (simple, and only costs re-verification). */
    private void evict(long now) {
        for (Iterator<Entry> it = verified.values().iterator(); it.hasNext(); ) {
            if (now - it.next().validUntilNanos() >= 0) {
                it.remove();
            }
        }
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
    }

    int size() {
        return verified.size();
    }

    /** The whole Authorization header when it carries a bearer token: the cache key (no copy of the token made). */
    private static String bearerHeader(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        // Ahead of quarkus-oidc's mechanism, which it wraps.
        return oidc.getPriority() + 1;
    }
}
