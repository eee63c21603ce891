package vn.gems.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gems.common.problem.ProblemException;

import java.security.Principal;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: subject, user name, client, realm roles and agency, read from the verified access token
 * the same way in every service. The agency code is the {@code agency} claim (a Keycloak user attribute,
 * or a hard-coded claim on a machine client); plans-service's agency registry says what it means.
 */
@RequestScoped
public class Caller {

    public static final String AGENCY_CLAIM = "agency";

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    public String subject() {
        return jwt().map(JsonWebToken::getSubject).orElse(identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName());
    }

    public String username() {
        return jwt().map(t -> t.<String>getClaim("preferred_username")).orElse(identity.getPrincipal().getName());
    }

    /** The OAuth client the token was issued to ({@code azp}). */
    public Optional<String> clientId() {
        return jwt().map(t -> t.<String>getClaim("azp"));
    }

    public Optional<String> agency() {
        return jwt().map(t -> claimText(t.getClaim(AGENCY_CLAIM))).filter(a -> !a.isBlank());
    }

    /** The caller's agency, or 403 when the token carries none (every user belongs to exactly one agency). */
    public String requireAgency() {
        return agency().orElseThrow(() -> ProblemException.forbidden("NO_AGENCY",
                "Your token carries no agency; ask an administrator to assign you to one"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String r : roles) {
            if (identity.hasRole(r)) {
                return true;
            }
        }
        return false;
    }

    public Set<String> roles() {
        return new TreeSet<>(identity.getRoles());
    }

    /** True when the caller may act for {@code agencyCode}: its own agency, or an admin. */
    public boolean actsFor(String agencyCode) {
        return hasRole(Roles.ADMIN) || agency().map(a -> a.equals(agencyCode)).orElse(false);
    }

    private Optional<JsonWebToken> jwt() {
        Principal p = identity.getPrincipal();
        return p instanceof JsonWebToken t ? Optional.of(t) : Optional.empty();
    }

    private static String claimText(Object claim) {
        if (claim == null) {
            return "";
        }
        if (claim instanceof JsonString s) {
            return s.getString();
        }
        if (claim instanceof JsonArray a && !a.isEmpty()) {
            return a.getString(0);
        }
        if (claim instanceof Collection<?> c && !c.isEmpty()) {
            return String.valueOf(c.iterator().next());
        }
        return claim.toString();
    }
}
