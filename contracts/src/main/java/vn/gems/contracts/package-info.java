/**
 * The payloads the GEMS services send each other, as records (README, "Service-to-service contracts").
 * <p>
 * A record here is the caller's view of a payload: what it reads or sends, named as on the wire. Records the caller
 * reads ignore fields they do not name and read an enum value they do not know as null, so a provider may add
 * fields and values freely; each provider's test suite reads its own answers and OpenAPI examples into these
 * records and checks that every field named here is declared in its OpenAPI document, so renaming or retyping a
 * field a caller reads fails the provider's build. One package per provider.
 */
package vn.gems.contracts;
