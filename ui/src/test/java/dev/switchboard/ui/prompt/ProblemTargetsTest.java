package dev.switchboard.ui.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.PromptProblem;
import org.junit.jupiter.api.Test;

class ProblemTargetsTest {

    @Test
    void message_problems_land_on_the_messages_content_whatever_part_they_name() {
        assertThat(ProblemTargets.target("messages[2]")).isEqualTo("messages[2].content");
        assertThat(ProblemTargets.target("messages[0].content")).isEqualTo("messages[0].content");
        assertThat(ProblemTargets.target("messages[11].example")).isEqualTo("messages[11].content");
    }

    @Test
    void variable_problems_land_on_the_input_they_are_about() {
        assertThat(ProblemTargets.target("variables[1].name")).isEqualTo("variables[1].name");
        assertThat(ProblemTargets.target("variables[1].default")).isEqualTo("variables[1].default");
        assertThat(ProblemTargets.target("variables[1].required")).isEqualTo("variables[1].default");
        assertThat(ProblemTargets.target("variables[3].options")).isEqualTo("variables[3].options");
        assertThat(ProblemTargets.target("variables[0]")).isEqualTo("variables[0].name");
    }

    @Test
    void other_paths_stay_as_they_are() {
        assertThat(ProblemTargets.target("model.temperature")).isEqualTo("model.temperature");
        assertThat(ProblemTargets.target("messages")).isEqualTo("messages");
        assertThat(ProblemTargets.target(null)).isEmpty();
    }

    @Test
    void a_problem_reads_where_then_what_counting_messages_from_one() {
        PromptProblem unknown = new PromptProblem(
                PromptProblem.Kind.UNKNOWN_VARIABLE,
                "messages[1]",
                "whom",
                1,
                3,
                9,
                "'whom' is not a variable of this template");
        PromptProblem badDefault = new PromptProblem(
                PromptProblem.Kind.DEFINITION,
                "variables[0].default",
                "count",
                null,
                null,
                null,
                "the default does not fit");

        assertThat(ProblemTargets.describe(unknown))
                .isEqualTo("Message 2, line 3, column 9: 'whom' is not a variable of this template");
        assertThat(ProblemTargets.describe(badDefault)).isEqualTo("Variable 1 'count': The default does not fit");
        assertThat(ProblemTargets.where(new PromptProblem(
                        PromptProblem.Kind.DEFINITION, "model.maxTokens", null, null, null, null, "x")))
                .isEqualTo("Max tokens");
    }
}
