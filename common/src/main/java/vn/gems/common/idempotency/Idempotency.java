package vn.gems.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import vn.gems.common.problem.ProblemException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} for unsafe requests. The key is reserved by inserting a row in the same
 * transaction as the work, so: same key and same body replays the first answer; same key and another body
 * is 422; two concurrent requests with one key serialise on the row and have one effect; a failed attempt
 * rolls its reservation back and may be retried.
 * <p>
 * A service using this creates the table in its own migrations:
 * <pre>
 * create table idempotency_record (scope varchar(300) not null, idem_key varchar(200) not null,
 *   request_hash varchar(64) not null, status int, body text, location varchar(2000), etag varchar(200),
 *   created_at timestamptz not null default now(), primary key (scope, idem_key));
 * </pre>
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    /** What the action answered: kept and replayed. */
    public record Result(int status, Object body, URI location, String etag) {
        public static Result created(Object body, URI location, String etag) {
            return new Result(201, body, location, etag);
        }

        public static Result ok(Object body) {
            return new Result(200, body, null, null);
        }
    }

    private final EntityManager em;
    private final ObjectMapper json;

    public Idempotency(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Runs {@code action} once per (scope, key). Without a key the action simply runs. {@code scope} should name
     * the caller and the operation (e.g. {@code subject + " POST /api/values"}), {@code request} the body.
     */
    @Transactional
    public Response execute(String key, String scope, Object request, Supplier<Result> action) {
        if (key == null) {
            return toResponse(action.get());
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("INVALID_IDEMPOTENCY_KEY", "Idempotency-Key must be 1-200 visible ASCII characters");
        }
        String hash = hash(request);
        int inserted = em.createNativeQuery("insert into idempotency_record(scope, idem_key, request_hash) values (?1, ?2, ?3) "
                        + "on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (inserted == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select request_hash, status, body, location, etag from idempotency_record "
                            + "where scope = ?1 and idem_key = ?2")
                    .setParameter(1, scope).setParameter(2, key).getResultList();
            Object[] row = rows.get(0);
            if (!hash.equals(row[0])) {
                throw ProblemException.unprocessable("IDEMPOTENCY_KEY_REUSED", HEADER,
                        "This Idempotency-Key was already used with a different request body");
            }
            if (row[1] != null) {
                return replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]);
            }
        }
        Result result = action.get();
        em.createNativeQuery("update idempotency_record set status = ?3, body = ?4, location = ?5, etag = ?6 "
                        + "where scope = ?1 and idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, result.status())
                .setParameter(4, write(result.body()))
                .setParameter(5, result.location() == null ? null : result.location().toString())
                .setParameter(6, result.etag())
                .executeUpdate();
        return toResponse(result);
    }

    /** Forgets keys older than {@code age}; call it from a scheduled job. */
    @Transactional
    public int purgeOlderThan(Duration age) {
        return em.createNativeQuery("delete from idempotency_record where created_at < now() - cast(?1 as interval)")
                .setParameter(1, age.toSeconds() + " seconds").executeUpdate();
    }

    private Response replay(int status, String body, String location, String etag) {
        Response.ResponseBuilder r = Response.status(status).header("Idempotent-Replayed", "true");
        if (body != null) {
            r.entity(body).type("application/json");
        }
        if (location != null) {
            r.location(URI.create(location));
        }
        if (etag != null) {
            r.header("ETag", etag);
        }
        return r.build();
    }

    private Response toResponse(Result result) {
        Response.ResponseBuilder r = Response.status(result.status());
        if (result.body() != null) {
            r.entity(result.body());
        }
        if (result.location() != null) {
            r.location(result.location());
        }
        if (result.etag() != null) {
            r.header("ETag", result.etag());
        }
        return r.build();
    }

    private String write(Object body) {
        try {
            return body == null ? null : json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] bytes = request instanceof byte[] b ? b
                    : request instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request not hashable", e);
        }
    }
}
