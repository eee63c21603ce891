package vn.gems.reporting.mapping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ReportView;
import vn.gems.reporting.service.Access;
import vn.gems.reporting.service.ReportService;

/** Assembles a report's view for the current caller (draft only for its own agency). */
@ApplicationScoped
public class ReportViews {

    private final ReportService reports;
    private final Access access;
    private final ContentCodec codec;
    private final ReportingConfig config;

    public ReportViews(ReportService reports, Access access, ContentCodec codec, ReportingConfig config) {
        this.reports = reports;
        this.access = access;
        this.codec = codec;
        this.config = config;
    }

    @Transactional
    public ReportView view(ReportService.Loaded l) {
        return ReportMapper.toView(l.report(), l.obligation(), access.isSubmitter(l.obligation()), codec,
                reports.lastReviewed(l.report()).orElse(null), reports.changesSinceAcceptance(l.report()),
                reports.attachments(l.report().id), config.zone());
    }
}
