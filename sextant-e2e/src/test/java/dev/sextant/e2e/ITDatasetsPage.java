package dev.sextant.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.sextant.testing.RealServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dataset pages: a file uploaded through the dialog opens its report with the API's numbers
 * (score, readiness, duplicates, personal data, the malformed lines with their numbers and
 * reasons); a refused format and an oversize file (on a second server started with a 2 KiB
 * limit) are said in the dialog; the demo's two datasets; sorting; delete after confirmation; a
 * viewer gets no upload or delete; hostile names stay text; another workspace's dataset is not found.
 */
@ExtendWith(Dashboard.class)
class ITDatasetsPage {
    private static final String HOSTILE = "<img src=x onerror=window.__xss=1>";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final NumberFormat INTEGER = NumberFormat.getIntegerInstance(Locale.US);
    private static final long SMALL_LIMIT = 2048;
    private static RealServer small;

    /** A text_label file: 12 records, a duplicate of line 1 at line 10, an e-mail address, and malformed lines 5 and 9. */
    static final String TICKETS = String.join("\n",
            "{\"text\": \"where is my parcel, it has been a week since I ordered\", \"label\": \"shipping\"}",
            "{\"text\": \"the jacket arrived torn at the left sleeve\", \"label\": \"complaint\"}",
            "{\"text\": \"how do I reset my password when the mail never comes\", \"label\": \"account\"}",
            "{\"text\": \"please refund order SX-20411, I sent it back on Monday\", \"label\": \"refund\"}",
            "{\"text\": \"the tracking page says deliv",
            "{\"text\": \"is the Aero backpack waterproof in heavy rain\", \"label\": \"product\"}",
            "{\"text\": \"write to me at jana.k@example.com about the exchange\", \"label\": \"account\"}",
            "{\"text\": \"my coffee grinder makes a grinding noise after one week\", \"label\": \"complaint\"}",
            "this line is not JSON at all",
            "{\"text\": \"where is my parcel, it has been a week since I ordered\", \"label\": \"shipping\"}",
            "{\"text\": \"do the trail shoes run true to size or small\", \"label\": \"product\"}",
            "{\"text\": \"the courier left the box in the rain and it is soaked\", \"label\": \"complaint\"}",
            "{\"text\": \"can I change the delivery address of an open order\", \"label\": \"shipping\"}",
            "{\"text\": \"I was charged twice for the same order yesterday\", \"label\": \"refund\"}") + "\n";

    @BeforeAll
    static void patientAssertions() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void stopSmallServer() {
        if (small != null) {
            small.close();
        }
    }

    @Test
    void a_file_uploaded_through_the_dialog_opens_its_report_with_the_apis_numbers_and_its_malformed_lines(Page page) {
        String name = HOSTILE + " " + unique("tickets");
        Dashboard.logInAsAdmin(page);
        page.navigate("/datasets");
        page.locator("#upload-dataset").click();
        Locator dialog = page.locator("dialog.modal");
        dialog.getByLabel("File").setInputFiles(new FilePayload("tickets.jsonl", "application/x-ndjson", TICKETS.getBytes(StandardCharsets.UTF_8)));
        assertThat(dialog.getByLabel("Name")).hasValue("tickets"); // the file's name, without its extension
        dialog.getByLabel("Name").fill(name);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(page).hasURL(Pattern.compile("/datasets/ds_[a-z2-7]{16}$"));
        String id = page.url().substring(page.url().lastIndexOf('/') + 1);

        JsonNode d = Dashboard.server().get("/api/v1/datasets/" + id);
        JsonNode r = Dashboard.server().get("/api/v1/datasets/" + id + "/report");
        assertThat(d.get("status").asString()).isEqualTo("ready");
        assertThat(d.get("name").asString()).isEqualTo(name);
        assertThat(page.locator("#dataset-title")).hasText(name);
        assertThat(page.locator("#dataset-facts [data-fact=records]")).hasText(INTEGER.format(r.get("records").asLong()));
        assertThat(page.locator("#dataset-facts [data-fact=lines]")).hasText(INTEGER.format(r.get("lines").asLong()));

        Locator score = page.locator("#score-value");
        assertThat(score).isVisible();
        assertThat(Double.parseDouble(score.getAttribute("data-value"))).isEqualTo(r.get("score").get("value").asDouble());
        assertThat(page.locator("#dataset-score [data-ready]")).hasAttribute("data-ready",
                String.valueOf(r.get("score").get("training_ready").asBoolean()));
        assertThat(page.locator("#dataset-score tbody tr")).hasCount(r.get("score").get("components").size());
        List<String> recommendations = r.get("recommendations").valueStream().map(JsonNode::asString).toList();
        assertThat(page.locator("#dataset-recommendations li")).hasText(recommendations.toArray(String[]::new));

        assertThat(r.get("duplicates").get("exact").get("total").asLong()).isEqualTo(1);
        assertThat(page.locator("[data-figure=exact_duplicates]")).hasText("1");
        assertThat(page.locator("#exact-pairs tbody td").nth(0)).hasText("10");
        assertThat(page.locator("#exact-pairs tbody td").nth(1)).hasText("1");
        assertThat(page.locator("#dataset-pii [data-pii=email]")).hasText("1");
        assertThat(page.locator("#dataset-pii")).containsText("line 7");
        assertThat(page.locator("#dataset-pii")).not().containsText("jana.k@example.com");
        assertThat(page.locator("#dataset-balance canvas")).isVisible();
        assertThat(page.locator("#dataset-tokens canvas")).isVisible();

        // the malformed lines: their numbers and the API's reasons, nothing of their text
        JsonNode malformed = r.get("malformed");
        assertThat(malformed.get("total").asLong()).isEqualTo(2);
        assertThat(page.locator("[data-figure=malformed]")).hasText("2");
        for (JsonNode m : malformed.get("examples")) {
            Locator row = page.locator("#dataset-malformed tr[data-id=\"" + m.get("line").asLong() + "\"]");
            assertThat(row).containsText(m.get("reason").asString());
        }
        assertThat(page.locator("#dataset-malformed tr[data-id=\"5\"]")).isVisible();
        assertThat(page.locator("#dataset-malformed tr[data-id=\"9\"]")).isVisible();
        assertThat(page.locator("#dataset-malformed")).not().containsText("not JSON at all");

        // the hostile name is text in the list too, never markup
        page.navigate("/datasets");
        Locator row = page.locator("#datasets tr[data-id=\"" + id + "\"]");
        assertThat(row.locator("a.dataset-name")).hasText(name);
        assertThat(row).containsText(INTEGER.format(r.get("records").asLong()));
        assertThat(page.locator("#datasets img")).hasCount(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
    }

    @Test
    void a_format_the_api_refuses_is_said_under_its_field_and_nothing_is_created(Page page) {
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/datasets");
        assertThat(page.locator("#datasets")).containsText("No datasets yet");
        page.locator("#upload-dataset").click();
        Locator dialog = page.locator("dialog.modal");
        // the select offers only the documented formats; a changed page (or an old one) can still send another
        dialog.locator("select[name=format] option[value=csv]").evaluate("o => { o.value = 'parquet'; o.textContent = 'parquet'; }");
        dialog.getByLabel("Format").selectOption("parquet");
        dialog.getByLabel("File").setInputFiles(new FilePayload("t.jsonl", "application/x-ndjson", TICKETS.getBytes(StandardCharsets.UTF_8)));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(dialog.locator("[data-field=format] .field-error"))
                .hasText("format must be one of chat, prompt_completion, text_label, csv, was 'parquet'");
        assertThat(dialog.getByLabel("Format")).hasAttribute("aria-invalid", "true");
        assertThat(dialog).isVisible();
        // no file: said under the file input without asking the server
        dialog.getByLabel("File").setInputFiles(new com.microsoft.playwright.options.FilePayload[0]);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(dialog.locator("[data-field=file] .field-error")).hasText("choose a file to upload");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(list(fresh.key())).isEmpty();
    }

    @Test
    void an_oversize_file_is_refused_in_the_dialog_and_leaves_no_dataset_behind(Page page) {
        RealServer server = smallServer();
        page.navigate(server.url() + "/login");
        page.getByLabel("Email").fill(Dashboard.ADMIN_EMAIL);
        page.getByLabel("Password").fill(Dashboard.ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.waitForSelector("nav.side");
        page.navigate(server.url() + "/datasets");
        page.locator("#upload-dataset").click();
        Locator dialog = page.locator("dialog.modal");
        byte[] big = (TICKETS + TICKETS + TICKETS + TICKETS).getBytes(StandardCharsets.UTF_8);
        assertThat(big.length).isGreaterThan((int) SMALL_LIMIT);
        dialog.getByLabel("File").setInputFiles(new FilePayload("big.jsonl", "application/x-ndjson", big));
        dialog.getByLabel("Name").fill("too big");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Upload")).click();
        assertThat(dialog.locator(".form-error")).hasText("the dataset is " + big.length + " bytes (Content-Length), over the limit of "
                + SMALL_LIMIT + " bytes (sextant.datasets.max-upload-bytes); nothing was read");
        assertThat(dialog).isVisible();
        // the dataset the dialog created for the upload is deleted again: nothing was read into it
        assertThat(server.get("/api/v1/datasets").get("datasets").size()).isZero();
    }

    @Test
    void the_demo_lists_a_ready_and_a_messy_dataset_and_the_list_sorts_by_score(Page page) {
        Dashboard.logInAsAdmin(page);
        page.navigate("/datasets");
        Locator clean = page.locator("#datasets tr").filter(new Locator.FilterOptions().setHasText("support-chats-2026-10 (curated)"));
        Locator messy = page.locator("#datasets tr").filter(new Locator.FilterOptions().setHasText("ticket-intents export (raw)"));
        assertThat(clean.locator("[data-ready]")).hasAttribute("data-ready", "true");
        assertThat(clean).containsText("2,000");
        assertThat(messy.locator("[data-ready]")).hasAttribute("data-ready", "false");

        Locator scoreHeader = page.locator("#datasets th").filter(new Locator.FilterOptions().setHasText("Score"));
        scoreHeader.locator("button").click();
        assertThat(scoreHeader).hasAttribute("aria-sort", "ascending");
        List<Double> ascending = scores(page);
        assertThat(ascending).isSorted();
        scoreHeader.locator("button").click();
        assertThat(scoreHeader).hasAttribute("aria-sort", "descending");
        assertThat(scores(page)).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        messy.locator("a.dataset-name").click();
        assertThat(page.locator("#dataset-score [data-ready]")).hasAttribute("data-ready", "false");
        assertThat(page.locator("#dataset-malformed tr[data-id=\"358\"]")).isVisible();
        assertThat(page.locator("#dataset-balance tbody tr").first()).containsText("order_status");
        assertThat(page.locator("#dataset-recommendations li").first()).containsText("malformed line");

        // chats have no labels: the sections that need them say so, the rest is there
        page.navigate("/datasets");
        clean.locator("a.dataset-name").click();
        assertThat(page.locator("#dataset-score [data-ready]")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#dataset-balance")).containsText("No labels");
        assertThat(page.locator("#dataset-bias")).containsText("No labels: not tested.");
        assertThat(page.locator("#dataset-malformed")).containsText("Every line was read.");
        assertThat(page.locator("#dataset-tokens canvas")).isVisible();
    }

    @Test
    void a_writer_deletes_a_dataset_after_confirming(Page page) {
        String id = upload(RealServer.KEY, unique("to-delete"));
        Dashboard.logInAsAdmin(page);
        page.navigate("/datasets/" + id);
        page.locator("#dataset-delete").click();
        Locator confirm = page.locator("dialog.modal");
        assertThat(confirm).containsText("cannot be undone");
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(Dashboard.server().fetch("/api/v1/datasets/" + id).status()).isEqualTo(200);
        page.locator("#dataset-delete").click();
        page.locator("dialog.modal").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
        assertThat(page).hasURL(Dashboard.server().url() + "/datasets");
        assertThat(Dashboard.server().fetch("/api/v1/datasets/" + id).status()).isEqualTo(404);
        assertThat(page.locator("#datasets tr[data-id=\"" + id + "\"]")).hasCount(0);
    }

    @Test
    void a_viewer_reads_datasets_but_gets_no_upload_or_delete(Page page) {
        String id = upload(RealServer.KEY, unique("viewer-sees"));
        String email = "viewer-" + unique("ds") + "@e2e.sextant.test";
        RealServer.Answer member = Dashboard.server().post("/api/v1/members",
                "{\"email\": \"" + email + "\", \"role\": \"viewer\", \"password\": \"viewer-password-1\"}");
        assertThat(member.status()).isEqualTo(201);
        Dashboard.logIn(page, email, "viewer-password-1");
        page.navigate("/datasets");
        assertThat(page.locator("#datasets tr[data-id=\"" + id + "\"]")).hasCount(1);
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#upload-dataset")).hasCount(0);
        assertThat(page.locator("#datasets [data-delete]")).hasCount(0);
        page.navigate("/datasets/" + id);
        assertThat(page.locator("#score-value")).isVisible();
        assertThat(page.locator("#dataset-delete")).hasCount(0);
    }

    @Test
    void another_workspaces_dataset_is_not_found(Page page) {
        String id = upload(RealServer.KEY, unique("not-yours"));
        FreshWorkspace fresh = FreshWorkspace.create("admin");
        Dashboard.logIn(page, fresh.email(), fresh.password());
        page.navigate("/datasets/" + id);
        assertThat(page.locator("#dataset-not-found")).containsText("Dataset not found in this workspace");
        assertThat(page.locator("#score-value")).hasCount(0);
        page.navigate("/datasets");
        assertThat(page.locator("#datasets")).containsText("No datasets yet");
        assertThat(page.locator("#datasets")).not().containsText("not-yours");
    }

    private static List<Double> scores(Page page) {
        return page.locator("#datasets tbody [data-score]").all().stream().map(l -> Double.parseDouble(l.getAttribute("data-score"))).toList();
    }

    private static synchronized RealServer smallServer() {
        if (small == null) {
            small = RealServer.startWith("--sextant.datasets.max-upload-bytes=" + SMALL_LIMIT,
                    "--sextant.bootstrap-admin-email=" + Dashboard.ADMIN_EMAIL, "--sextant.bootstrap-admin-password=" + Dashboard.ADMIN_PASSWORD);
        }
        return small;
    }

    /** Creates and uploads {@link #TICKETS} in one request with a workspace's key; answers the dataset's id. */
    static String upload(String key, String name) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + "/api/v1/datasets?name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(TICKETS)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            return JSON.readTree(answer.body()).get("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode list(String key) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(Dashboard.server().url() + "/api/v1/datasets"))
                    .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body()).get("datasets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }
}
