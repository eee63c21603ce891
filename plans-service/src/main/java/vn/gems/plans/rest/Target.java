package vn.gems.plans.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A target (Chỉ tiêu): the printed text and one or more measurable measures. */
@Schema(name = "Target", example = """
        {"key":"O3-T2","label":"Chỉ tiêu 2",
         "text":"Đạt 80% người bị bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản; đạt 50% người gây bạo lực gia đình, bạo lực trên cơ sở giới được phát hiện ở mức chưa bị truy cứu trách nhiệm hình sự được tư vấn, tham vấn.",
         "textEn":"80% of detected victims reach at least one basic support service; 50% of detected perpetrators not prosecuted get counselling",
         "measures":[
          {"key":"O3-T2-M1","indicatorCode":"GBV_VICTIMS_SUPPORTED_SHARE","figure":"TOTAL","comparator":"AT_LEAST","baselineValue":null,"baselineYear":null,"targetValue":80,"targetYear":2025,"fromYear":null,"dimensions":{},
           "responsibleAgencies":[{"agency":"TTH-DOLISA","scope":"số liệu về bạo lực trên cơ sở giới"},{"agency":"TTH-DCS","scope":"số liệu về bạo lực gia đình"}],"note":null},
          {"key":"O3-T2-M2","indicatorCode":"GBV_PERPETRATORS_COUNSELLED_SHARE","figure":"TOTAL","comparator":"AT_LEAST","baselineValue":null,"baselineYear":null,"targetValue":50,"targetYear":2025,"fromYear":null,"dimensions":{},
           "responsibleAgencies":[{"agency":"TTH-DOLISA","scope":"số liệu về bạo lực trên cơ sở giới"},{"agency":"TTH-DCS","scope":"số liệu về bạo lực gia đình"}],"note":null}]}""")
public record Target(
        @Schema(description = "Stable key; generated ({objective}-T1…) when absent") @Pattern(regexp = Keys.KEY, message = Keys.KEY_MESSAGE) String key,
        @Size(max = 100) String label,
        @Schema(description = "The target as printed (Vietnamese)") @NotBlank @Size(max = 5000) String text,
        @Size(max = 5000) String textEn,
        @NotEmpty List<@Valid @NotNull Measure> measures) {

    public Target withKeys(String newKey, List<Measure> newMeasures) {
        return new Target(newKey, label, text, textEn, newMeasures);
    }
}
