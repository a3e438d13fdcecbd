package dev.sextant.store.tests.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.model.WorkspaceId;
import dev.sextant.store.datasets.Dataset;
import dev.sextant.store.datasets.DatasetResult;
import dev.sextant.store.datasets.DatasetStatus;
import dev.sextant.store.datasets.DatasetStore;
import dev.sextant.store.tests.StoreContract;
import org.junit.jupiter.api.Test;

/**
 * Datasets: the lifecycle uploading → analyzing → ready or failed, progress while uploading,
 * one upload per dataset, the report read back byte for byte, and tenant isolation on every read
 * and write.
 */
public abstract class DatasetContract extends StoreContract {
    /** Not normalised JSON on purpose: spacing and key order must come back exactly as stored. */
    private static final String REPORT = "{\"format\":\"chat\",  \"records\":3,\"a\":[1.50,\"é \\u0000\"]}";

    private DatasetStore datasets() {
        return store().datasets();
    }

    @Test
    public void aDatasetGoesFromUploadingToReadyWithItsReport() {
        WorkspaceId ws = newWorkspace();
        Dataset created = datasets().create(ws, "support chats", null);
        assertThat(created.id()).startsWith("ds_");
        assertThat(created.status()).isEqualTo(DatasetStatus.UPLOADING);
        assertThat(created.format()).isNull();
        assertThat(datasets().find(ws, created.id())).contains(created);
        assertThat(datasets().report(ws, created.id())).isEmpty();

        assertThat(datasets().startUpload(ws, created.id())).isTrue();
        assertThat(datasets().startUpload(ws, created.id())).as("one upload per dataset").isFalse();
        datasets().progress(ws, created.id(), 1024, 10);
        Dataset uploading = datasets().find(ws, created.id()).orElseThrow();
        assertThat(uploading.bytes()).isEqualTo(1024);
        assertThat(uploading.lines()).isEqualTo(10);
        assertThat(uploading.uploadStartedAt()).isNotNull();

        datasets().analyzing(ws, created.id(), 2048, 20);
        assertThat(datasets().find(ws, created.id()).orElseThrow().status()).isEqualTo(DatasetStatus.ANALYZING);
        datasets().progress(ws, created.id(), 9999, 99);
        assertThat(datasets().find(ws, created.id()).orElseThrow().bytes()).as("progress only while uploading").isEqualTo(2048);

        datasets().ready(ws, created.id(), new DatasetResult("chat", 2048, 20, 3, 0.8125, true, REPORT));
        Dataset ready = datasets().find(ws, created.id()).orElseThrow();
        assertThat(ready.status()).isEqualTo(DatasetStatus.READY);
        assertThat(ready.format()).isEqualTo("chat");
        assertThat(ready.records()).isEqualTo(3);
        assertThat(ready.score()).isEqualTo(0.8125);
        assertThat(ready.trainingReady()).isTrue();
        assertThat(ready.finishedAt()).isNotNull();
        assertThat(datasets().report(ws, created.id())).contains(REPORT);
        datasets().fail(ws, created.id(), 1, 1, "late failure");
        assertThat(datasets().find(ws, created.id()).orElseThrow().status()).as("a ready dataset stays ready")
                .isEqualTo(DatasetStatus.READY);
    }

    @Test
    public void aFailedUploadKeepsItsReasonAndProgress() {
        WorkspaceId ws = newWorkspace();
        Dataset d = datasets().create(ws, "big", "csv");
        assertThat(d.format()).isEqualTo("csv");
        datasets().startUpload(ws, d.id());
        datasets().fail(ws, d.id(), 65_537, 300, "the content is over the limit of 65536 bytes");
        Dataset failed = datasets().find(ws, d.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(DatasetStatus.FAILED);
        assertThat(failed.error()).isEqualTo("the content is over the limit of 65536 bytes");
        assertThat(failed.bytes()).isEqualTo(65_537);
        assertThat(failed.lines()).isEqualTo(300);
        assertThat(datasets().report(ws, d.id())).isEmpty();
        assertThat(datasets().startUpload(ws, d.id())).isFalse();
    }

    @Test
    public void listingIsNewestFirstAndDeleteRemoves() {
        WorkspaceId ws = newWorkspace();
        Dataset first = datasets().create(ws, "one", null);
        Dataset second = datasets().create(ws, "two", null);
        assertThat(datasets().list(ws)).extracting(Dataset::id).containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(datasets().list(ws).getFirst().createdAt()).isAfterOrEqualTo(datasets().list(ws).getLast().createdAt());
        assertThat(datasets().delete(ws, first.id())).isTrue();
        assertThat(datasets().delete(ws, first.id())).isFalse();
        assertThat(datasets().find(ws, first.id())).isEmpty();
        assertThat(datasets().list(ws)).extracting(Dataset::id).containsExactly(second.id());
    }

    @Test
    public void anotherWorkspaceNeitherSeesNorChangesADataset() {
        WorkspaceId mine = newWorkspace();
        WorkspaceId other = newWorkspace();
        Dataset d = datasets().create(mine, "mine", "text_label");
        assertThat(datasets().startUpload(other, d.id())).isFalse();
        datasets().progress(other, d.id(), 5, 5);
        datasets().analyzing(other, d.id(), 5, 5);
        datasets().ready(other, d.id(), new DatasetResult("chat", 1, 1, 1, 1, true, "{}"));
        datasets().fail(other, d.id(), 1, 1, "no");
        assertThat(datasets().find(other, d.id())).isEmpty();
        assertThat(datasets().list(other)).isEmpty();
        assertThat(datasets().report(other, d.id())).isEmpty();
        assertThat(datasets().delete(other, d.id())).isFalse();
        assertThat(datasets().find(mine, d.id())).contains(d);

        datasets().startUpload(mine, d.id());
        datasets().ready(mine, d.id(), new DatasetResult("text_label", 10, 2, 2, 0.5, false, REPORT));
        assertThat(datasets().report(other, d.id())).isEmpty();
        assertThat(datasets().report(mine, d.id())).contains(REPORT);
        assertThat(datasets().list(mine)).hasSize(1);
    }
}
