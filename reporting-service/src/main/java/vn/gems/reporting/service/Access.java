package vn.gems.reporting.service;

import jakarta.enterprise.context.RequestScoped;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.reporting.Obligation;

/**
 * Who may do what with an obligation and its report. Reporters write their own agency's reports; reviewers of
 * the receiving agency return or accept them; auditors read submitted reports; nobody outside the submitting
 * agency reads a draft.
 */
@RequestScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public String actor() {
        return caller.username() == null ? caller.subject() : caller.username();
    }

    /** The caller belongs to the agency that owes the report. */
    public boolean isSubmitter(Obligation o) {
        return caller.agency().map(a -> a.equals(o.agency)).orElse(false);
    }

    /** The caller reviews for the agency that receives the report. */
    public boolean isReviewer(Obligation o) {
        return caller.hasRole(Roles.REVIEWER) && caller.agency().map(a -> a.equals(o.receivingAgency)).orElse(false);
    }

    public boolean isOversight() {
        return caller.hasAnyRole(Roles.AUDITOR, Roles.ADMIN);
    }

    /** May see that the obligation exists and where it stands. */
    public void requireSee(Obligation o) {
        boolean receiverStaff = caller.agency().map(a -> a.equals(o.receivingAgency)).orElse(false);
        if (!(isSubmitter(o) || receiverStaff || isOversight())) {
            throw ProblemException.forbidden("NOT_YOUR_OBLIGATION", "This obligation belongs to another agency");
        }
    }

    /** May write the agency's draft and submit it: a reporter of the submitting agency. */
    public void requireWrite(Obligation o) {
        if (!isSubmitter(o)) {
            throw ProblemException.forbidden("NOT_YOUR_REPORT", "Only the agency that owes this report can write it");
        }
        if (!caller.hasRole(Roles.REPORTER)) {
            throw ProblemException.forbidden("REPORTER_ROLE_REQUIRED", "Writing and submitting reports needs the reporter role");
        }
    }

    /** May extend the due date: a reviewer of the receiving agency, or an admin. */
    public void requireExtend(Obligation o) {
        if (!(isReviewer(o) || caller.hasRole(Roles.ADMIN))) {
            throw ProblemException.forbidden("NOT_YOUR_RECEIVING_AGENCY", "Only reviewers of the receiving agency (" + o.receivingAgency
                    + ") can extend this obligation's due date");
        }
    }

    /** May return or accept: a reviewer of the receiving agency. */
    public void requireReview(Obligation o) {
        if (!isReviewer(o)) {
            throw ProblemException.forbidden("NOT_YOUR_REVIEW", "Only reviewers of the receiving agency (" + o.receivingAgency
                    + ") can return or accept this report");
        }
    }
}
