package vn.gems.indicators.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The value after an upsert, and whether the upsert changed anything. */
@Schema(name = "UpsertResult")
public record UpsertResult(ValueView value, boolean changed, long pushId) {
}
