package vn.gems.common.http;

import jakarta.ws.rs.core.EntityTag;
import vn.gems.common.problem.ProblemException;

/**
 * Optimistic locking over HTTP: a resource's ETag is its version ({@code "7"}); an update must send
 * {@code If-Match} with the version it read (428 without it, 412 when someone changed it since).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** Header value form, quotes included. */
    public static String header(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks {@code If-Match} against the current version; {@code *} matches any existing version. The comparison is
     * strong (RFC 9110 13.1.1): a weak {@code W/"3"} never matches, since it only claims "semantically equivalent"
     * and an update needs to know it replaces exactly what was read.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired("Send If-Match with the ETag you read, so concurrent edits are not lost");
        }
        boolean weak = false;
        for (String candidate : ifMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(header(currentVersion))) {
                return;
            }
            weak |= c.startsWith("W/");
        }
        if (weak) {
            throw ProblemException.preconditionFailed("WEAK_ETAG",
                    "If-Match needs the strong ETag as read (current " + header(currentVersion) + "), not a weak W/ tag");
        }
        throw ProblemException.preconditionFailed("STALE_VERSION",
                "The resource changed since you read it (current ETag " + header(currentVersion) + "); read it again and retry");
    }
}
