package dev.sextant.server.hpo;

import static dev.sextant.server.hpo.HpoTraffic.STUDIES;
import static dev.sextant.server.hpo.HpoTraffic.study;
import static dev.sextant.server.hpo.HpoTraffic.trial;
import static dev.sextant.server.support.SextantTestServer.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.server.support.Response;
import dev.sextant.server.support.SextantTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Bad HPO bodies, ids and keys: exact status and error text, naming the field, and nothing stored. */
class ITHpoInput {
    @RegisterExtension
    static final SextantTestServer server = new SextantTestServer();
    private static final HpoTraffic traffic = new HpoTraffic(server);
    private static String studyId;

    @BeforeAll
    static void aStudy() {
        studyId = traffic.created(ADMIN_KEY, STUDIES, study("random")).get("id").asString();
    }

    private static String space(String parameters) {
        return "{\"name\": \"x\", \"method\": \"random\", \"objective\": {\"metric\": \"loss\", \"direction\": \"minimize\"},"
                + " \"search_space\": {" + parameters + "}}";
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"lr\": {\"type\": \"float\", \"low\": 0.1, \"high\": 0.01}|/search_space/lr/low|lr.low (0.1) must be below high (0.01)",
            "\"lr\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"log\": true}|/search_space/lr/low|lr is on a log scale, so low must be above 0, was 0.0",
            "\"lr\": {\"type\": \"float\", \"high\": 1}|/search_space/lr/low|lr.low must be a finite number, was null",
            "\"lr\": {\"type\": \"float\", \"low\": \"NaN\", \"high\": 1}|/search_space/lr/low|lr.low must be a finite number, was NaN",
            "\"n\": {\"type\": \"int\", \"low\": 1.5, \"high\": 4}|/search_space/n/low|n is int: low and high must be whole numbers, were 1.5 and 4.0",
            "\"opt\": {\"type\": \"categorical\", \"values\": []}|/search_space/opt/values|opt is categorical and needs 1 to 100 values, has 0",
            "\"opt\": {\"type\": \"categorical\", \"values\": [\"a\", \"a\"]}|/search_space/opt/values|opt lists the value a twice",
            "\"opt\": {\"type\": \"categorical\", \"values\": [{\"a\": 1}]}|/search_space/opt/values/0|search_space.opt.values[0] must be a string, number or boolean, was object",
            "\"opt\": {\"type\": \"categorical\", \"values\": [\"a\"], \"low\": 1}|/search_space/opt|opt is categorical: it has values, not low, high or log",
            "\"lr\": {\"type\": \"double\", \"low\": 0, \"high\": 1}|/search_space/lr/type|search_space.lr.type must be float, int or categorical, was 'double'",
            "\"<script>alert(1)</script>\": {\"type\": \"float\", \"low\": 0, \"high\": 1}|/search_space/<script>alert(1)<~1script>|parameter name must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-', starting with a letter or '_', was '<script>alert(1)</script>'",
            "\"a'; DROP TABLE hpo_studies; --\": {\"type\": \"float\", \"low\": 0, \"high\": 1}|/search_space/a'; DROP TABLE hpo_studies; --|parameter name must be 1-64 characters of A-Z, a-z, 0-9, '_', '.' or '-', starting with a letter or '_', was 'a'; DROP TABLE hpo_studies; --'",
            "|/search_space|a search space has 1 to 32 parameters, this one has 0"})
    void badSearchSpacesAre400WithAPointer(String parameters, String pointer, String message) {
        Response r = server.post(STUDIES, ADMIN_KEY, space(parameters == null ? "" : parameters));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).as(r.toString()).isEqualTo(1);
        assertThat(errors.get(0).get("pointer").asString()).isEqualTo(pointer);
        assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
        assertThat(traffic.ok(STUDIES, ADMIN_KEY).get("studies").size()).isEqualTo(1);
    }

    @Test
    void moreThan32ParametersAre400() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 33; i++) {
            many.append(i == 0 ? "" : ", ").append("\"p").append(i).append("\": {\"type\": \"float\", \"low\": 0, \"high\": 1}");
        }
        Response r = server.post(STUDIES, ADMIN_KEY, space(many.toString()));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("message").asString())
                .isEqualTo("a search space has 1 to 32 parameters, this one has 33");
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"method\": \"hyperband\"|method|method must be one of grid, random, bayesian, evolutionary, was 'hyperband'",
            "\"method\": null|method|method is required: grid, random, bayesian or evolutionary",
            "\"objective\": {\"metric\": \"loss\", \"direction\": \"up\"}|objective.direction|objective.direction must be minimize or maximize, was 'up'",
            "\"objective\": {\"direction\": \"minimize\"}|objective.metric|objective.metric is required",
            "\"name\": \"\"|name|name is required",
            "\"seed\": 7.5|seed|seed must be a whole number from -9223372036854775808 to 9223372036854775807, was 7.5",
            "\"seed\": \"7\"|seed|seed must be a whole number from -9223372036854775808 to 9223372036854775807, was \"7\"",
            "\"name\": \"a\\u0000b\"|name|name contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it",
            "\"baseline\": {\"score\": \"NaN\"}|baseline.score|baseline.score must be a finite number, was NaN",
            "\"baseline\": {\"score\": 1, \"hyperparameters\": {\"learning_rate\": 5}}|baseline.hyperparameters.learning_rate|learning_rate must be between 1.0E-5 and 0.1, was 5"})
    void badStudyFieldsAre400NamingTheField(String replacement, String field, String message) {
        String base = "{\"name\": \"x\", \"method\": \"random\", \"objective\": {\"metric\": \"loss\", \"direction\": \"minimize\"},"
                + " \"search_space\": {\"learning_rate\": {\"type\": \"float\", \"low\": 1e-5, \"high\": 0.1, \"log\": true}}}";
        String key = replacement.substring(0, replacement.indexOf(':'));
        String json = base.startsWith("{" + key) || base.contains(", " + key + ":")
                ? base.replaceFirst(java.util.regex.Pattern.quote(key) + ": (\\{[^}]*\\}|\"[^\"]*\")", java.util.regex.Matcher.quoteReplacement(replacement))
                : base.substring(0, base.length() - 1) + ", " + replacement + "}";
        Response r = server.post(STUDIES, ADMIN_KEY, json);
        assertThat(r.status()).as(json + " -> " + r).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).as(r.toString()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"name\": 5}|name",
            "{\"name\": \"x\", \"search_space\": [1, 2]}|search_space",
            "{\"name\": \"x\", \"search_space\": {\"lr\": {\"type\": \"float\", \"low\": \"small\"}}}|search_space.lr.low",
            "{\"name\": \"x\", \"search_space\": {\"lr\": {\"type\": \"float\", \"log\": \"yes\"}}}|search_space.lr.log",
            "{\"name\": \"x\", \"space\": {}}|space"})
    void wrongTypesAndUnknownFieldsAre400(String json, String field) {
        Response r = server.post(STUDIES, ADMIN_KEY, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).as(r.toString()).isEqualTo(field);
    }

    @Test
    void malformedAndOversizeBodies() {
        Response malformed = server.post(STUDIES, ADMIN_KEY, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Response nanToken = server.post(STUDIES + "/" + studyId + "/trials", ADMIN_KEY, trial(1e-3, 0.1, 2, "adam", 0.5)
                .replace("\"score\": 0.5", "\"score\": NaN"));
        assertThat(nanToken.status()).isEqualTo(400);
        String big = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        Response huge = server.post(STUDIES, ADMIN_KEY, big);
        assertThat(huge.status()).isEqualTo(413);
        Response longName = server.post(STUDIES, ADMIN_KEY, study("random").replace("\"tune lr\"", "\"" + "n".repeat(201) + "\""));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.json().get("errors").get(0).get("message").asString())
                .isEqualTo("name is 201 characters, over the limit of 200");
        assertThat(traffic.ok(STUDIES, ADMIN_KEY).get("studies").size()).isEqualTo(1);
    }

    @Test
    void trialsOutsideTheSpaceNameEachParameter() {
        String path = STUDIES + "/" + studyId + "/trials";
        Response r = server.post(path, ADMIN_KEY, """
                {"hyperparameters": {"learning_rate": 0.5, "dropout": -1, "layers": 2.5, "optimizer": "rmsprop", "momentum": 0.9},
                 "score": 0.5}""");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).isEqualTo(5);
        assertThat(List.of(errors.get(0).get("pointer").asString(), errors.get(1).get("pointer").asString(),
                errors.get(2).get("pointer").asString(), errors.get(3).get("pointer").asString(),
                errors.get(4).get("pointer").asString())).containsExactly("/hyperparameters/learning_rate",
                "/hyperparameters/dropout", "/hyperparameters/layers", "/hyperparameters/optimizer", "/hyperparameters/momentum");
        assertThat(errors.get(0).get("message").asString()).isEqualTo("learning_rate must be between 1.0E-5 and 0.1, was 0.5");
        assertThat(errors.get(2).get("message").asString()).isEqualTo("layers is int: it must be a whole number, was 2.5");
        assertThat(errors.get(3).get("message").asString()).isEqualTo("optimizer must be one of [adam, sgd], was rmsprop");
        assertThat(errors.get(4).get("message").asString())
                .isEqualTo("'momentum' is not a parameter of the search space (learning_rate, dropout, layers, optimizer)");
        assertThat(traffic.ok(path, ADMIN_KEY).get("trials").size()).isZero();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"score\": 0.5|\"score\": \"NaN\"|score|score must be a finite number, was NaN",
            "\"score\": 0.5|\"score\": \"Infinity\"|score|score must be a finite number, was Infinity",
            "\"score\": 0.5, |\"score\": null, |score|score is required for a completed trial",
            "\"completed\"|\"done\"|status|status must be one of completed, failed, pruned, was 'done'",
            "\"convergence_epoch\": 7|\"convergence_epoch\": -1|convergence_epoch|convergence_epoch must be a whole number from 0 to 1000000, was -1",
            "\"convergence_epoch\": 7|\"convergence_epoch\": 7.5|convergence_epoch|convergence_epoch must be a whole number from 0 to 1000000, was 7.5",
            "\"training_time_seconds\": 120.5|\"training_time_seconds\": -3|training_time_seconds|training_time_seconds must be a finite number of 0 or more, was -3.0",
            "\"learning_rate\": 0.001|\"learning_rate\": [0.001]|hyperparameters.learning_rate|hyperparameters.learning_rate must be a string, number or boolean, was array",
            "\"run-1\"|\"run\\u0000x\"|run_id|run_id contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it"})
    void badTrialsAre400NamingTheField(String from, String to, String field, String message) {
        String path = STUDIES + "/" + studyId + "/trials";
        String json = trial(1e-3, 0.1, 2, "adam", 0.5).replace(from, to);
        Response r = server.post(path, ADMIN_KEY, json);
        assertThat(r.status()).as(json + " -> " + r).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors.size()).as(r.toString()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).isEqualTo(message);
        assertThat(traffic.ok(path, ADMIN_KEY).get("trials").size()).isZero();
    }

    @Test
    void wrongTypedTrialFieldsAre400() {
        String path = STUDIES + "/" + studyId + "/trials";
        for (String[] c : List.of(new String[] {"\"score\": 0.5", "\"score\": \"high\"", "score"},
                new String[] {"\"overfitting\": false", "\"overfitting\": \"no\"", "overfitting"},
                new String[] {"\"convergence_epoch\": 7", "\"convergence_epoch\": \"seven\"", "convergence_epoch"},
                new String[] {"\"run_id\": \"run-1\"", "\"run_id\": 12", "run_id"})) {
            Response r = server.post(path, ADMIN_KEY, trial(1e-3, 0.1, 2, "adam", 0.5).replace(c[0], c[1]));
            assertThat(r.status()).as(c[1] + " -> " + r).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c[2]);
        }
        Response notObject = server.post(path, ADMIN_KEY, "{\"hyperparameters\": [1], \"score\": 1}");
        assertThat(notObject.status()).isEqualTo(400);
    }

    @Test
    void hostileAndUnknownIdsAre404() {
        for (String id : List.of("hpo_doesnotexist", "%3Cscript%3E", "%27%20OR%201%3D1--", "x".repeat(100))) {
            for (Response r : List.of(server.get(STUDIES + "/" + id, ADMIN_KEY), server.get(STUDIES + "/" + id + "/trials", ADMIN_KEY),
                    server.post(STUDIES + "/" + id + "/suggest", ADMIN_KEY, ""),
                    server.post(STUDIES + "/" + id + "/trials", ADMIN_KEY, trial(1e-3, 0.1, 2, "adam", 0.5)))) {
                assertThat(r.status()).as(id + " " + r).isEqualTo(404);
            }
        }
    }

    @Test
    void keysNeedTheirScopes() {
        String admin = traffic.workspace("hpo-scopes");
        String viewer = traffic.key(admin, "hpo-viewer", "analytics:view");
        String ingest = traffic.key(admin, "hpo-ingest", "ingest:write");
        String config = traffic.key(admin, "hpo-config", "config:write");
        String byConfig = traffic.created(config, STUDIES, study("random")).get("id").asString();
        Response viewerPost = server.post(STUDIES, viewer, study("grid"));
        assertThat(viewerPost.status()).isEqualTo(403);
        assertThat(server.post(STUDIES + "/" + byConfig + "/trials", viewer, trial(1e-3, 0.1, 2, "adam", 0.5)).status())
                .isEqualTo(403);
        String byIngest = traffic.created(ingest, STUDIES, study("grid")).get("id").asString();
        traffic.created(config, STUDIES + "/" + byIngest + "/trials", trial(1e-3, 0.1, 2, "adam", 0.5));
        traffic.created(ingest, STUDIES + "/" + byConfig + "/trials", trial(1e-3, 0.1, 2, "adam", 0.5));
        for (String path : List.of(STUDIES, STUDIES + "/" + byConfig, STUDIES + "/" + byConfig + "/trials")) {
            assertThat(server.get(path, viewer).status()).as(path).isEqualTo(200);
            Response r = server.get(path, ingest);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.json().get("required_scope").asString()).isEqualTo("analytics:view");
            assertThat(server.send(server.request(path).GET().build()).status()).as(path).isEqualTo(401);
        }
        assertThat(server.post(STUDIES + "/" + byConfig + "/suggest", viewer, "").status()).isEqualTo(200);
        assertThat(server.send(server.request(STUDIES).POST(java.net.http.HttpRequest.BodyPublishers.ofString(study("grid")))
                .header("Content-Type", "application/json").build()).status()).isEqualTo(401);
    }
}
