package vn.gems.common.security;

/** The realm roles of the {@code gems} realm (deploy/keycloak/gems-realm-production.json). */
public final class Roles {
    /** Authors and issues plans of the caller's own agency (DOLISA officers). */
    public static final String PLAN_MANAGER = "plan-manager";
    /** Fills in and submits the caller's agency's reports and values. */
    public static final String REPORTER = "reporter";
    /** Reviews (accepts, returns) the reports the caller's agency receives, and consolidates. */
    public static final String REVIEWER = "reviewer";
    /** Pushes bulk statistics (the Statistics Office's machine client). */
    public static final String STATS_PUSHER = "stats-pusher";
    /** Reads everything, including audit history; changes nothing. */
    public static final String AUDITOR = "auditor";
    /** Manages reference data (agencies, units, indicators) across agencies. */
    public static final String ADMIN = "admin";
    /** Another government system reading over HTTP with machine credentials. */
    public static final String GOV_SYSTEM = "gov-system";
    /** The GEMS services themselves, calling each other with client credentials. */
    public static final String SERVICE = "gems-service";

    private Roles() {
    }
}
