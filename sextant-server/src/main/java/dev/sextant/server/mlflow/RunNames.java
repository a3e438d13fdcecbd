package dev.sextant.server.mlflow;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A readable name for a run created without one, as MLflow gives (adjective-noun-number). */
final class RunNames {
    private static final List<String> ADJECTIVES = List.of("amber", "bold", "brave", "bright", "calm", "clever",
            "gentle", "keen", "lucky", "mellow", "nimble", "quiet", "rapid", "silent", "steady", "swift");
    private static final List<String> NOUNS = List.of("badger", "crane", "dolphin", "falcon", "fox", "heron", "lynx",
            "moth", "otter", "owl", "panda", "raven", "seal", "sparrow", "tiger", "wren");

    private RunNames() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(random.nextInt(NOUNS.size())) + "-"
                + random.nextInt(1000);
    }
}
