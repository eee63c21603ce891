package vn.gems.reporting.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.http.PageView;
import vn.gems.common.http.Paging;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Caller;
import vn.gems.common.security.Roles;
import vn.gems.reporting.Notification;

import java.util.List;

/** Notices per agency: due soon, overdue, submitted, returned, accepted, handed over. */
@Path("/api/reports/notifications")
@Tag(name = "Notifications", description = "Reminders and lifecycle notices per agency")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    private final Caller caller;

    public NotificationResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Transactional
    @Operation(summary = "An agency's notices, newest first (default: my agency; another agency's only for auditors and admins)")
    public PageView<NotificationView> list(@QueryParam("agency") String agency, @QueryParam("kind") String kind,
                                           @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        String mine = caller.agency().orElse(null);
        String target = agency == null || agency.isBlank() ? caller.requireAgency() : agency.trim();
        if (!target.equals(mine) && !caller.hasAnyRole(Roles.AUDITOR, Roles.ADMIN)) {
            throw ProblemException.forbidden("NOT_YOUR_AGENCY", "You read your own agency's notices only");
        }
        Paging p = Paging.of(page, size);
        var q = kind == null || kind.isBlank()
                ? Notification.<Notification>find("agency = ?1 order by createdAt desc, id desc", target)
                : Notification.<Notification>find("agency = ?1 and kind = ?2 order by createdAt desc, id desc", target, kind.trim().toUpperCase());
        long total = q.count();
        var items = (long) p.page() * p.size() >= total ? List.<Notification>of() : q.page(Page.of(p.page(), p.size())).list();
        return new PageView<>(items.stream()
                .map(n -> new NotificationView(n.id, n.agency, n.kind, n.obligationId, n.reportId, n.message, n.createdAt, n.mailedAt))
                .toList(), total, p.page(), p.size());
    }
}
