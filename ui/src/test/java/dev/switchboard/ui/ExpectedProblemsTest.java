package dev.switchboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.org.OrgConflictException;
import dev.switchboard.org.OrgValidationException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class ExpectedProblemsTest {

    @Test
    void words_broken_rules_and_conflicts_as_sentences() {
        assertThat(ExpectedProblems.messageFor(new OrgValidationException("name", "must not be blank")))
                .contains("Must not be blank");
        assertThat(ExpectedProblems.messageFor(new OrgConflictException("'IT' is archived; restore it first")))
                .contains("'IT' is archived; restore it first");
    }

    @Test
    void finds_an_expected_problem_wrapped_by_the_framework() {
        var wrapped = new RuntimeException("listener failed", new AccessDeniedException("Access Denied"));

        assertThat(ExpectedProblems.messageFor(wrapped)).contains(ExpectedProblems.NOT_ALLOWED);
    }

    @Test
    void leaves_bugs_to_the_generic_message() {
        assertThat(ExpectedProblems.messageFor(new IllegalStateException("boom")))
                .isEmpty();
    }
}
