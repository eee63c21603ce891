package vn.gems.reporting.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What changed between two versions of a report (or between a version and the draft, {@code to} = "draft"). */
@Schema(name = "ReportDiff", example = """
        {"reportId":7,"from":"1","to":"2","count":2,
         "changes":[{"path":"values[O4-T2-M1].value","from":"15.1","to":"14.2"},
                    {"path":"sections[RESULTS/O4]","from":"…","to":"…"}]}""")
public record DiffView(long reportId, String from, String to, int count, List<Change> changes) {

    public record Change(String path, String from, String to) {
    }
}
