package dev.sextant.analytics.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers on small planted datasets: every number below is counted by hand from the lines. */
class DatasetReaderTest {
    private static final DatasetReader READER = new DatasetReader(DatasetSettings.DEFAULTS);

    static DatasetReport read(String text, DatasetFormat format) {
        try {
            return READER.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format, (b, l) -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String textLabel(String text, String label) {
        return "{\"text\": \"" + text + "\", \"label\": \"" + label + "\"}";
    }

    /** 100 distinct labelled sentences, 80 "pos" and 20 "neg", with planted problems at known lines. */
    static List<String> planted() {
        List<String> lines = new ArrayList<>();
        String[] nouns = {"parcel", "invoice", "refund", "account", "password", "delivery", "order", "ticket", "screen", "battery"};
        String[] verbs = {"arrived late", "was wrong", "never came", "works fine", "is broken", "got lost", "looks great", "needs help", "was charged twice", "cannot be opened"};
        for (int i = 0; i < 100; i++) {
            lines.add(textLabel("my " + nouns[i % 10] + " " + verbs[i / 10] + " today number " + i, i < 80 ? "pos" : "neg"));
        }
        // line 101, 102: exact duplicates of lines 1 and 2
        lines.add(lines.get(0));
        lines.add(lines.get(1));
        // line 103: a near duplicate of line 4 (one word of 12 changed at the end)
        lines.add(textLabel("the quick brown fox jumps over the lazy dog near the old river bank today", "pos"));
        lines.add(textLabel("the quick brown fox jumps over the lazy dog near the old river bank tonight", "pos"));
        // line 105: malformed
        lines.add("{\"text\": \"unterminated");
        // line 106, 107: PII (an e-mail; a Luhn-valid card)
        lines.add(textLabel("please mail jane.doe@example.com about the refund", "pos"));
        lines.add(textLabel("charge card 4111 1111 1111 1111 for the order", "neg"));
        // line 108, 109: the same input with two labels
        lines.add(textLabel("Is this spam or not", "pos"));
        lines.add(textLabel("is this   SPAM or not", "neg"));
        // line 110: empty text
        lines.add(textLabel("", "pos"));
        return lines;
    }

    @Test
    void plantedProblemsAreFoundAtTheirLines() {
        DatasetReport r = read(String.join("\n", planted()) + "\n", null);
        assertThat(r.format()).isEqualTo("text_label");
        assertThat(r.formatDetected()).isTrue();
        assertThat(r.lines()).isEqualTo(110);
        assertThat(r.records()).isEqualTo(109);
        assertThat(r.malformed().total()).isEqualTo(1);
        assertThat(r.malformed().examples().getFirst().line()).isEqualTo(105);
        assertThat(r.malformed().examples().getFirst().reason()).isEqualTo("not valid JSON: the line ends inside a value");
        assertThat(r.duplicates().exact().total()).isEqualTo(2);
        assertThat(r.duplicates().exact().examples()).containsExactly(new DatasetReport.DuplicatePair(101, 1),
                new DatasetReport.DuplicatePair(102, 2));
        // 104 is like 103; 109 has the words of 108 (case and spacing differ, so it is no exact duplicate)
        assertThat(r.duplicates().near().total()).isEqualTo(2);
        assertThat(r.duplicates().near().examples()).extracting(DatasetReport.SimilarPair::line,
                DatasetReport.SimilarPair::similarTo).containsExactly(tuple(104L, 103L), tuple(109L, 108L));
        assertThat(r.duplicates().near().examples().get(1).jaccard()).isEqualTo(1.0);
        assertThat(r.pii().recordsWithPii()).isEqualTo(2);
        assertThat(r.pii().kinds()).containsExactly(new DatasetReport.PiiKindCount("email", 1, 1, List.of(106L)),
                new DatasetReport.PiiKindCount("payment_card", 1, 1, List.of(107L)));
        assertThat(DatasetReportJson.write(r)).doesNotContain("jane.doe").doesNotContain("4111");
        assertThat(r.labelQuality().conflictingInputs()).isEqualTo(1);
        assertThat(r.labelQuality().recordsAffected()).isEqualTo(2);
        assertThat(r.labelQuality().examples()).containsExactly(new DatasetReport.LabelConflict(109, 108));
        assertThat(r.noise().empty().lines()).containsExactly(110L);
        assertThat(r.completeness().fields()).containsExactly(new DatasetReport.FieldCompleteness("label", 0, 0),
                new DatasetReport.FieldCompleteness("text", 0, 1));
        // labels: 80 + 2 duplicates (pos) + 2 (103, 104) + 106 + 108 + 110 = 87 pos; 20 + 107 + 109 = 22 neg
        assertThat(r.classBalance().labels()).containsExactly(new DatasetReport.LabelCount("pos", 87, 0.7982),
                new DatasetReport.LabelCount("neg", 22, 0.2018));
        assertThat(r.classBalance().imbalanceRatio()).isEqualTo(Math.round(87.0 / 22 * 10_000) / 10_000.0);
        double p = 87.0 / 109;
        double h = -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) / Math.log(2);
        assertThat(r.classBalance().normalizedEntropy()).isEqualTo(Math.round(h * 10_000) / 10_000.0);
        assertThat(r.recommendations()).contains("remove 2 exact duplicates (lines 101, 102)",
                "fix or remove 1 malformed line (lines 105)",
                "rebalance the labels: 'pos' has 87 records, 'neg' 22 (ratio 3.9545); collect or oversample 'neg', or weight the classes");
        assertThat(r.recommendations()).anySatisfy(s -> assertThat(s).startsWith("mask or remove personal data in 2 records"
                + " (1 email, 1 payment card; lines 106, 107)"));
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String text = String.join("\n", planted());
        assertThat(DatasetReportJson.write(read(text, null))).isEqualTo(DatasetReportJson.write(read(text, null)));
    }

    @Test
    void shufflingChangesNoCount() {
        List<String> lines = planted();
        lines.remove(104); // the malformed line: its number is what the report names
        DatasetReport ordered = read(String.join("\n", lines), DatasetFormat.TEXT_LABEL);
        for (long seed = 1; seed <= 5; seed++) {
            List<String> shuffled = new ArrayList<>(lines);
            Collections.shuffle(shuffled, new Random(seed));
            DatasetReport r = read(String.join("\n", shuffled), DatasetFormat.TEXT_LABEL);
            assertThat(r.records()).isEqualTo(ordered.records());
            assertThat(r.duplicates().exact().total()).isEqualTo(ordered.duplicates().exact().total());
            assertThat(r.duplicates().near().total()).isEqualTo(ordered.duplicates().near().total());
            assertThat(r.classBalance()).isEqualTo(ordered.classBalance());
            assertThat(r.labelQuality().conflictingInputs()).isEqualTo(ordered.labelQuality().conflictingInputs());
            assertThat(r.labelQuality().recordsAffected()).isEqualTo(ordered.labelQuality().recordsAffected());
            assertThat(r.pii().recordsWithPii()).isEqualTo(ordered.pii().recordsWithPii());
            assertThat(r.noise()).usingRecursiveComparison().ignoringFields("empty.lines", "tooShort.lines",
                    "tooLong.lines", "encodingDamage.lines").isEqualTo(ordered.noise());
            assertThat(r.tokenLengths()).isEqualTo(ordered.tokenLengths());
            assertThat(r.diversity()).isEqualTo(ordered.diversity());
            assertThat(r.completeness()).isEqualTo(ordered.completeness());
            assertThat(r.score().value()).isEqualTo(ordered.score().value());
        }
    }

    @Test
    void chatRolesAndFormatMismatches() {
        String text = String.join("\n",
                "{\"messages\": [{\"role\": \"system\", \"content\": \"be brief\"}, {\"role\": \"user\", \"content\": \"hi there\"},"
                        + " {\"role\": \"assistant\", \"content\": \"hello, how can I help\"}]}",
                "{\"messages\": [{\"role\": \"user\", \"content\": \"one\"}, {\"role\": \"user\", \"content\": \"two\"}]}",
                "{\"messages\": [{\"role\": \"assistant\", \"content\": \"I start\"}, {\"role\": \"user\", \"content\": \"ok\"}]}",
                "{\"prompt\": \"not a chat\", \"completion\": \"at all\"}",
                "[1, 2]",
                "{\"messages\": [{\"role\": \"user\"}, {\"role\": \"assistant\", \"content\": \"\"}]}",
                "{\"messages\": [{\"role\": \"system\", \"content\": \"be brief\"}, {\"role\": \"user\", \"content\": \"hi there\"},"
                        + " {\"role\": \"assistant\", \"content\": \"hello, how can I help\"}]}");
        DatasetReport r = read(text, null);
        assertThat(r.format()).isEqualTo("chat");
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.duplicates().exact().examples()).as("only line 7 repeats a conversation")
                .containsExactly(new DatasetReport.DuplicatePair(7, 1));
        assertThat(r.malformed().examples()).containsExactly(new DatasetReport.MalformedLine(5, "not a JSON object (a array)"));
        assertThat(r.consistency().formatMismatches().lines()).containsExactly(4L);
        assertThat(r.consistency().schemas()).containsExactly(new DatasetReport.Schema(List.of("messages"), 5, 1),
                new DatasetReport.Schema(List.of("completion", "prompt"), 1, 4));
        assertThat(r.consistency().offMainSchema()).isEqualTo(1);
        assertThat(r.recommendations()).contains("align the fields of 1 record with the most common set (messages);"
                + " other sets first appear at lines 4");
        assertThat(r.consistency().roleOrderIssues()).isEqualTo(2);
        assertThat(r.consistency().roleOrderExamples()).containsExactly(
                new DatasetReport.RoleIssue(2, "messages 0 and 1 are both user"),
                new DatasetReport.RoleIssue(3, "the first turn is assistant, not user"));
        assertThat(r.completeness().fields()).containsExactly(
                new DatasetReport.FieldCompleteness("messages", 1, 0),
                new DatasetReport.FieldCompleteness("messages[].content", 2, 0),
                new DatasetReport.FieldCompleteness("messages[].role", 1, 0));
        assertThat(r.classBalance()).isNull();
    }

    @Test
    void csvWithQuotedLineBreaksKeepsLineNumbers() {
        String text = "question,answer,label\n"
                + "\"how do I\nreset my password\",use the link on the login page,account\n"
                + "where is my parcel,it ships tomorrow,shipping\n"
                + "only,two\n"
                + "\"broken \"\"quote\",fine,shipping\n"
                + "where is my parcel,it ships tomorrow,shipping\n";
        DatasetReport r = read(text, null);
        assertThat(r.format()).isEqualTo("csv");
        assertThat(r.lines()).isEqualTo(7);
        assertThat(r.records()).isEqualTo(4);
        assertThat(r.malformed().examples()).containsExactly(new DatasetReport.MalformedLine(5, "has 2 fields, the header has 3"));
        assertThat(r.duplicates().exact().examples()).containsExactly(new DatasetReport.DuplicatePair(7, 4));
        assertThat(r.classBalance().labels()).extracting(DatasetReport.LabelCount::label).containsExactly("shipping", "account");
    }

    @Test
    void personalDataIsFoundOutsideTheTextToo() {
        String jsonl = "{\"prompt\": \"hi\", \"completion\": \"hello there\", \"meta\": {\"owner\": \"ops@example.com\"}}\n";
        assertThat(read(jsonl, null).pii().kinds()).containsExactly(new DatasetReport.PiiKindCount("email", 1, 1, List.of(1L)));
        String csv = "text,label,contact\nhello there friend,a,10.0.0.7\nhow are you,b,\n";
        DatasetReport r = read(csv, null);
        assertThat(r.pii().kinds()).containsExactly(new DatasetReport.PiiKindCount("ip_address", 1, 1, List.of(2L)));
        assertThat(r.completeness().fields()).contains(new DatasetReport.FieldCompleteness("contact", 0, 1));
    }

    @Test
    void encodingDamageAndLengthNoise() {
        String text = String.join("\n", textLabel("cafÃ© au lait is what I ordered", "a"), textLabel("ok", "b"),
                textLabel("a \uFFFD broken byte in the middle", "a"), textLabel("a perfectly fine sentence here", "b"));
        DatasetReport r = read(text, null);
        assertThat(r.noise().encodingDamage().lines()).containsExactly(1L, 3L);
        assertThat(r.noise().tooShort().lines()).containsExactly(2L);
        assertThat(r.noise().noisyRecords()).isEqualTo(3);
        byte[] latin1 = "{\"text\": \"caf\u00e9 latin-1 bytes\", \"label\": \"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        try {
            DatasetReport bytes = READER.read(new ByteArrayInputStream(latin1), null, (b, l) -> { });
            assertThat(bytes.noise().encodingDamage().total()).isEqualTo(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anOverlongLineIsMalformedAndTheRestIsRead() throws IOException {
        DatasetReader small = new DatasetReader(new DatasetSettings(3, 8192, 0.8, 100, 1000, 10, 5, 100));
        String text = textLabel("short and sweet sentence", "a") + "\n" + textLabel("x".repeat(500), "b") + "\n"
                + textLabel("another short sentence", "a");
        DatasetReport r = small.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null, (b, l) -> { });
        assertThat(r.records()).isEqualTo(2);
        assertThat(r.malformed().examples()).extracting(DatasetReport.MalformedLine::line).containsExactly(2L);
        assertThat(r.malformed().examples().getFirst().reason()).startsWith("longer than 100 bytes");
    }

    @Test
    void aMalformedLineIsDescribedWithoutQuotingIt() {
        DatasetReport r = read(textLabel("fine words here", "a") + "\njane.doe@example.com wrote this\n", null);
        assertThat(r.malformed().examples()).containsExactly(new DatasetReport.MalformedLine(2, "not valid JSON at column 1"));
        assertThat(DatasetReportJson.write(r)).doesNotContain("jane");
    }

    /** A stream far larger than the caps: read to its end, the capped parts say they sampled. */
    @Test
    void aLongStreamIsReadWithinTheCaps() throws IOException {
        int records = 50_000;
        InputStream lazy = new InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int at;

            @Override
            public int read() {
                if (at == line.length) {
                    if (next == records) {
                        return -1;
                    }
                    next++;
                    line = (textLabel("record " + next + " of a long stream about " + (next % 97), next % 3 == 0 ? "x" : "y")
                            + "\n").getBytes(StandardCharsets.UTF_8);
                    at = 0;
                }
                return line[at++];
            }
        };
        long[] last = new long[2];
        DatasetReport r = new DatasetReader(new DatasetSettings(3, 8192, 0.8, 1_000, 5_000, 10, 5, 1024))
                .read(lazy, null, (bytes, lines) -> { last[0] = bytes; last[1] = lines; });
        assertThat(r.records()).isEqualTo(records);
        assertThat(last[1]).isEqualTo(records);
        assertThat(r.bytes()).isEqualTo(last[0]);
        assertThat(r.duplicates().near().recordsChecked()).isEqualTo(1_000);
        assertThat(r.duplicates().near().sampled()).isTrue();
        assertThat(r.diversity().wordsSampled()).isEqualTo(5_000);
        assertThat(r.diversity().sampled()).isTrue();
        assertThat(r.classBalance().labels()).extracting(DatasetReport.LabelCount::count).containsExactly(33_334L, 16_666L);
        assertThat(r.tokenLengths().records()).isEqualTo(records);
    }

    @Test
    void aCleanDatasetIsTrainingReadyAndADirtyOneIsNot() {
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            clean.add("{\"prompt\": \"Summarise ticket " + i + " about item " + (i * 7 % 13) + " in one line\", \"completion\": \"Ticket "
                    + i + " concerns a " + (i % 2 == 0 ? "late" : "damaged") + " item number " + (i * 3) + "\"}");
        }
        DatasetReport good = read(String.join("\n", clean), null);
        assertThat(good.score().trainingReady()).as(good.score().toString()).isTrue();
        assertThat(good.recommendations()).containsExactly("no problems found; the dataset is ready for training");
        List<String> dirty = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            dirty.add(i % 2 == 0 ? "not json " + i : clean.getFirst());
        }
        DatasetReport bad = read(String.join("\n", dirty), DatasetFormat.PROMPT_COMPLETION);
        assertThat(bad.score().trainingReady()).isFalse();
        assertThat(bad.score().value()).isLessThan(0.7);
    }

    @Test
    void labelsThatFollowLengthAreFlagged() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            lines.add(textLabel("short note " + i + " here", "minor"));
            lines.add(textLabel(("a much longer complaint with many words number " + i + " ").repeat(8), "urgent"));
        }
        DatasetReport r = read(String.join("\n", lines), null);
        assertThat(r.bias().labelByLength().flagged()).isTrue();
        assertThat(r.bias().labelByLength().cramersV()).isEqualTo(1.0);
    }
}
