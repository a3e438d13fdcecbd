package dev.sextant.pii;

/** The kinds of personal or secret data the detectors find; {@link #wire()} is the name in reports. */
public enum PiiKind {
    EMAIL("email"),
    PHONE("phone"),
    PAYMENT_CARD("payment_card"),
    IP_ADDRESS("ip_address"),
    API_KEY("api_key");

    private final String wire;

    PiiKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
