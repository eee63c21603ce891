package vn.gems.common.outbox;

/** What one delivery attempt came to, as the service's handler judges it. */
public sealed interface OutboxOutcome {

    /** The receiver has it (or already had it: receivers are idempotent by the message's key). */
    record Delivered() implements OutboxOutcome {
    }

    /**
     * Not delivered; tried again after a back-off (dead-lettered once the attempts run out). {@code stopRound} when the
     * receiver is down, so the rest of the round is released untouched instead of failing one by one.
     */
    record Retry(OutboxFailure failure, boolean stopRound) implements OutboxOutcome {
    }

    /** The receiver refuses the message itself; retrying cannot help, so it is parked for a person (requeue). */
    record DeadLetter(OutboxFailure failure) implements OutboxOutcome {
    }

    static OutboxOutcome delivered() {
        return new Delivered();
    }

    static OutboxOutcome retry(String code, String sentence) {
        return new Retry(new OutboxFailure(code, sentence), false);
    }

    static OutboxOutcome receiverDown(String code, String sentence) {
        return new Retry(new OutboxFailure(code, sentence), true);
    }

    static OutboxOutcome deadLetter(String code, String sentence) {
        return new DeadLetter(new OutboxFailure(code, sentence));
    }
}
