package dev.switchboard.prompt;

import dev.switchboard.prompts.OutputCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rows of {@code prompt_test_case}: inputs and checks as JSON. */
@Repository
class TestCaseRepository {

    private static final TypeReference<List<OutputCheck>> CHECKS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TestCaseRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(TestCase c) {
        jdbc.sql("""
                        INSERT INTO prompt_test_case (id, template_id, name, inputs, checks, model, created_by, created_at)
                        VALUES (:id, :template, :name, CAST(:inputs AS jsonb), CAST(:checks AS jsonb), :model, :by, :at)""")
                .param("id", c.id())
                .param("template", c.templateId().value())
                .param("name", c.name())
                .param("inputs", json.writeValueAsString(c.inputs()))
                .param("checks", json.writerFor(CHECKS).writeValueAsString(c.checks()))
                .param("model", c.model())
                .param("by", c.createdBy())
                .param("at", Timestamp.from(c.createdAt()))
                .update();
    }

    List<TestCase> findByTemplate(PromptId id) {
        return jdbc.sql("SELECT * FROM prompt_test_case WHERE template_id = ? ORDER BY created_at, id")
                .param(id.value())
                .query(this::map)
                .list();
    }

    boolean delete(PromptId id, UUID caseId) {
        return jdbc.sql("DELETE FROM prompt_test_case WHERE template_id = :template AND id = :id")
                        .param("template", id.value())
                        .param("id", caseId)
                        .update()
                > 0;
    }

    private TestCase map(ResultSet rs, int n) throws SQLException {
        Map<String, JsonNode> inputs = new LinkedHashMap<>();
        json.readTree(rs.getString("inputs")).properties().forEach(e -> inputs.put(e.getKey(), e.getValue()));
        return new TestCase(
                rs.getObject("id", UUID.class),
                new PromptId(rs.getObject("template_id", UUID.class)),
                rs.getString("name"),
                inputs,
                json.readValue(rs.getString("checks"), CHECKS),
                rs.getString("model"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
