package dev.sextant.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentTermsTest {

    @Test
    void wordsAreLowerCasedStopWordsDroppedAndNeighboursPaired() {
        // "had" and "to" are stop words: "repeat myself" is a pair; nothing pairs across them
        assertThat(CommentTerms.of("Had to REPEAT myself!")).containsExactly("repeat", "repeat myself", "myself");
        assertThat(CommentTerms.of("fast and helpful")).containsExactly("fast", "helpful");
    }

    @Test
    void negationsStayBecauseTheyCarryTheMeaning() {
        assertThat(CommentTerms.of("not helpful at all")).containsExactly("not", "not helpful", "helpful", "all");
    }

    @Test
    void punctuationAndRepeatsDoNotMakeNewTerms() {
        assertThat(CommentTerms.of("slow... slow, slow")).containsExactly("slow", "slow slow");
        assertThat(CommentTerms.of("   ")).isEmpty();
        assertThat(CommentTerms.of(null)).isEmpty();
    }

    @Test
    void aVeryLongCommentIsCut() {
        String log = "error ".repeat(1000) + "tail";
        assertThat(CommentTerms.of(log)).doesNotContain("tail").contains("error");
    }
}
