package dev.sextant.ingest.training;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Hugging Face Trainer {@code trainer_state.json} ({@code TrainerState.save_to_json}): the
 * document is read as a stream, each {@code log_history} entry as a small tree, so a long history
 * never sits in memory. An entry holds {@code step}, {@code epoch} and the logged metrics:
 * training logs ({@code loss}, {@code grad_norm}, {@code learning_rate}), evaluations
 * ({@code eval_loss}, {@code eval_runtime}, ...) and, last, the summary of {@code train()}
 * ({@code train_runtime}, {@code total_flos}, {@code train_loss}: the run's average), which goes
 * to the summary, not the curves.
 */
final class TrainerStateReader {
    /** Fields of TrainerState that are TrainingArguments of the run. */
    private static final Set<String> ARGUMENTS =
            Set.of("train_batch_size", "num_train_epochs", "max_steps", "logging_steps", "eval_steps", "save_steps");
    /** Keys that mark the final summary entry of {@code train()}. */
    private static final Set<String> SUMMARY_MARKERS = Set.of("train_runtime", "total_flos");
    private static final Pattern CHECKPOINT_STEP = Pattern.compile("checkpoint-(\\d{1,18})/?$");

    private final JsonMapper mapper;

    TrainerStateReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    void read(InputStream in, ImportCollector out) {
        JsonParser parser = null;
        try {
            parser = mapper.createParser(in);
            readDocument(parser, out);
        } catch (JacksonIOException e) {
            // The stream failed (a client went away), not the JSON.
            throw new UncheckedIOException("reading the training log failed: " + e.getOriginalMessage(), e.getCause());
        } catch (StreamConstraintsException e) {
            throw new TrainingImportException("the file breaks a parser limit"
                    + ImportJson.at(parser == null ? null : parser.currentLocation()) + ": " + ImportJson.describe(e), e);
        } catch (JacksonException e) {
            throw new TrainingImportException("the file is not valid JSON: " + ImportJson.describe(e), e);
        } finally {
            if (parser != null) {
                parser.close();
            }
        }
    }

    private void readDocument(JsonParser parser, ImportCollector out) {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new TrainingImportException("the file is empty; expected a trainer_state.json object");
        }
        if (first != JsonToken.START_OBJECT) {
            TokenStreamLocation where = parser.currentTokenLocation();
            String was = first == JsonToken.START_ARRAY ? "an array" : ImportJson.kind(parser.readValueAsTree());
            throw new TrainingImportException("a trainer_state.json must be a JSON object, was " + was + ImportJson.at(where));
        }
        boolean history = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (name.equals("log_history") && value == JsonToken.START_ARRAY) {
                history = true;
                readHistory(parser, out);
            } else if (name.equals("stateful_callbacks")) {
                parser.skipChildren();
            } else {
                field(name, parser.readValueAsTree(), out);
            }
        }
        if (parser.nextToken() != null) {
            throw new TrainingImportException("the file has content after its JSON object"
                    + ImportJson.at(parser.currentTokenLocation()));
        }
        if (!history) {
            throw new TrainingImportException("the file has no log_history array; is it a Hugging Face"
                    + " trainer_state.json (from a checkpoint-N directory)?");
        }
    }

    private void readHistory(JsonParser parser, ImportCollector out) {
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode entry = parser.readValueAsTree();
            entry(entry, "/log_history/" + index, out);
            index++;
        }
    }

    private static void entry(JsonNode entry, String pointer, ImportCollector out) {
        if (!entry.isObject()) {
            out.problem(ImportProblem.at(null, pointer, "a log_history entry must be an object, was " + ImportJson.kind(entry)));
            return;
        }
        String badStep = ImportJson.invalidStep(entry.get("step"));
        if (badStep != null) {
            out.problem(ImportProblem.at(null, pointer + "/step", badStep + "; the entry was skipped"));
            return;
        }
        long step = ImportJson.step(entry.get("step"));
        Double epoch = ImportJson.epoch(entry.get("epoch"), null, pointer + "/epoch", "the entry was kept without it", out);
        boolean summary = entry.propertyStream().anyMatch(p -> SUMMARY_MARKERS.contains(p.getKey()));
        for (Map.Entry<String, JsonNode> property : entry.properties()) {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (key.equals("step") || key.equals("epoch") || value.isNull()) {
                continue;
            }
            String where = pointer + "/" + ImportJson.token(key);
            if (!value.isNumber()) {
                out.problem(ImportProblem.at(null, where, key + " must be a number, was " + ImportJson.kind(value)));
            } else if (summary) {
                out.summary.put(key.equals("train_loss") ? "mean_train_loss" : key, value.doubleValue());
            } else {
                out.point(null, where, step, epoch, MetricNames.canonical(key), value.doubleValue(), null);
            }
        }
    }

    private void field(String name, JsonNode value, ImportCollector out) {
        String pointer = "/" + ImportJson.token(name);
        if (value.isNull()) {
            return;
        }
        switch (name) {
            case "global_step" -> out.lastStep = wholeNumber(value, pointer, out);
            case "max_steps" -> {
                Long steps = wholeNumber(value, pointer, out);
                out.totalSteps = steps != null && steps > 0 ? steps : null;
                argument(name, value, out);
            }
            case "num_train_epochs" -> {
                out.epochs = number(value, pointer, out);
                argument(name, value, out);
            }
            case "epoch" -> out.lastEpoch = number(value, pointer, out);
            case "best_metric" -> out.bestMetric = number(value, pointer, out);
            case "best_global_step" -> out.bestStep = wholeNumber(value, pointer, out);
            case "best_model_checkpoint" -> {
                if (value.isString()) {
                    out.bestModelCheckpoint = value.stringValue();
                    Matcher m = CHECKPOINT_STEP.matcher(value.stringValue());
                    if (out.bestStep == null && m.find()) {
                        out.bestStep = Long.parseLong(m.group(1));
                    }
                } else {
                    out.problem(ImportProblem.at(null, pointer, name + " must be a string, was " + ImportJson.kind(value)));
                }
            }
            case "total_flos", "num_input_tokens_seen" -> {
                Double figure = number(value, pointer, out);
                if (figure != null) {
                    out.summary.put(name, figure);
                }
            }
            case "trial_params" -> {
                if (value.isObject()) {
                    for (Map.Entry<String, JsonNode> param : value.properties()) {
                        out.hyperparameters.put(param.getKey(), ImportJson.plain(param.getValue()));
                    }
                } else {
                    out.problem(ImportProblem.at(null, pointer, "trial_params must be an object, was " + ImportJson.kind(value)));
                }
            }
            case "log_history" -> out.problem(ImportProblem.at(null, pointer,
                    "log_history must be an array, was " + ImportJson.kind(value)));
            default -> argument(name, value, out);
        }
    }

    private static void argument(String name, JsonNode value, ImportCollector out) {
        if (ARGUMENTS.contains(name) && value.isNumber()) {
            out.hyperparameters.putIfAbsent(name, ImportJson.plain(value));
        }
    }

    private static Long wholeNumber(JsonNode value, String pointer, ImportCollector out) {
        String bad = ImportJson.invalidStep(value);
        if (bad != null) {
            out.problem(ImportProblem.at(null, pointer, bad.replaceFirst("^step", pointer.substring(1))));
            return null;
        }
        return ImportJson.step(value);
    }

    private static Double number(JsonNode value, String pointer, ImportCollector out) {
        if (!value.isNumber()) {
            out.problem(ImportProblem.at(null, pointer, pointer.substring(1) + " must be a number, was " + ImportJson.kind(value)));
            return null;
        }
        return value.doubleValue();
    }
}
