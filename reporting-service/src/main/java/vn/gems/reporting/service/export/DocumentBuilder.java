package vn.gems.reporting.service.export;

import jakarta.enterprise.context.ApplicationScoped;
import vn.gems.reporting.Obligation;
import vn.gems.reporting.PlanModel;
import vn.gems.reporting.PlanRef;
import vn.gems.reporting.config.ReportingConfig;
import vn.gems.reporting.rest.ConsolidationView;
import vn.gems.reporting.rest.ReportContent;
import vn.gems.reporting.service.Figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Lays out a consolidated report or a submission as an {@link ExportDocument} per Decree 30/2020/NĐ-CP, in
 * Vietnamese or as an English rendering. The issuing body is named as it was on the document's date.
 */
@ApplicationScoped
public class DocumentBuilder {

    private final IssuingBodies issuers;
    private final ReportingConfig config;

    public DocumentBuilder(IssuingBodies issuers, ReportingConfig config) {
        this.issuers = issuers;
        this.config = config;
    }

    static List<String> targetHeaders(Labels w) {
        return List.of(w.t("Mục tiêu", "Objective"), w.t("Chỉ tiêu", "Target"), w.t("Mã", "Measure"), w.t("Chỉ số", "Indicator"),
                w.t("Cơ sở", "Baseline"), w.t("Chỉ tiêu đặt ra", "Target value"), w.t("Kỳ số liệu", "Data period"), w.t("Nữ", "Female"),
                w.t("Nam", "Male"), w.t("Tổng", "Total"), w.t("Giá trị", "Figure"), w.t("Đánh giá", "Status"), w.t("Nguồn", "Sources"));
    }

    public ExportDocument consolidation(ConsolidationView c, Lang lang) {
        List<String> codes = new ArrayList<>();
        codes.add(c.receivingAgency());
        c.agencies().forEach(l -> codes.add(l.agency()));
        c.narratives().forEach(b -> b.agencies().forEach(a -> codes.add(a.agency())));
        return issuers.withAgencies(codes, () -> consolidationDocument(c, lang));
    }

    private ExportDocument consolidationDocument(ConsolidationView c, Lang lang) {
        Labels w = Labels.of(lang);
        List<ExportDocument.Section> sections = new ArrayList<>();
        ConsolidationView.Completeness k = c.completeness();

        List<ExportDocument.Block> s1 = new ArrayList<>();
        s1.add(new ExportDocument.Paragraph(w.t("Số báo cáo phải nộp: ", "Reports expected: ") + k.expected()
                + w.t("; đã nộp: ", "; submitted: ") + k.submitted()
                + w.t(" (đúng hạn ", " (on time ") + k.onTime() + w.t(", trễ hạn ", ", late ") + k.late() + ")"
                + w.t("; quá hạn chưa nộp: ", "; overdue and missing: ") + k.missing()
                + w.t("; chưa đến hạn: ", "; not due yet: ") + k.pending() + w.t("; đã chấp nhận: ", "; accepted: ") + k.accepted()
                + w.t("; trả lại: ", "; returned: ") + k.returned()
                + (k.submittedPercent() == null ? "" : w.t("; tỷ lệ đã nộp: ", "; share submitted: ") + plain(k.submittedPercent()) + "%") + ".", false));
        List<List<Object>> rows = new ArrayList<>();
        int i = 0;
        for (ConsolidationView.AgencyLine l : c.agencies()) {
            rows.add(List.of(++i, l.agency(), agencyName(l.agency(), l.agencyName(), c.asOf(), lang), w.kind(l.kind()), Labels.tableDate(l.dueDate()),
                    w.state(l.state()), w.timeliness(l.timeliness()), l.daysLate() == null ? "" : l.daysLate(), l.reportId() == null ? "" : l.reportId()));
        }
        s1.add(new ExportDocument.Table(w.t("Tổng hợp", "Summary"), w.t("Bảng 1. Tình hình nộp báo cáo của các cơ quan, đơn vị",
                "Table 1. Reports of the agencies"),
                List.of(w.t("STT", "No."), w.t("Mã cơ quan", "Agency code"), w.t("Tên cơ quan", "Agency"), w.t("Loại báo cáo", "Report"),
                        w.t("Hạn nộp", "Due"), w.t("Trạng thái", "State"), w.t("Thời hạn", "Timeliness"), w.t("Số ngày trễ", "Days late"),
                        w.t("Mã báo cáo", "Report id")), rows));
        sections.add(new ExportDocument.Section("I", w.t("TÌNH HÌNH THỰC HIỆN CHẾ ĐỘ BÁO CÁO", "REPORTING COMPLETENESS AND TIMELINESS"), s1));

        List<ExportDocument.Block> s2 = new ArrayList<>();
        List<ConsolidationView.TargetRow> all = new ArrayList<>();
        int oi = 0;
        for (ConsolidationView.ObjectiveBlock ob : c.objectives()) {
            oi++;
            String heading = oi + ". " + (ob.label() == null ? w.t("Mục tiêu ", "Objective ") + oi : ob.label()) + ": " + nz(ob.title());
            // The spreadsheets keep one full table per objective; the printed document has the two tables below.
            s2.add(new ExportDocument.Table(sheetName(ob.key(), ob.title()), heading, targetHeaders(w), targetRows(ob.rows(), w),
                    ExportDocument.Medium.SHEET));
            all.addAll(ob.rows());
        }
        s2.addAll(printedTargetTables(all, w, 2));
        s2.addAll(charts(all, w));
        sections.add(new ExportDocument.Section("II", w.t("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", "RESULTS AGAINST THE TARGETS"), s2));

        List<ExportDocument.Block> s3 = new ArrayList<>();
        for (ConsolidationView.NarrativeBlock nb : c.narratives()) {
            s3.add(new ExportDocument.Paragraph((nb.objectiveKey() == null ? "" : w.t("Mục tiêu ", "Objective ") + nb.objectiveKey() + ": ")
                    + nz(nb.objectiveTitle()), true));
            for (ConsolidationView.AgencyNarrative an : nb.agencies()) {
                String who = agencyName(an.agency(), an.agencyName(), c.asOf(), lang);
                for (ReportContent.Section s : an.sections()) {
                    s3.add(new ExportDocument.Paragraph("- " + who + " — " + w.sectionKind(s.kind().name()) + ": " + s.text(), false));
                }
                for (ReportContent.Activity a : an.activities()) {
                    s3.add(new ExportDocument.Paragraph("- " + who + " — " + activity(a, w), false));
                }
            }
        }
        if (s3.isEmpty()) {
            s3.add(new ExportDocument.Paragraph(w.t("Chưa có báo cáo được chấp nhận.", "No report has been accepted yet."), false));
        }
        sections.add(new ExportDocument.Section("III", w.t("KẾT QUẢ HOẠT ĐỘNG CỦA CÁC CƠ QUAN, ĐƠN VỊ", "WHAT THE AGENCIES DID"), s3));

        if (!c.children().isEmpty()) {
            List<ExportDocument.Block> s4 = new ArrayList<>();
            List<List<Object>> childRows = new ArrayList<>();
            for (ConsolidationView.ChildPlan ch : c.children()) {
                childRows.add(List.of(ch.planId(), nz(ch.planNumber()), agencyName(ch.issuingAgency(), ch.issuingAgency(), c.asOf(), lang), nz(ch.unitCode()),
                        ch.completeness().expected(), ch.completeness().submitted(), ch.completeness().late(), ch.completeness().missing()));
            }
            s4.add(new ExportDocument.Table(w.t("Cấp dưới", "Lower levels"), w.t("Kế hoạch cấp dưới", "Plans of the lower levels"),
                    List.of(w.t("Kế hoạch", "Plan"), w.t("Số hiệu", "Number"), w.t("Cơ quan ban hành", "Issued by"), w.t("Đơn vị hành chính", "Unit"),
                            w.t("Phải nộp", "Expected"), w.t("Đã nộp", "Submitted"), w.t("Trễ hạn", "Late"), w.t("Chưa nộp", "Missing")), childRows));
            s4.add(new ExportDocument.Table(w.t("Cấp dưới", "Lower levels"), w.t("Số liệu cộng dồn từ cấp dưới", "Figures rolled up from the lower levels"),
                    targetHeaders(w), targetRows(c.childrenRollup(), w), ExportDocument.Medium.SHEET));
            s4.addAll(printedTargetTables(c.childrenRollup(), w, 4));
            sections.add(new ExportDocument.Section("IV", w.t("KẾT QUẢ CỦA CÁC KẾ HOẠCH CẤP DƯỚI", "RESULTS OF THE LOWER LEVELS' PLANS"), s4));
        }

        LocalDate day = c.asOf();
        IssuingBodies.Issuer issuer = issuers.asOf(c.receivingAgency(), day, lang);
        String addressee = c.upward().stream().map(u -> agencyName(u.receivingAgency(), u.receivingAgency(), day, lang)).distinct()
                .reduce((a, b) -> a + "; " + b).map(to -> w.t("Kính gửi: ", "To: ") + to).orElse(null);
        List<String> recipients = new ArrayList<>();
        if (addressee != null) {
            recipients.add(w.t("Như trên;", "As above;"));
        }
        recipients.add(issuer.authority() + w.t(" (b/c);", " (for information);"));
        recipients.add(w.t("Lưu: VT, ", "Filed: records office, ") + issuer.code() + ".");
        String number = w.t("Số:      /BC-", "No.:      /BC-") + issuer.code();
        return new ExportDocument("tong-hop-" + c.planId() + "-" + c.period() + "-" + c.receivingAgency() + (lang == Lang.EN ? "-en" : ""), lang,
                header(issuer, number, day, w), w.t("BÁO CÁO", "REPORT"),
                w.t("Tổng hợp kết quả thực hiện ", "Consolidated results of ") + planTitle(c.planTitle(), lang)
                        + (c.planNumber() == null ? "" : w.t(" (Kế hoạch số ", " (Plan No. ") + c.planNumber() + ")") + " " + w.period(c.period()),
                addressee, sections, closing(recipients, issuer, w));
    }

    /** A submitted version (or the draft) of an agency's report. */
    public ExportDocument submission(PlanRef ref, PlanModel plan, Obligation o, long reportId, String versionLabel,
                                     ReportContent content, Instant submittedAt, Lang lang) {
        Labels w = Labels.of(lang);
        List<ExportDocument.Section> sections = new ArrayList<>();
        int n = 0;
        Map<String, List<ReportContent.Section>> byKind = new LinkedHashMap<>();
        for (ReportContent.SectionKind kind : ReportContent.SectionKind.values()) {
            byKind.put(kind.name(), new ArrayList<>());
        }
        content.sections().forEach(s -> byKind.get(s.kind().name()).add(s));

        sections.add(new ExportDocument.Section(Labels.roman(++n), w.t("KẾT QUẢ ĐẠT ĐƯỢC", "RESULTS"), narrative(plan, byKind.get("RESULTS"), w)));

        List<ExportDocument.Block> acts = new ArrayList<>(narrative(plan, byKind.get("ACTIVITIES"), w));
        List<List<Object>> actRows = new ArrayList<>();
        int i = 0;
        for (ReportContent.Activity a : content.activities()) {
            actRows.add(List.of(++i, nz(a.objectiveKey()), a.title(), num(a.count()), num(a.participantsFemale()), num(a.participantsMale()),
                    num(a.participantsTotal())));
        }
        acts.add(new ExportDocument.Table(w.t("Hoạt động", "Activities"), w.t("Hoạt động đã tổ chức", "Activities held"),
                List.of(w.t("STT", "No."), w.t("Mục tiêu", "Objective"), w.t("Hoạt động", "Activity"), w.t("Số lượt", "Count"),
                        w.t("Nữ tham gia", "Women taking part"), w.t("Nam tham gia", "Men taking part"), w.t("Tổng số tham gia", "Total taking part")), actRows));
        sections.add(new ExportDocument.Section(Labels.roman(++n), w.t("CÁC HOẠT ĐỘNG ĐÃ TRIỂN KHAI", "ACTIVITIES CARRIED OUT"), acts));

        List<ExportDocument.Block> vals = new ArrayList<>();
        Map<String, List<List<Object>>> rowsByObjective = new LinkedHashMap<>();
        List<List<Object>> printed = new ArrayList<>();
        List<ExportDocument.Block> charts = new ArrayList<>();
        int vi = 0;
        for (ReportContent.Value v : content.values()) {
            Optional<PlanModel.Located> l = plan.measure(v.measureKey());
            String objective = l.map(x -> x.objective().key()).orElse("?");
            BigDecimal figure = l.map(x -> Figures.compute(x.measure().figure(), new Figures.Parts(v.female(), v.male(), v.total(), v.value())))
                    .orElse(null);
            String target = l.map(x -> w.target(x.measure().comparator(), x.measure().targetValue(), x.measure().targetYear())).orElse("");
            String targetText = l.map(x -> nz(x.target().text())).orElse("");
            rowsByObjective.computeIfAbsent(objective, k -> new ArrayList<>()).add(List.of(
                    l.map(x -> x.objective().key() + " " + nz(x.objective().title())).orElse(""), targetText, v.measureKey(),
                    l.map(x -> nz(x.measure().indicatorCode())).orElse(""), target, o.period, num(v.female()), num(v.male()), num(v.total()),
                    num(figure != null ? figure : v.value()), nz(v.comment()), v.attachmentId() == null ? "" : w.t("tệp ", "file ") + v.attachmentId()));
            printed.add(List.of(++vi, v.measureKey(), targetText, target, num(v.female()), num(v.male()), num(v.total()),
                    num(figure != null ? figure : v.value()), nz(v.comment())));
            if (v.female() != null && v.male() != null) {
                charts.add(chart(v.measureKey() + " — " + shorten(targetText, 80), v.female(), v.male(), w));
            }
        }
        for (Map.Entry<String, List<List<Object>>> e : rowsByObjective.entrySet()) {
            String title = plan.objective(e.getKey()).map(PlanModel.Objective::title).orElse("");
            vals.add(new ExportDocument.Table(sheetName(e.getKey(), title), w.t("Mục tiêu ", "Objective ") + e.getKey() + ": " + title,
                    List.of(w.t("Mục tiêu", "Objective"), w.t("Chỉ tiêu", "Target"), w.t("Mã", "Measure"), w.t("Chỉ số", "Indicator"),
                            w.t("Chỉ tiêu đặt ra", "Target value"), w.t("Kỳ", "Period"), w.t("Nữ", "Female"), w.t("Nam", "Male"), w.t("Tổng", "Total"),
                            w.t("Giá trị", "Figure"), w.t("Ghi chú", "Comment"), w.t("Minh chứng", "Evidence")),
                    e.getValue(), ExportDocument.Medium.SHEET));
        }
        if (printed.isEmpty()) {
            vals.add(new ExportDocument.Paragraph(w.t("Báo cáo không có số liệu chỉ tiêu.", "The report has no figures."), false));
        } else {
            vals.add(new ExportDocument.Table(w.t("Số liệu", "Figures"), w.t("Số liệu các chỉ tiêu theo giới tính, kỳ ", "Figures by sex, period ") + o.period,
                    List.of(w.t("STT", "No."), w.t("Mã", "Measure"), w.t("Chỉ tiêu", "Target"), w.t("Chỉ tiêu đặt ra", "Target value"),
                            w.t("Nữ", "Female"), w.t("Nam", "Male"), w.t("Tổng", "Total"), w.t("Giá trị", "Figure"), w.t("Ghi chú", "Comment")),
                    printed, ExportDocument.Medium.PRINT));
        }
        vals.addAll(charts);
        sections.add(new ExportDocument.Section(Labels.roman(++n), w.t("SỐ LIỆU CÁC CHỈ TIÊU", "FIGURES"), vals));
        sections.add(new ExportDocument.Section(Labels.roman(++n), w.t("KHÓ KHĂN, VƯỚNG MẮC", "DIFFICULTIES"), narrative(plan, byKind.get("DIFFICULTIES"), w)));
        List<ReportContent.Section> proposals = new ArrayList<>(byKind.get("PROPOSALS"));
        proposals.addAll(byKind.get("OTHER"));
        sections.add(new ExportDocument.Section(Labels.roman(++n), w.t("ĐỀ XUẤT, KIẾN NGHỊ", "PROPOSALS"), narrative(plan, proposals, w)));

        LocalDate day = submittedAt == null ? LocalDate.now(config.zone()) : submittedAt.atZone(config.zone()).toLocalDate();
        IssuingBodies.Issuer issuer = issuers.asOf(o.agency, day, lang);
        IssuingBodies.Issuer receiver = issuers.asOf(o.receivingAgency, day, lang);
        return new ExportDocument("bao-cao-" + reportId + "-" + versionLabel + (lang == Lang.EN ? "-en" : ""), lang,
                header(issuer, w.t("Số: ", "No.: ") + reportId + "/BC-" + issuer.code(), day, w),
                w.t("BÁO CÁO", "REPORT"),
                w.t("Kết quả thực hiện ", "Results of ") + planTitle(ref.title, lang) + (ref.number == null ? "" : w.t(" (Kế hoạch số ", " (Plan No. ")
                        + ref.number + ")") + " " + w.period(o.period) + w.t(" (phiên bản ", " (version ") + versionLabel + ")",
                w.t("Kính gửi: ", "To: ") + receiver.body(), sections,
                closing(List.of(w.t("Như trên;", "As above;"), w.t("Lưu: VT.", "Filed: records office.")), issuer, w));
    }

    private static ExportDocument.Closing closing(List<String> recipients, IssuingBodies.Issuer issuer, Labels w) {
        return new ExportDocument.Closing(w.t("Nơi nhận:", "Recipients:"), recipients, issuer.signature(),
                w.t("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name and seal)"));
    }

    private static ExportDocument.Header header(IssuingBodies.Issuer issuer, String number, LocalDate day, Labels w) {
        return new ExportDocument.Header(w.t(ExportDocument.Header.NATION_VI, ExportDocument.Header.NATION_EN),
                w.t(ExportDocument.Header.MOTTO_VI, ExportDocument.Header.MOTTO_EN), w.upper(issuer.authority()), w.upper(issuer.body()), number,
                w.placeAndDate(issuer.place(), day));
    }

    /** Plan titles start with "Thực hiện …" ("carrying out …"); after "kết quả thực hiện" that word is not repeated. */
    static String planTitle(String title, Lang lang) {
        String t = nz(title).trim();
        if (lang == Lang.VI && t.toLowerCase(Locale.of("vi")).startsWith("thực hiện ")) {
            return t.substring("thực hiện ".length());
        }
        return t;
    }

    /** An agency's name as on the document's day; {@code fallback} when the registry does not know the code. */
    private String agencyName(String code, String fallback, LocalDate day, Lang lang) {
        String name = issuers.nameOn(code, day, lang);
        return name.equals(code) && fallback != null ? fallback : name;
    }

    /** The printed tables of section II: figures by sex, then where each target stands. */
    private static List<ExportDocument.Block> printedTargetTables(List<ConsolidationView.TargetRow> rows, Labels w, int firstTable) {
        List<List<Object>> bySex = new ArrayList<>();
        List<List<Object>> progress = new ArrayList<>();
        int i = 0;
        int j = 0;
        for (ConsolidationView.TargetRow r : rows) {
            if (r.female() != null || r.male() != null || r.total() != null) {
                bySex.add(List.of(++i, r.measureKey(), nz(r.targetText()), nz(r.indicatorCode()), nz(r.valuePeriod()), num(r.female()),
                        num(r.male()), num(r.total())));
            }
            progress.add(List.of(++j, r.measureKey(), nz(r.targetText()), baseline(r), w.target(r),
                    r.figureValue() == null ? "" : plain(r.figureValue()) + (r.valuePeriod() == null ? "" : " (" + r.valuePeriod() + ")"),
                    w.status(r.status())));
        }
        List<ExportDocument.Block> out = new ArrayList<>();
        out.add(new ExportDocument.Table(w.t("Theo giới tính", "By sex"),
                w.t("Bảng " + firstTable + ". Số liệu các chỉ tiêu theo giới tính", "Table " + firstTable + ". Figures by sex"),
                List.of(w.t("STT", "No."), w.t("Mã", "Measure"), w.t("Chỉ tiêu", "Target"), w.t("Chỉ số", "Indicator"), w.t("Kỳ số liệu", "Period"),
                        w.t("Nữ", "Female"), w.t("Nam", "Male"), w.t("Tổng", "Total")), bySex, ExportDocument.Medium.PRINT));
        out.add(new ExportDocument.Table(w.t("Tiến độ", "Progress"),
                w.t("Bảng " + (firstTable + 1) + ". Tiến độ thực hiện các chỉ tiêu", "Table " + (firstTable + 1) + ". Progress towards the targets"),
                List.of(w.t("STT", "No."), w.t("Mã", "Measure"), w.t("Chỉ tiêu", "Target"), w.t("Cơ sở", "Baseline"), w.t("Chỉ tiêu đặt ra", "Target value"),
                        w.t("Kết quả", "Result"), w.t("Đánh giá", "Status")), progress, ExportDocument.Medium.PRINT));
        return out;
    }

    private static List<ExportDocument.Block> charts(List<ConsolidationView.TargetRow> rows, Labels w) {
        List<ExportDocument.Block> out = new ArrayList<>();
        for (ConsolidationView.TargetRow r : rows) {
            if (r.female() != null && r.male() != null) {
                out.add(chart(r.measureKey() + " — " + shorten(r.targetText(), 80), r.female(), r.male(), w));
            }
        }
        return out;
    }

    private static ExportDocument.Chart chart(String title, BigDecimal female, BigDecimal male, Labels w) {
        return new ExportDocument.Chart(title, w.t("Nữ", "Female"), w.t("Nam", "Male"), female, male);
    }

    private static String baseline(ConsolidationView.TargetRow r) {
        return r.baselineValue() == null ? "" : plain(r.baselineValue()) + (r.baselineYear() == null ? "" : " (" + r.baselineYear() + ")");
    }

    private static List<ExportDocument.Block> narrative(PlanModel plan, List<ReportContent.Section> sections, Labels w) {
        List<ExportDocument.Block> blocks = new ArrayList<>();
        for (ReportContent.Section s : sections) {
            String about = s.objectiveKey() == null ? "" : plan.objective(s.objectiveKey())
                    .map(o -> (o.label() == null ? w.t("Mục tiêu ", "Objective ") + o.key() : o.label()) + " (" + nz(o.title()) + "): ").orElse("");
            blocks.add(new ExportDocument.Paragraph(about + s.text(), false));
        }
        if (blocks.isEmpty()) {
            blocks.add(new ExportDocument.Paragraph(w.t("Không có.", "None."), false));
        }
        return blocks;
    }

    static List<List<Object>> targetRows(List<ConsolidationView.TargetRow> rows, Labels w) {
        List<List<Object>> out = new ArrayList<>();
        for (ConsolidationView.TargetRow r : rows) {
            List<String> sources = new ArrayList<>();
            for (ConsolidationView.Source s : r.sources()) {
                sources.add(nz(s.kind()) + (s.agency() == null ? "" : " " + s.agency()) + (s.reference() == null ? "" : " " + s.reference()));
            }
            out.add(List.of(nz(r.objectiveKey()), nz(r.targetText()), r.measureKey(), nz(r.indicatorCode()), baseline(r),
                    w.target(r), nz(r.valuePeriod()), num(r.female()), num(r.male()),
                    num(r.total()), num(r.figureValue()), w.status(r.status()), String.join("; ", sources)));
        }
        return out;
    }

    private static String activity(ReportContent.Activity a, Labels w) {
        StringBuilder sb = new StringBuilder(a.title());
        if (a.count() != null) {
            sb.append(": ").append(a.count()).append(w.t(" lượt", " times"));
        }
        if (a.participantsFemale() != null || a.participantsMale() != null || a.participantsTotal() != null) {
            sb.append(w.t(" (nữ ", " (women ")).append(nz(a.participantsFemale())).append(w.t(", nam ", ", men ")).append(nz(a.participantsMale()))
                    .append(w.t(", tổng ", ", total ")).append(nz(a.participantsTotal())).append(")");
        }
        return sb.toString();
    }

    /** XLSX sheet names: at most 31 characters, none of []:*?/\ . */
    static String sheetName(String key, String title) {
        String s = (key + " " + nz(title)).replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return s.length() > 31 ? s.substring(0, 31).trim() : s;
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
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
