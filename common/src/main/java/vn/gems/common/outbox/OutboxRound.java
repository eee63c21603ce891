package vn.gems.common.outbox;

/** What one delivery round did: delivered, to be retried later, dead-lettered (FAILED). */
public record OutboxRound(int delivered, int retried, int failed) {
}
