package dev.sextant.pii;

import java.util.List;

/** Finds one kind of personal or secret data in a text. Stateless and thread-safe. */
public interface PiiDetector {

    PiiKind kind();

    /** The matches in {@code text}, in the order they occur; none overlap each other. */
    List<PiiMatch> find(CharSequence text);
}
