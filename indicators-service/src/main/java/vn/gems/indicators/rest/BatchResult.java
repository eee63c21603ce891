package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a batch did: {@code changed} = inserted + updated; {@code unchanged} values were identical (no audit row). */
@Schema(name = "BatchResult", example = """
        {"pushId":42,"accepted":3,"changed":3,"unchanged":0,"inserted":3,"updated":0}""")
public record BatchResult(long pushId, long accepted, long changed, long unchanged, long inserted, long updated) {
}
