package vn.gems.indicators.push;

import vn.gems.indicators.SourceKind;

/** The source kinds a push may claim: a statistics push, or another government system. */
public enum PushSourceKind {
    PUSH(SourceKind.PUSH), SYSTEM(SourceKind.SYSTEM);

    private final SourceKind kind;

    PushSourceKind(SourceKind kind) {
        this.kind = kind;
    }

    public SourceKind kind() {
        return kind;
    }
}
