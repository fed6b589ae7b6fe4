package dev.switchboard.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.prompts.Variable;
import dev.switchboard.prompts.VariableType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {

    /** A catalog with one prompt ({@code summary}: variable text), one workflow and the http connector. */
    static final WorkflowCatalog CATALOG = new WorkflowCatalog() {
        @Override
        public Optional<List<Variable>> promptVariables(String key, Integer version) {
            return key.equals("summary") && (version == null || version == 1)
                    ? Optional.of(List.of(Variable.required("text", VariableType.TEXT, "what to summarise")))
                    : Optional.empty();
        }

        @Override
        public boolean workflowPublished(String key, Integer version) {
            return key.equals("child");
        }

        @Override
        public Set<String> connectorActions(String connector) {
            return connector.equals("http") ? Set.of("request") : Set.of();
        }
    };

    static List<WorkflowProblem> problems(String json) {
        WorkflowDocuments.Read read = WorkflowDocuments.read(json);
        assertThat(read.problems()).as("the document reads").isEmpty();
        return WorkflowValidator.validate(read.definition(), CATALOG);
    }

    static String workflow(String nodes, String edges) {
        return """
                {"schemaVersion": 1, "key": "test", "name": "Test",
                 "inputs": [{"name": "brief", "type": "text"}, {"name": "count", "type": "number"}],
                 "nodes": [%s], "edges": [%s]}""".formatted(nodes, edges);
    }

    static final String START = "{\"id\": \"start\", \"kind\": \"start\"}";
    static final String END =
            "{\"id\": \"end\", \"kind\": \"end\", \"outputs\": {\"text\": \"{{steps.write.output.text}}\"}}";
    static final String WRITE = """
            {"id": "write", "kind": "llm", "messages": [{"role": "user", "content": "Write about {{inputs.brief}}"}]}""";

    @Test
    void a_sound_workflow_has_no_problems() {
        String json = workflow(
                START + "," + WRITE + "," + END,
                "{\"from\": \"start\", \"to\": \"write\"}, {\"from\": \"write\", \"to\": \"end\"}");

        assertThat(problems(json)).isEmpty();
    }

    @Test
    void schema_violations_name_the_node_and_field() {
        String json = workflow(
                START + ", {\"id\": \"write\", \"kind\": \"llm\", \"settings\": {\"temperature\": 7},"
                        + " \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}," + END,
                "{\"from\": \"start\", \"to\": \"write\"}, {\"from\": \"write\", \"to\": \"end\"}");

        WorkflowDocuments.Read read = WorkflowDocuments.read(json);

        assertThat(read.definition()).isNull();
        assertThat(read.problems()).anySatisfy(p -> {
            assertThat(p.node()).isEqualTo("write");
            assertThat(p.field()).isEqualTo("settings.temperature");
        });
    }

    @Test
    void an_unknown_node_kind_and_an_unknown_field_are_refused_by_the_schema() {
        String json = workflow(
                START
                        + ", {\"id\": \"x\", \"kind\": \"teleport\"}, {\"id\": \"end\", \"kind\": \"end\", \"colour\": 1}",
                "");

        WorkflowDocuments.Read read = WorkflowDocuments.read(json);

        assertThat(read.problems()).anySatisfy(p -> assertThat(p.node()).isEqualTo("x"));
        assertThat(read.problems()).anySatisfy(p -> assertThat(p.node()).isEqualTo("end"));
    }

    @Test
    void text_that_is_not_json_is_refused_with_line_and_column() {
        WorkflowDocuments.Read read = WorkflowDocuments.read("{\n  \"schemaVersion\": 1,\n  oops\n}");

        assertThat(read.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("line 3"));
    }

    @Test
    void two_start_nodes_and_no_end_are_reported() {
        String json = workflow(
                START + ", {\"id\": \"start2\", \"kind\": \"start\"}, " + WRITE,
                "{\"from\": \"start\", \"to\": \"write\"}, {\"from\": \"start2\", \"to\": \"write\"}");

        assertThat(problems(json))
                .extracting(WorkflowProblem::message)
                .anySatisfy(m -> assertThat(m).contains("exactly one start node"))
                .anySatisfy(m -> assertThat(m).contains("at least one end node"));
    }

    @Test
    void unreachable_nodes_dangling_edges_and_wrong_ports_are_reported_where_they_are() {
        String json = workflow(
                START + "," + WRITE + "," + END + ", {\"id\": \"lonely\", \"kind\": \"transform\", \"value\": 1}",
                "{\"from\": \"start\", \"to\": \"write\"}, {\"from\": \"write\", \"port\": \"true\", \"to\": \"end\"},"
                        + " {\"from\": \"write\", \"to\": \"nowhere\"}, {\"from\": \"lonely\", \"to\": \"end\"}");

        List<WorkflowProblem> problems = problems(json);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.node()).isEqualTo("lonely");
            assertThat(p.message()).contains("cannot be reached");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("edges[1].port");
            assertThat(p.message()).contains("'true' is not a port of llm node 'write'");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("edges[2].to");
            assertThat(p.message()).contains("nowhere");
        });
    }

    @Test
    void a_cycle_without_a_loop_node_is_refused_and_one_through_a_loop_node_is_allowed() {
        String cycle = workflow(
                START + "," + WRITE + ", {\"id\": \"again\", \"kind\": \"condition\", \"expression\": \"true\"}," + END,
                "{\"from\": \"start\", \"to\": \"write\"}, {\"from\": \"write\", \"to\": \"again\"},"
                        + " {\"from\": \"again\", \"port\": \"true\", \"to\": \"write\"},"
                        + " {\"from\": \"again\", \"port\": \"false\", \"to\": \"end\"}");
        String loop = workflow(
                START + ", {\"id\": \"repeat\", \"kind\": \"loop\", \"expression\": \"true\", \"maxIterations\": 3},"
                        + WRITE + "," + END,
                "{\"from\": \"start\", \"to\": \"repeat\"}, {\"from\": \"repeat\", \"port\": \"body\", \"to\": \"write\"},"
                        + " {\"from\": \"write\", \"to\": \"repeat\"}, {\"from\": \"repeat\", \"port\": \"done\", \"to\": \"end\"}");

        assertThat(problems(cycle)).anySatisfy(p -> assertThat(p.message()).contains("cycle without a loop node"));
        assertThat(problems(loop)).isEmpty();
    }

    @Test
    void references_to_unknown_inputs_later_steps_and_missing_output_fields_are_reported() {
        String json = workflow(
                START + ", {\"id\": \"write\", \"kind\": \"llm\", \"messages\": [{\"role\": \"user\","
                        + " \"content\": \"{{inputs.nope}} and {{steps.end.output}}\"}]},"
                        + " {\"id\": \"end\", \"kind\": \"end\", \"outputs\": {\"a\": \"{{steps.write.output.txt}}\","
                        + " \"b\": \"{{item}}\", \"c\": \"{{steps.write.output.text\"}}",
                "{\"from\": \"start\", \"to\": \"write\"}, {\"from\": \"write\", \"to\": \"end\"}");

        List<WorkflowProblem> problems = problems(json);

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.node()).isEqualTo("write");
            assertThat(p.field()).isEqualTo("messages[0].content");
            assertThat(p.message()).contains("'nope' is not an input");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("step 'end' does not run before"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("outputs.a");
            assertThat(p.message()).contains("has no field 'txt'");
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("outputs.b");
            assertThat(p.message()).contains("only inside a map");
        });
        assertThat(problems).anySatisfy(p -> assertThat(p.field()).isEqualTo("outputs.c"));
    }

    @Test
    void prompt_templates_sub_workflows_and_connectors_must_exist_with_the_variables_they_need() {
        String json = workflow(
                START + ", {\"id\": \"sum\", \"kind\": \"llm\", \"prompt\": {\"key\": \"summary\"},"
                        + " \"variables\": {\"txt\": \"{{inputs.brief}}\"}},"
                        + " {\"id\": \"other\", \"kind\": \"llm\", \"prompt\": {\"key\": \"missing\"}},"
                        + " {\"id\": \"sub\", \"kind\": \"sub_workflow\", \"workflow\": \"nobody\"},"
                        + " {\"id\": \"call\", \"kind\": \"http\", \"connector\": \"ftp\", \"input\": {}}," + END,
                "{\"from\": \"start\", \"to\": \"sum\"}, {\"from\": \"sum\", \"to\": \"other\"},"
                        + " {\"from\": \"other\", \"to\": \"sub\"}, {\"from\": \"sub\", \"to\": \"call\"},"
                        + " {\"from\": \"call\", \"to\": \"end\"}");

        List<WorkflowProblem> problems = problems(json);

        assertThat(problems)
                .extracting(p -> p.node() + " " + p.field())
                .contains(
                        "sum variables.text",
                        "sum variables.txt",
                        "other prompt.key",
                        "sub workflow",
                        "call connector");
    }

    @Test
    void a_mistyped_comparison_in_a_condition_is_reported() {
        String json = workflow(
                START + ", {\"id\": \"check\", \"kind\": \"condition\", \"expression\": \"inputs.count > 'many'\"},"
                        + END.replace("{{steps.write.output.text}}", "done"),
                "{\"from\": \"start\", \"to\": \"check\"}, {\"from\": \"check\", \"port\": \"true\", \"to\": \"end\"},"
                        + " {\"from\": \"check\", \"port\": \"false\", \"to\": \"end\"}");

        assertThat(problems(json)).anySatisfy(p -> {
            assertThat(p.node()).isEqualTo("check");
            assertThat(p.field()).isEqualTo("expression");
        });
    }

    @Test
    void a_map_runs_only_step_nodes_and_gives_them_item_and_index() {
        String json = workflow(
                START + ", {\"id\": \"each\", \"kind\": \"map\", \"items\": \"inputs.brief\", \"node\":"
                        + " {\"id\": \"one\", \"kind\": \"llm\", \"messages\": [{\"role\": \"user\","
                        + " \"content\": \"{{index}}: {{item}}\"}]}},"
                        + " {\"id\": \"bad\", \"kind\": \"map\", \"items\": \"inputs.brief\", \"node\":"
                        + " {\"id\": \"inner\", \"kind\": \"wait\", \"duration\": \"PT1S\"}},"
                        + END.replace("write", "each"),
                "{\"from\": \"start\", \"to\": \"each\"}, {\"from\": \"each\", \"to\": \"bad\"}, {\"from\": \"bad\", \"to\": \"end\"}");

        List<WorkflowProblem> problems = problems(json);

        assertThat(problems).noneSatisfy(p -> assertThat(p.node()).isEqualTo("one"));
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.node()).isEqualTo("bad");
            assertThat(p.field()).isEqualTo("node");
        });
    }
}
