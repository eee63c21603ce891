package vn.gems.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Hand-made JSON Web Tokens for the attack tests: only the JDK, so nothing "helps" by fixing them. */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getUrlDecoder();

    private Jwts() {
    }

    static ObjectNode header(String token) {
        return (ObjectNode) read(D64.decode(token.split("\\.")[0]));
    }

    static ObjectNode payload(String token) {
        return (ObjectNode) read(D64.decode(token.split("\\.")[1]));
    }

    static String encode(JsonNode node) {
        try {
            return B64.encodeToString(JSON.writeValueAsBytes(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}, no signature. */
    static String unsigned(ObjectNode payload) {
        ObjectNode h = JSON.createObjectNode().put("alg", "none").put("typ", "JWT");
        return encode(h) + "." + encode(payload) + ".";
    }

    /** RS256 with a key the realm never saw, under the given kid. */
    static String signedWithOwnKey(ObjectNode payload, String kid) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        PrivateKey key = g.generateKeyPair().getPrivate();
        ObjectNode h = JSON.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        String input = encode(h) + "." + encode(payload);
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    /** The algorithm-confusion attack: HS256 with the realm's public key bytes as the HMAC secret. */
    static String hs256WithPublicKey(ObjectNode payload, String kid, byte[] secret) throws Exception {
        ObjectNode h = JSON.createObjectNode().put("alg", "HS256").put("typ", "JWT").put("kid", kid);
        String input = encode(h) + "." + encode(payload);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /** The realm's RSA signing key from its JWKS. */
    static PublicKey rsaKey(JsonNode jwks, String kid) throws Exception {
        for (JsonNode k : jwks.path("keys")) {
            if (kid.equals(k.path("kid").asText()) && "RSA".equals(k.path("kty").asText())) {
                BigInteger n = new BigInteger(1, D64.decode(k.path("n").asText()));
                BigInteger e = new BigInteger(1, D64.decode(k.path("e").asText()));
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            }
        }
        throw new IllegalStateException("no RSA key " + kid + " in the JWKS");
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
