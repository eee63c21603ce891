package vn.gems.common.outbox;

/**
 * Why a delivery did not succeed, as it is stored and shown to operators: a stable code and one plain sentence. Never
 * an exception's class or message (those name internals and may carry a peer's body); the detail goes to the log.
 */
public record OutboxFailure(String code, String sentence) {

    /** The handler threw instead of answering: counted as a failed attempt, retried later. */
    public static final OutboxFailure UNEXPECTED = new OutboxFailure("DELIVERY_ERROR",
            "The delivery failed unexpectedly; it is tried again later.");

    public OutboxFailure {
        if (code == null || code.isBlank() || sentence == null || sentence.isBlank()) {
            throw new IllegalArgumentException("a failure needs a code and a sentence");
        }
    }
}
