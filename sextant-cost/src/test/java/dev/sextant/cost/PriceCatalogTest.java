package dev.sextant.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.model.ModelPrice;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PriceCatalogTest {

    private static final PriceCatalog CATALOG = PriceCatalog.shipped();
    private static final LocalDate DAY = LocalDate.parse("2025-11-01");

    @Test
    void shippedCatalogHasAVersionAndFlattenedEntries() {
        assertThat(CATALOG.version()).isNotBlank();
        assertThat(CATALOG.published()).isNotNull();
        assertThat(CATALOG.models()).hasSizeGreaterThanOrEqualTo(30).allSatisfy(m -> assertThat(m.source()).isNotBlank());
        // gemini-1.5-pro: 2 periods × 2 tiers
        assertThat(CATALOG.entries()).filteredOn(p -> p.model().equals("gemini-1.5-pro")).hasSize(4);
        assertThat(CATALOG.entries()).hasSizeGreaterThan(CATALOG.models().size());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "gemini-1.5-flash, gemini-1.5-flash",
        "models/gemini-1.5-flash-002, gemini-1.5-flash",
        "google/gemini-1.5-flash, gemini-1.5-flash",
        "vertex_ai/gemini-1.5-flash-001, gemini-1.5-flash",
        "GEMINI-1.5-FLASH, gemini-1.5-flash",
        "gemini-1.5-flash-latest, gemini-1.5-flash",
        "publishers/google/models/gemini-1.5-pro-002, gemini-1.5-pro",
        "gemini/gemini-2.5-pro, gemini-2.5-pro",
        "gemini-2.5-flash, gemini-2.5-flash",
        "gemini-2.5-flash-lite, gemini-2.5-flash-lite",
        "gemini-2.0-flash-001, gemini-2.0-flash",
        "gemini-2.0-flash-lite, gemini-2.0-flash-lite",
        "openai/gpt-4o-2024-08-06, gpt-4o-2024-08-06",
        "gpt-4o, gpt-4o",
        "gpt-4o-mini-2024-07-18, gpt-4o-mini",
        "gpt-4.1-nano, gpt-4.1-nano",
        "o3-mini, o3-mini",
        "openai/o3, o3",
        "o4-mini-2025-04-16, o4-mini",
        "gpt-5-mini-2025-08-07, gpt-5-mini",
        "gpt-5-chat-latest, gpt-5",
        "anthropic/claude-3-5-sonnet-20241022, claude-3.5-sonnet",
        "claude-3-5-sonnet-20240620, claude-3.5-sonnet",
        "anthropic.claude-3-5-sonnet-20241022-v2:0, claude-3.5-sonnet",
        "claude-3-5-sonnet-v2@20241022, claude-3.5-sonnet",
        "anthropic.claude-3-haiku-20240307-v1:0, claude-3-haiku",
        "bedrock/anthropic.claude-3-haiku-20240307-v1:0, claude-3-haiku",
        "us.anthropic.claude-3-7-sonnet-20250219-v1:0, claude-3.7-sonnet",
        "claude-3-5-haiku-latest, claude-3.5-haiku",
        "claude-sonnet-4-20250514, claude-sonnet-4",
        "eu.anthropic.claude-sonnet-4-5-20250929-v1:0, claude-sonnet-4.5",
        "claude-opus-4-1-20250805, claude-opus-4.1",
        "anthropic/claude-opus-4, claude-opus-4",
        "claude-haiku-4-5, claude-haiku-4.5",
    })
    void matchesTheUsualSpellings(String spelling, String model) {
        assertThat(CATALOG.find(spelling, DAY, 10).map(ModelPrice::model)).contains(model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gemini-1.5-flash-8b", "gpt-4o-realtime-preview", "my-local-llama", "o3-pro",
            "claude-2.1", "gemini-2.5-flash-preview-04-17", "", " "})
    void unknownModelsHaveNoPrice(String model) {
        assertThat(CATALOG.find(model, DAY, 10)).isEmpty();
    }

    @Test
    void everyModelNameMatchesOnlyItsOwnPattern() {
        for (CatalogModel model : CATALOG.models()) {
            assertThat(CATALOG.models())
                    .filteredOn(other -> Pattern.compile(other.matchPattern(), Pattern.CASE_INSENSITIVE)
                            .matcher(model.model()).matches())
                    .extracting(CatalogModel::model)
                    .as("patterns matching %s", model.model())
                    .containsExactly(model.model());
        }
    }

    @Test
    void aDayOutsideEveryPeriodHasNoPrice() {
        // gemini-1.5-flash is priced from its 2024-08-12 cut; earlier calls are left unpriced, not guessed
        assertThat(CATALOG.find("gemini-1.5-flash", LocalDate.parse("2024-08-11"), 10)).isEmpty();
        assertThat(CATALOG.find("gemini-1.5-flash", LocalDate.parse("2024-08-12"), 10)).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negative-price.json | price catalog bad-catalogs/negative-price.json: entry 2 (model 'broken-model'), period 1, tier 1: input price must not be negative, was -1",
        "bad-pattern.json | price catalog bad-catalogs/bad-pattern.json: entry 1 (model 'bad-regex'): match_pattern of model 'bad-regex' is not a valid regular expression: Unclosed group",
        "overlap.json | price catalog bad-catalogs/overlap.json: entry 1 (model 'twice-priced'): the period starting 2025-03-01 overlaps the one starting 2025-01-01",
        "no-base-tier.json | price catalog bad-catalogs/no-base-tier.json: entry 1 (model 'only-long'), period 1: needs a base tier with above_prompt_tokens 0",
        "missing-output.json | price catalog bad-catalogs/missing-output.json: entry 1 (model 'half-priced'), period 1, tier 1: output price is missing",
        "bad-date.json | price catalog bad-catalogs/bad-date.json: entry 1 (model 'when'), period 1: valid_from must be a date like 2024-10-01, was \"yesterday\"",
    })
    void aBadEntryFailsLoadingWithAMessageNamingIt(String file, String message) {
        assertThatThrownBy(() -> PriceCatalog.fromResource("bad-catalogs/" + file))
                .isInstanceOf(InvalidPriceCatalogException.class)
                .hasMessage(message);
    }

    @Test
    void unreadableJsonFailsLoading() {
        assertThatThrownBy(() -> PriceCatalog.read(new ByteArrayInputStream("{\"version\": ".getBytes(StandardCharsets.UTF_8)), "broken.json"))
                .isInstanceOf(InvalidPriceCatalogException.class)
                .hasMessageStartingWith("price catalog broken.json is not valid JSON");
    }
}
