package dev.sextant.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.sextant.model.WorkspaceId;
import dev.sextant.store.SextantStore;
import dev.sextant.store.TrackingWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tenancy is a parameter, not a filter someone remembers: every method of the storage SPI's
 * role interfaces takes the {@link WorkspaceId} first. The few that cannot are listed here,
 * each with its reason, so a new exception needs a deliberate edit of this test.
 */
class TenantParameterTest {
    private static final JavaClasses STORE_SPI = new ClassFileImporter().importPackages("dev.sextant.store");

    /** Methods that run before a workspace is known, or that create or enumerate workspaces. */
    private static final Set<String> WITHOUT_WORKSPACE = Set.of(
            "ApiKeyStore.findLiveBySecretHash", // authentication: the key is what tells the workspace
            "WorkspaceStore.findBySlug",        // workspace administration (instance admin)
            "WorkspaceStore.list",
            "WorkspaceStore.find",              // takes a WorkspaceId, only not as "the tenant of a record"
            "WorkspaceStore.create",
            // dashboard users are not tenant data; the session lookup authenticates like the key lookup
            "UserStore.createUser",
            "UserStore.findUser",
            "UserStore.findLogin",
            "UserStore.updatePassword",         // a user's password and sessions span all their workspaces
            "UserStore.workspacesOf",
            "UserStore.findSession",
            // housekeeping of expired logins in every workspace at once (a scheduled task, no caller)
            "UserStore.purgeExpiredSessions",
            // a callback of ExportReader.export, which takes the workspace first; rows of that one export
            "ExportSink.columns",
            "ExportSink.row",
            // a pure function the ConfigurationStore calls inside a change that took the workspace first
            "ChangeDiff.between");

    @Test
    void everyStoreRoleMethodTakesTheWorkspaceFirst() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.sextant.store..")
                // the SPI and its sub-packages (training, models, hpo, ...), not the JDBC internals or the contracts
                .and().areDeclaredInClassesThat().resideOutsideOfPackages("dev.sextant.store.jdbc..", "dev.sextant.store.tests..")
                .and().areDeclaredInClassesThat().areInterfaces()
                .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName(SextantStore.class.getName())
                // a TrackingWriter batch carries its workspace inside every WorkspaceBatch
                .and().areDeclaredInClassesThat().doNotHaveFullyQualifiedName(TrackingWriter.class.getName())
                .should(takeTheWorkspaceFirst())
                .check(STORE_SPI);
    }

    private static ArchCondition<JavaMethod> takeTheWorkspaceFirst() {
        return new ArchCondition<>("take a WorkspaceId as first parameter") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                String name = method.getOwner().getSimpleName() + "." + method.getName();
                boolean first = !method.getRawParameterTypes().isEmpty()
                        && method.getRawParameterTypes().get(0).isEquivalentTo(WorkspaceId.class);
                if (!first && !WITHOUT_WORKSPACE.contains(name)) {
                    events.add(SimpleConditionEvent.violated(method, name + " does not take a WorkspaceId first"));
                }
            }
        };
    }
}
