package vn.gems.reporting.mapping;

import vn.gems.reporting.Obligation;
import vn.gems.reporting.ObligationState;
import vn.gems.reporting.ReportRequest;
import vn.gems.reporting.rest.ObligationView;
import vn.gems.reporting.rest.RequestView;
import vn.gems.reporting.service.RequestService;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Report request → API view; its obligations' timeliness is the obligations' own ({@link ObligationMapper}). */
public final class RequestMapper {

    private RequestMapper() {
    }

    public static RequestView toView(RequestService.Loaded l, LocalDate today, int dueSoonDays, ZoneId zone) {
        ReportRequest r = l.request();
        List<RequestView.Recipient> recipients = new ArrayList<>();
        int submitted = 0;
        int onTime = 0;
        int late = 0;
        int overdue = 0;
        int cancelled = 0;
        for (Obligation o : l.obligations()) {
            ObligationView v = ObligationMapper.toView(o, l.reportIds().get(o.id), today, dueSoonDays, zone);
            recipients.add(new RequestView.Recipient(o.id, o.agency, o.assignedAgency, o.state, v.status(), v.late(), v.daysLate(), v.reportId()));
            if (o.firstSubmittedAt != null) {
                submitted++;
                if (Boolean.TRUE.equals(v.late())) {
                    late++;
                } else {
                    onTime++;
                }
            } else if (o.state == ObligationState.CANCELLED) {
                cancelled++;
            } else if ("OVERDUE".equals(v.status())) {
                overdue++;
            }
        }
        return new RequestView(r.id, r.planId, r.planVersion, r.ruleKey, r.kind, r.receivingAgency, r.subject, r.instructions, r.dueDate,
                r.period(), r.recipientList(), r.targetKeyList(), r.indicatorCodeList(), r.state, r.requestedBy, r.createdAt, r.withdrawnAt,
                r.withdrawnBy, r.withdrawalReason, new RequestView.Counts(l.obligations().size(), submitted, onTime, late, overdue, cancelled),
                recipients, l.history().stream().map(e -> new RequestView.Step(e.action, e.actor, e.detail, e.at)).toList());
    }
}
