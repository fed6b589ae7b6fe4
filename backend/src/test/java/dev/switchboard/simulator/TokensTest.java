package dev.switchboard.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void pieces_join_back_to_the_exact_text() {
        String text = "  Hello, world!\nInternationalisation costs 12345 tokens — naïve 😀 emoji.  ";

        assertThat(String.join("", Tokens.pieces(text))).isEqualTo(text);
    }

    @Test
    void count_agrees_with_the_pieces() {
        String text = "The quarterly forecast, revised twice, is due on 2026-03-31.";

        assertThat(Tokens.count(text)).isEqualTo(Tokens.pieces(text).size());
    }

    @Test
    void long_words_split_into_pieces_of_at_most_four_characters_with_the_leading_space_in_the_first() {
        assertThat(Tokens.pieces(" internationalisation")).containsExactly(" inte", "rnat", "iona", "lisa", "tion");
        assertThat(Tokens.pieces("a, b")).containsExactly("a", ",", " b");
    }

    @Test
    void english_prose_comes_out_near_four_characters_per_token() {
        String prose = "Switchboard routes every model call through one gateway and charges it to a department"
                + " budget, with a ledger that shows the wholesale cost and the retail charge of each call.";

        double charsPerToken = prose.length() / (double) Tokens.count(prose);

        assertThat(charsPerToken).isBetween(3.0, 6.0);
    }

    @Test
    void empty_text_has_no_tokens() {
        assertThat(Tokens.count("")).isZero();
        assertThat(Tokens.pieces("")).isEmpty();
    }
}
