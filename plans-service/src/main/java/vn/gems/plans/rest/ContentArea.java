package vn.gems.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A numbered content area or group of activities (Nội dung, Giải pháp) with its lead and co-operating agencies. */
@Schema(name = "ContentArea", example = """
        {"key":"C4","label":"4","title":"Tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới năm 2024 (từ ngày 15/11 đến 15/12/2024)",
         "activities":["Xây dựng kế hoạch, nội dung, thông điệp, chủ đề của Tháng hành động theo hướng dẫn của Sở Lao động - Thương binh và Xã hội."],
         "leadAgencies":["STI-LABOUR"],"cooperatingAgencies":["STI-MEDIA"],"objectiveKeys":[]}""")
public record ContentArea(
        @Pattern(regexp = Keys.KEY, message = Keys.KEY_MESSAGE) String key,
        @Size(max = 100) String label,
        @NotBlank @Size(max = 2000) String title,
        List<@NotBlank @Size(max = 20000) String> activities,
        List<@NotBlank @Size(max = 40) String> leadAgencies,
        List<@NotBlank @Size(max = 40) String> cooperatingAgencies,
        @Schema(description = "Objectives this group of activities serves")
        List<@NotBlank @Size(max = 40) String> objectiveKeys) {

    public ContentArea {
        activities = activities == null ? List.of() : activities;
        leadAgencies = leadAgencies == null ? List.of() : leadAgencies;
        cooperatingAgencies = cooperatingAgencies == null ? List.of() : cooperatingAgencies;
        objectiveKeys = objectiveKeys == null ? List.of() : objectiveKeys;
    }

    public ContentArea withKey(String newKey) {
        return new ContentArea(newKey, label, title, activities, leadAgencies, cooperatingAgencies, objectiveKeys);
    }
}
