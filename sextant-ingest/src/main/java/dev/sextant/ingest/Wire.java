package dev.sextant.ingest;

import dev.sextant.model.Decision;
import dev.sextant.model.Handoff;
import dev.sextant.model.Intent;
import dev.sextant.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the small objects that traces and spans share: status, hand-off, decision, intents. */
final class Wire {
    static final String STATUSES = "ok, error, unset";

    private Wire() {}

    static Status status(FieldReader f) {
        return f.oneOf("status", Status::fromWire, STATUSES);
    }

    static Handoff handoff(FieldReader f) {
        FieldReader h = f.object("handoff");
        if (h == null) {
            return null;
        }
        Boolean triggered = h.bool("triggered");
        String reason = h.text("reason");
        String target = h.name("target");
        return new Handoff(triggered != null && triggered, reason, target);
    }

    static Decision decision(FieldReader f) {
        FieldReader d = f.object("decision");
        if (d == null) {
            return null;
        }
        return new Decision(d.name("point"), d.name("chosen"), d.names("alternatives"), d.text("reasoning"));
    }

    static List<Intent> intents(FieldReader f) {
        List<FieldReader> readers = f.objects("intents");
        if (readers == null) {
            return null;
        }
        List<Intent> intents = new ArrayList<>(readers.size());
        for (FieldReader r : readers) {
            String name = r.name("name");
            if (name == null && r.value("name") == null) {
                r.problems().add(r.pathOf("name") + " is missing");
            }
            Double confidence = r.unitInterval("confidence");
            if (confidence == null && r.value("confidence") == null) {
                r.problems().add(r.pathOf("confidence") + " is missing");
            }
            if (name != null && confidence != null) {
                intents.add(new Intent(name, confidence));
            }
        }
        return intents;
    }

    /** Refuses an end before the start, when the item sends both. */
    static void endNotBeforeStart(FieldReader f, Instant startedAt, Instant endedAt) {
        if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
            f.problems().add("ended_at (" + endedAt + ") is before started_at (" + startedAt + ")");
        }
    }
}
