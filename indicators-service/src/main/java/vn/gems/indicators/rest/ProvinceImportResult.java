package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a province import did: communes created, renamed or moved, merges recorded, and rows already in place. */
@Schema(name = "ProvinceImportResult", example = """
        {"province":"VN-51","rows":2,"created":["VN-51-SONTINH"],"renamed":[],"reparented":[],"mergesRecorded":1,
         "unchanged":["VN-51-TRUONGQUANG"]}""")
public record ProvinceImportResult(String province, int rows, List<String> created, List<String> renamed, List<String> reparented,
                                   int mergesRecorded, List<String> unchanged) {
}
