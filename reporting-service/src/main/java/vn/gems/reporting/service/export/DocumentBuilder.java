package vn.gems.reporting.service.export;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.AgencyRef;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.ReportContent;
import vn.gems.reporting.service.AgencyDirectory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lays out a consolidated report or a submission as an {@link ExportDocument}, like a Vietnamese administrative report. */
@ApplicationScoped
public class DocumentBuilder {

    static final List<String> TARGET_HEADERS = List.of("Mục tiêu (objective)", "Chỉ tiêu (target)", "Mã (measure)", "Chỉ số (indicator)",
            "Cơ sở (baseline)", "Chỉ tiêu đặt ra (target)", "Kỳ số liệu (period)", "Nữ (female)", "Nam (male)", "Tổng (total)",
            "Giá trị (figure)", "Đánh giá (status)", "Nguồn (sources)");

    private final AgencyDirectory agencies;
    private final ReportingConfig config;

    public DocumentBuilder(AgencyDirectory agencies, ReportingConfig config) {
        this.agencies = agencies;
        this.config = config;
    }

    public ExportDocument consolidation(ConsolidationView c) {
        List<ExportDocument.Section> sections = new ArrayList<>();
        ConsolidationView.Completeness k = c.completeness();

        List<ExportDocument.Block> s1 = new ArrayList<>();
        s1.add(new ExportDocument.Paragraph("Số báo cáo phải nộp (expected): " + k.expected() + "; đã nộp (submitted): " + k.submitted()
                + " (đúng hạn " + k.onTime() + ", trễ hạn " + k.late() + "); chưa nộp quá hạn (missing): " + k.missing()
                + "; chưa đến hạn (pending): " + k.pending() + "; đã chấp nhận (accepted): " + k.accepted()
                + "; trả lại (returned): " + k.returned() + (k.submittedPercent() == null ? "" : "; tỷ lệ đã nộp: " + k.submittedPercent() + "%") + ".", false));
        List<List<Object>> rows = new ArrayList<>();
        int i = 0;
        for (ConsolidationView.AgencyLine l : c.agencies()) {
            rows.add(List.of(++i, l.agency(), nz(l.agencyName()), l.ruleKey() + " " + l.kind(), l.dueDate().toString(), l.state(),
                    Labels.timeliness(l.timeliness()), l.daysLate() == null ? "" : l.daysLate(), l.reportId() == null ? "" : l.reportId()));
        }
        s1.add(new ExportDocument.Table("Tổng hợp", "Tình hình nộp báo cáo (completeness and timeliness)",
                List.of("STT", "Mã cơ quan (agency)", "Tên cơ quan", "Loại báo cáo (kind)", "Hạn nộp (due)", "Trạng thái (state)",
                        "Thời hạn (timeliness)", "Số ngày trễ (days late)", "Mã báo cáo (report)"), rows));
        sections.add(new ExportDocument.Section("I", "TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO", s1));

        List<ExportDocument.Block> s2 = new ArrayList<>();
        int oi = 0;
        for (ConsolidationView.ObjectiveBlock ob : c.objectives()) {
            oi++;
            String heading = oi + ". " + (ob.label() == null ? "Mục tiêu " + oi : ob.label()) + ": " + nz(ob.title());
            s2.add(new ExportDocument.Paragraph(heading, true));
            s2.add(new ExportDocument.Table(sheetName(ob.key(), ob.title()), heading, TARGET_HEADERS, targetRows(ob.rows())));
            for (ConsolidationView.TargetRow r : ob.rows()) {
                if (r.female() != null && r.male() != null) {
                    s2.add(new ExportDocument.Chart(r.measureKey() + " — " + shorten(r.targetText(), 80), r.female(), r.male()));
                }
            }
        }
        sections.add(new ExportDocument.Section("II", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", s2));

        List<ExportDocument.Block> s3 = new ArrayList<>();
        for (ConsolidationView.NarrativeBlock nb : c.narratives()) {
            s3.add(new ExportDocument.Paragraph((nb.objectiveKey() == null ? "" : "Mục tiêu " + nb.objectiveKey() + ": ") + nz(nb.objectiveTitle()), true));
            for (ConsolidationView.AgencyNarrative an : nb.agencies()) {
                String who = an.agencyName() != null ? an.agencyName() : an.agency();
                for (ReportContent.Section s : an.sections()) {
                    s3.add(new ExportDocument.Paragraph("- " + who + " — " + Labels.sectionKind(s.kind().name()) + ": " + s.text(), false));
                }
                for (ReportContent.Activity a : an.activities()) {
                    s3.add(new ExportDocument.Paragraph("- " + who + " — " + activity(a), false));
                }
            }
        }
        if (s3.isEmpty()) {
            s3.add(new ExportDocument.Paragraph("Chưa có báo cáo được chấp nhận (no accepted report yet).", false));
        }
        sections.add(new ExportDocument.Section("III", "KẾT QUẢ HOẠT ĐỘNG CỦA CÁC CƠ QUAN, ĐƠN VỊ", s3));

        if (!c.children().isEmpty()) {
            List<ExportDocument.Block> s4 = new ArrayList<>();
            List<List<Object>> childRows = new ArrayList<>();
            for (ConsolidationView.ChildPlan ch : c.children()) {
                childRows.add(List.of(ch.planId(), nz(ch.planNumber()), nz(ch.issuingAgency()), nz(ch.unitCode()), ch.completeness().expected(),
                        ch.completeness().submitted(), ch.completeness().late(), ch.completeness().missing()));
            }
            s4.add(new ExportDocument.Table("Cấp dưới", "Kế hoạch cấp dưới (child plans)", List.of("Kế hoạch (plan)", "Số hiệu",
                    "Cơ quan ban hành", "Đơn vị hành chính", "Phải nộp", "Đã nộp", "Trễ hạn", "Chưa nộp"), childRows));
            s4.add(new ExportDocument.Table("Cấp dưới", "Số liệu cộng dồn từ cấp dưới (children rolled up)", TARGET_HEADERS, targetRows(c.childrenRollup())));
            sections.add(new ExportDocument.Section("IV", "KẾT QUẢ CỦA CÁC KẾ HOẠCH CẤP DƯỚI", s4));
        }

        String receiver = c.receivingAgencyName() != null ? c.receivingAgencyName() : c.receivingAgency();
        return new ExportDocument("tong-hop-" + c.planId() + "-" + c.period() + "-" + c.receivingAgency(),
                header(c.receivingAgency(), "Số:      /BC-" + c.receivingAgency(), c.asOf()),
                "BÁO CÁO",
                "Tổng hợp kết quả thực hiện " + nz(c.planTitle()) + (c.planNumber() == null ? "" : " (" + c.planNumber() + ")") + " — kỳ báo cáo " + c.period(),
                null, sections, List.of("Như trên;", "Lưu: VT, " + receiver + "."), "THỦ TRƯỞNG CƠ QUAN");
    }

    /** A submitted version (or the draft) of an agency's report. */
    public ExportDocument submission(PlanRef ref, PlanModel plan, Obligation o, long reportId, String versionLabel,
                                     ReportContent content, Instant submittedAt) {
        List<ExportDocument.Section> sections = new ArrayList<>();
        int n = 0;
        Map<String, List<ReportContent.Section>> byKind = new LinkedHashMap<>();
        for (ReportContent.SectionKind kind : ReportContent.SectionKind.values()) {
            byKind.put(kind.name(), new ArrayList<>());
        }
        content.sections().forEach(s -> byKind.get(s.kind().name()).add(s));

        sections.add(new ExportDocument.Section(Labels.roman(++n), "KẾT QUẢ ĐẠT ĐƯỢC", narrative(plan, byKind.get("RESULTS"))));

        List<ExportDocument.Block> acts = new ArrayList<>(narrative(plan, byKind.get("ACTIVITIES")));
        List<List<Object>> actRows = new ArrayList<>();
        int i = 0;
        for (ReportContent.Activity a : content.activities()) {
            actRows.add(List.of(++i, nz(a.objectiveKey()), a.title(), num(a.count()), num(a.participantsFemale()), num(a.participantsMale()),
                    num(a.participantsTotal())));
        }
        acts.add(new ExportDocument.Table("Hoạt động", "Hoạt động đã tổ chức (activities)", List.of("STT", "Mục tiêu", "Hoạt động (activity)",
                "Số lượt (count)", "Nữ tham gia", "Nam tham gia", "Tổng số tham gia"), actRows));
        sections.add(new ExportDocument.Section(Labels.roman(++n), "CÁC HOẠT ĐỘNG ĐÃ TRIỂN KHAI", acts));

        List<ExportDocument.Block> vals = new ArrayList<>();
        Map<String, List<List<Object>>> rowsByObjective = new LinkedHashMap<>();
        List<ExportDocument.Chart> charts = new ArrayList<>();
        for (ReportContent.Value v : content.values()) {
            Optional<PlanModel.Located> l = plan.measure(v.measureKey());
            String objective = l.map(x -> x.objective().key()).orElse("?");
            BigDecimal figure = l.map(x -> vn.gems.reporting.service.Figures.compute(x.measure().figure(),
                    new vn.gems.reporting.service.Figures.Parts(v.female(), v.male(), v.total(), v.value()))).orElse(null);
            rowsByObjective.computeIfAbsent(objective, k -> new ArrayList<>()).add(List.of(
                    l.map(x -> x.objective().key() + " " + nz(x.objective().title())).orElse(""),
                    l.map(x -> nz(x.target().text())).orElse(""), v.measureKey(),
                    l.map(x -> nz(x.measure().indicatorCode())).orElse(""),
                    l.map(x -> Labels.target(x.measure().comparator(), x.measure().targetValue(), x.measure().targetYear())).orElse(""),
                    o.period, num(v.female()), num(v.male()), num(v.total()), num(figure != null ? figure : v.value()),
                    nz(v.comment()), v.attachmentId() == null ? "" : "tệp " + v.attachmentId()));
            if (v.female() != null && v.male() != null) {
                charts.add(new ExportDocument.Chart(v.measureKey() + " — " + shorten(l.map(x -> x.target().text()).orElse(""), 80), v.female(), v.male()));
            }
        }
        for (Map.Entry<String, List<List<Object>>> e : rowsByObjective.entrySet()) {
            String title = plan.objective(e.getKey()).map(PlanModel.Objective::title).orElse("");
            vals.add(new ExportDocument.Table(sheetName(e.getKey(), title), "Mục tiêu " + e.getKey() + ": " + title,
                    List.of("Mục tiêu (objective)", "Chỉ tiêu (target)", "Mã (measure)", "Chỉ số (indicator)", "Chỉ tiêu đặt ra (target)",
                            "Kỳ (period)", "Nữ (female)", "Nam (male)", "Tổng (total)", "Giá trị (figure)", "Ghi chú (comment)", "Minh chứng (evidence)"),
                    e.getValue()));
        }
        if (vals.isEmpty()) {
            vals.add(new ExportDocument.Paragraph("Báo cáo không có số liệu chỉ tiêu (no values in this report).", false));
        }
        vals.addAll(charts);
        sections.add(new ExportDocument.Section(Labels.roman(++n), "SỐ LIỆU CÁC CHỈ TIÊU", vals));
        sections.add(new ExportDocument.Section(Labels.roman(++n), "KHÓ KHĂN, VƯỚNG MẮC", narrative(plan, byKind.get("DIFFICULTIES"))));
        List<ReportContent.Section> proposals = new ArrayList<>(byKind.get("PROPOSALS"));
        proposals.addAll(byKind.get("OTHER"));
        sections.add(new ExportDocument.Section(Labels.roman(++n), "ĐỀ XUẤT, KIẾN NGHỊ", narrative(plan, proposals)));

        LocalDate day = submittedAt == null ? LocalDate.now(config.zone()) : submittedAt.atZone(config.zone()).toLocalDate();
        String receiver = agencies.known(o.receivingAgency).map(a -> a.nameVi).orElse(o.receivingAgency);
        return new ExportDocument("bao-cao-" + reportId + "-" + versionLabel, header(o.agency, "Số: " + reportId + "/BC-" + o.agency, day),
                "BÁO CÁO",
                "Kết quả thực hiện " + nz(ref.title) + (ref.number == null ? "" : " (" + ref.number + ")") + " — kỳ " + o.period
                        + " (phiên bản " + versionLabel + ")",
                "Kính gửi: " + receiver, sections, List.of("Như trên;", "Lưu: VT."), "THỦ TRƯỞNG CƠ QUAN");
    }

    private ExportDocument.Header header(String agencyCode, String number, LocalDate day) {
        Optional<AgencyRef> agency = agencies.known(agencyCode);
        String authority = agency.flatMap(a -> a.parentCode == null ? Optional.empty() : agencies.known(a.parentCode)).map(p -> p.nameVi)
                .orElse("ỦY BAN NHÂN DÂN");
        String name = agency.map(a -> a.nameVi).orElse(agencyCode);
        return new ExportDocument.Header(Labels.upper(authority), Labels.upper(name), number, Labels.date(day).substring(0, 1).toUpperCase()
                + Labels.date(day).substring(1));
    }

    private static List<ExportDocument.Block> narrative(PlanModel plan, List<ReportContent.Section> sections) {
        List<ExportDocument.Block> blocks = new ArrayList<>();
        for (ReportContent.Section s : sections) {
            String about = s.objectiveKey() == null ? "" : plan.objective(s.objectiveKey())
                    .map(o -> (o.label() == null ? "Mục tiêu " + o.key() : o.label()) + " (" + nz(o.title()) + "): ").orElse("");
            blocks.add(new ExportDocument.Paragraph(about + s.text(), false));
        }
        if (blocks.isEmpty()) {
            blocks.add(new ExportDocument.Paragraph("Không có (none).", false));
        }
        return blocks;
    }

    static List<List<Object>> targetRows(List<ConsolidationView.TargetRow> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (ConsolidationView.TargetRow r : rows) {
            List<String> sources = new ArrayList<>();
            for (ConsolidationView.Source s : r.sources()) {
                sources.add(nz(s.kind()) + (s.agency() == null ? "" : " " + s.agency()) + (s.reference() == null ? "" : " " + s.reference()));
            }
            out.add(List.of(nz(r.objectiveKey()), nz(r.targetText()), r.measureKey(), nz(r.indicatorCode()),
                    r.baselineValue() == null ? "" : r.baselineValue().stripTrailingZeros().toPlainString() + (r.baselineYear() == null ? "" : " (" + r.baselineYear() + ")"),
                    Labels.target(r.comparator(), r.targetValue(), r.targetYear()), nz(r.valuePeriod()), num(r.female()), num(r.male()),
                    num(r.total()), num(r.figureValue()), Labels.status(r.status()), String.join("; ", sources)));
        }
        return out;
    }

    private static String activity(ReportContent.Activity a) {
        StringBuilder sb = new StringBuilder(a.title());
        if (a.count() != null) {
            sb.append(": ").append(a.count()).append(" lượt");
        }
        if (a.participantsFemale() != null || a.participantsMale() != null || a.participantsTotal() != null) {
            sb.append(" (nữ ").append(nz(a.participantsFemale())).append(", nam ").append(nz(a.participantsMale()))
                    .append(", tổng ").append(nz(a.participantsTotal())).append(")");
        }
        return sb.toString();
    }

    /** XLSX sheet names: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String key, String title) {
        String s = (key + " " + nz(title)).replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return s.length() > 31 ? s.substring(0, 31).trim() : s;
    }

    private static Object num(Object n) {
        if (n == null) {
            return "";
        }
        return n instanceof BigDecimal d ? d.stripTrailingZeros() : n;
    }

    private static String nz(Object s) {
        return s == null ? "" : s.toString();
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
