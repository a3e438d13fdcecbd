package dev.sextant.server.hpo;

import dev.sextant.server.access.Caller;
import dev.sextant.server.web.NotFoundException;
import dev.sextant.store.hpo.HpoStudy;
import dev.sextant.store.hpo.HpoStudyStore;
import java.util.regex.Pattern;

/** The caller's study, or 404 (also for another workspace's and for an id no study can have). */
final class StudyLookup {
    private static final Pattern ID = Pattern.compile("[a-z0-9_]{1,64}");
    private final HpoStudyStore studies;

    StudyLookup(HpoStudyStore studies) {
        this.studies = studies;
    }

    HpoStudy find(Caller caller, String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException("study", StudyBody.shorten(id));
        }
        return studies.findStudy(caller.workspace(), id).orElseThrow(() -> new NotFoundException("study", id));
    }
}
