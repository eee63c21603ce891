package vn.gems.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gems.common.problem.FieldError;
import vn.gems.common.problem.ProblemException;
import vn.gems.common.security.Roles;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.service.MailDispatch;
import vn.gems.reporting.service.ReminderService;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Runs the reminder scheduler on demand. */
@Path("/api/reports/reminders")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class ReminderResource {

    private final ReminderService reminders;
    private final MailDispatch mail;
    private final ReportingConfig config;

    public ReminderResource(ReminderService reminders, MailDispatch mail, ReportingConfig config) {
        this.reminders = reminders;
        this.mail = mail;
        this.config = config;
    }

    @POST
    @Path("/runs")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "runReminders", summary = "Run the reminder scheduler now, as of today or of the given day (also runs hourly)")
    public ReminderService.Result remind(@QueryParam("today") String today) {
        LocalDate day;
        try {
            day = today == null || today.isBlank() ? LocalDate.now(config.zone()) : LocalDate.parse(today);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("INVALID_DATE", "today must be an ISO date", new FieldError("today", "INVALID_VALUE", "must be an ISO date"));
        }
        ReminderService.Result r = reminders.run(day);
        mail.run();
        return r;
    }
}
