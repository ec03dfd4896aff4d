package io.kafkaex.cluster;

/** What a coordinator coordinates, with the key type FindCoordinator sends for it. */
public enum CoordinatorType {
    GROUP((byte) 0), TRANSACTION((byte) 1);

    private final byte keyType;

    CoordinatorType(byte keyType) {
        this.keyType = keyType;
    }

    /** The {@code KeyType} of FindCoordinator. */
    public byte keyType() {
        return keyType;
    }
}
