package dev.sextant.server.demo;

import java.util.List;
import java.util.Map;

/** The repositories the coding assistant works in and what developers ask of it. */
final class CodeTexts {
    private CodeTexts() {}

    /** A repository: its language, how its tests run, and a few of its files. */
    record Repo(String name, String language, String testCommand, List<String> files) {}

    static final List<Repo> REPOS = List.of(
            new Repo("acme/checkout-service", "java", "mvn -q test", List.of(
                    "src/main/java/com/acme/checkout/PriceCalculator.java",
                    "src/main/java/com/acme/checkout/CartService.java",
                    "src/main/java/com/acme/checkout/DiscountPolicy.java",
                    "src/test/java/com/acme/checkout/CartServiceTest.java")),
            new Repo("acme/web-storefront", "typescript", "npm test", List.of(
                    "src/components/CartDrawer.tsx", "src/hooks/useCheckout.ts",
                    "src/api/orders.ts", "src/pages/ProductPage.tsx")),
            new Repo("acme/data-pipeline", "python", "pytest -q", List.of(
                    "pipeline/ingest/orders.py", "pipeline/transform/revenue.py",
                    "pipeline/quality/checks.py", "tests/test_revenue.py")),
            new Repo("acme/mobile-app", "kotlin", "./gradlew test", List.of(
                    "app/src/main/java/com/acme/app/cart/CartViewModel.kt",
                    "app/src/main/java/com/acme/app/net/ApiClient.kt",
                    "app/src/main/java/com/acme/app/ui/OrderScreen.kt")));

    static final List<String> DEVELOPERS = List.of("dev-amara", "dev-bjorn", "dev-chen", "dev-diego", "dev-emma",
            "dev-farah", "dev-gus", "dev-hana", "dev-ivan", "dev-jo", "dev-kofi", "dev-lena", "dev-mateo",
            "dev-nika", "dev-omar", "dev-priya");

    static final List<String> BRANCHES = List.of("main", "feature/gift-cards", "feature/express-checkout",
            "fix/rounding-errors", "chore/upgrade-deps", "feature/order-history");

    /** What a developer asks, by task: {file} is replaced by a file of the repository. */
    static final Map<String, List<String>> REQUESTS = Map.of(
            "complete", List.of("Complete this function in {file}", "Finish the loop over the line items in {file}",
                    "Fill in the error handling in {file}"),
            "explain", List.of("What does {file} do?", "Why is the total computed twice in {file}?",
                    "Explain the retry logic in {file}"),
            "refactor", List.of("Extract the discount rules in {file} into their own class",
                    "Remove the duplicated validation in {file}", "Make {file} immutable"),
            "write_tests", List.of("Write unit tests for {file}", "Add edge-case tests for empty carts in {file}",
                    "Cover the rounding behaviour of {file} with tests"),
            "fix_bug", List.of("Totals are off by one cent in {file}, fix it", "NullPointerException in {file} when the cart is empty",
                    "Orders with gift cards fail in {file}"));

    static final List<String> PATTERNS = List.of("prefers records over Lombok", "uses AssertJ, not Hamcrest",
            "keeps functions under 30 lines", "no wildcard imports", "names tests in should_when style",
            "prefers early returns", "wants explicit types instead of var");

    static final Map<Integer, List<String>> RATING_COMMENTS = Map.of(
            5, List.of("nailed it", "exactly the fix I needed", "great tests, caught a real bug"),
            4, List.of("good, minor edits needed", "helpful explanation"),
            3, List.of("ok but too verbose", "needed a couple of tries"),
            2, List.of("ignored our code style", "tests did not compile"),
            1, List.of("hallucinated an API that doesn't exist", "broke the build"));
}
