package dev.sextant.analytics;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The terms of a short feedback comment: Lucene's {@link StandardTokenizer} (Unicode word
 * boundaries, UAX #29), lower-cased, English stop words removed, as unigrams and bigrams of
 * words that stood next to each other (a removed stop word between two words breaks the pair).
 * Stop words are Lucene's English set without "no" and "not" (a negation is half the meaning of
 * "not helpful") and with the pronouns and auxiliaries that every comment has.
 */
public final class CommentTerms {
    /** Lucene's English set, less the negations, plus {@link #EXTRA_STOP_WORDS}. */
    static final CharArraySet STOP_WORDS;
    static final List<String> EXTRA_STOP_WORDS = List.of("i", "i'm", "i've", "me", "my", "we", "our", "you",
            "your", "it's", "its", "am", "been", "were", "has", "have", "had", "do", "does", "did", "so", "just",
            "very", "really", "what", "which", "thanks", "thank", "please", "would", "could", "can");
    /** Comments longer than this are cut: feedback is short, and a pasted log should not dominate. */
    static final int MAX_CHARS = 2000;

    static {
        // a CharArraySet iterates as char[] and cannot remove: copy its words as strings
        CharArraySet set = new CharArraySet(64, true);
        for (Object word : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET) {
            String w = word instanceof char[] chars ? new String(chars) : word.toString();
            if (!w.equals("no") && !w.equals("not")) {
                set.add(w);
            }
        }
        set.addAll(EXTRA_STOP_WORDS);
        STOP_WORDS = CharArraySet.unmodifiableSet(set);
    }

    private CommentTerms() {
    }

    /** The distinct unigrams and bigrams of {@code text}, in order of first appearance. */
    public static Set<String> of(String text) {
        Set<String> terms = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(cut));
        try (TokenStream stream = new StopFilter(new LowerCaseFilter(tokenizer), STOP_WORDS)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            String previous = null;
            while (stream.incrementToken()) {
                String word = term.toString();
                if (previous != null && increment.getPositionIncrement() == 1) {
                    terms.add(previous + " " + word);
                }
                terms.add(word);
                previous = word;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        }
        return terms;
    }
}
