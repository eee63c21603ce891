package vn.gems.common.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signed access tokens shaped like the realm's (issuer, {@code aud: gems-api}, {@code realm_access.roles},
 * {@code agency}, {@code preferred_username}), for service tests that go through the real token check.
 */
public final class TestTokens {

    public static final String AUDIENCE = "gems-api";
    public static final String ISSUER = "https://keycloak.test/realms/gems";
    private static final String PRIVATE_KEY_PROPERTY = "gems.test.private-key";
    private static final String PUBLIC_KEY_PROPERTY = "gems.test.public-key";

    private TestTokens() {
    }

    /** A user of {@code agency} with {@code roles}. */
    public static String user(String username, String agency, String... roles) {
        return builder(username, agency, roles).sign(privateKey());
    }

    /** A bearer header value for {@link #user}. */
    public static String bearer(String username, String agency, String... roles) {
        return "Bearer " + user(username, agency, roles);
    }

    public static JwtClaimsBuilder builder(String username, String agency, String... roles) {
        JwtClaimsBuilder b = Jwt.issuer(ISSUER)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .audience(AUDIENCE)
                .claim("preferred_username", username)
                .claim("azp", "gems-cli")
                .claim("realm_access", Map.of("roles", List.copyOf(Arrays.asList(roles))))
                .expiresIn(600);
        if (agency != null) {
            b.claim("agency", agency);
        }
        return b;
    }

    /**
     * The public half of this JVM's test key pair (made on first use), for {@code quarkus.oidc.public-key}.
     * System properties cross the Quarkus class loaders, so test code and test resources see one pair.
     */
    public static synchronized String publicKey() {
        String existing = System.getProperty(PUBLIC_KEY_PROPERTY);
        if (existing != null) {
            return existing;
        }
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            KeyPair pair = g.generateKeyPair();
            String pub = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            System.setProperty(PUBLIC_KEY_PROPERTY, pub);
            return pub;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PrivateKey privateKey() {
        publicKey();
        String b64 = System.getProperty(PRIVATE_KEY_PROPERTY);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
