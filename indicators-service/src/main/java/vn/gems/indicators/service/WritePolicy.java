package vn.gems.indicators.service;

import vn.gems.indicators.push.rules.ValueAuthor;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.indicators.SourceKind;

/**
 * Who may write which values, and in whose name:
 * <ul>
 *   <li>{@code stats-pusher} and {@code gov-system}: any indicator and unit, for their own agency;</li>
 *   <li>{@code reporter}: only indicators of a sector its agency plays, for units in the territory it plays it for;</li>
 *   <li>{@code gems-service} (reporting-service): on behalf of the agency named in {@code source.agency}, after review;</li>
 *   <li>{@code admin}: anything, on behalf of any agency.</li>
 * </ul>
 * Overwrite rule: a value belongs to the agency whose write made it current. Another agency's write that
 * would change it is rejected ({@code OWNED_BY_OTHER_AGENCY}) unless it comes through review — an accepted
 * report written by reporting-service, or an administrator. Re-sending the same figure is not a change.
 * The system recorded as a value's source is the caller's own client; only services and administrators relay
 * another system's name ({@code SOURCE_SYSTEM_MISMATCH} otherwise), so provenance cannot be claimed falsely.
 */
@ApplicationScoped
public class WritePolicy {

    private final Caller caller;

    public WritePolicy(Caller caller) {
        this.caller = caller;
    }

    public ValueAuthor author(SourceKind kind, String reference, String requestedAgency, String system, Catalogue.Snapshot catalogue) {
        String client = caller.clientId().orElse(null);
        String sys = system != null && !system.isBlank() ? system.trim() : client;
        String requested = requestedAgency == null || requestedAgency.isBlank() ? null : requestedAgency.trim();
        if (caller.hasRole(Roles.SERVICE)) {
            if (requested == null) {
                throw ProblemException.unprocessable("SOURCE_AGENCY_REQUIRED", "source.agency",
                        "A service writes on behalf of an agency: name it in source.agency");
            }
            return new ValueAuthor(caller.subject(), caller.username(), sys, requested, true, null, kind, reference);
        }
        if (kind == SourceKind.REPORT && !caller.hasRole(Roles.ADMIN)) {
            throw ProblemException.forbidden("SOURCE_KIND_NOT_ALLOWED", "Only reporting-service writes values of accepted reports (source.kind REPORT)");
        }
        if (caller.hasRole(Roles.ADMIN)) {
            String agency = requested != null ? requested : caller.agency().orElse(null);
            return new ValueAuthor(caller.subject(), caller.username(), sys, agency, true, null, kind, reference);
        }
        if (system != null && !system.isBlank() && !system.trim().equals(client)) {
            throw ProblemException.forbidden("SOURCE_SYSTEM_MISMATCH", "Values you write come from your own client "
                    + (client == null ? "" : client + " ") + "; source.system cannot name another system");
        }
        String own = caller.requireAgency();
        if (requested != null && !requested.equals(own)) {
            throw ProblemException.forbidden("SOURCE_AGENCY_MISMATCH", "You write values for your own agency " + own + ", not " + requested);
        }
        if (caller.hasAnyRole(Roles.STATS_PUSHER, Roles.GOV_SYSTEM)) {
            return new ValueAuthor(caller.subject(), caller.username(), sys, own, false, null, kind, reference);
        }
        if (caller.hasRole(Roles.REPORTER)) {
            return new ValueAuthor(caller.subject(), caller.username(), sys, own, false, catalogue.scopeOf(own), kind, reference);
        }
        throw ProblemException.forbidden("FORBIDDEN", "Your role does not allow writing values");
    }

    public Caller caller() {
        return caller;
    }
}
