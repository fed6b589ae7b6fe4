package dev.switchboard.prompt;

import dev.switchboard.platform.Money;
import dev.switchboard.prompts.CheckResult;
import java.util.List;
import java.util.UUID;

/** A version run against its template's test cases: per case the answer and each check's outcome. */
public record TestReport(PromptId templateId, int version, List<CaseResult> cases) {

    /** One test case's run. {@code error} is set when the case could not run (render or model error). */
    public record CaseResult(
            UUID caseId,
            String name,
            String model,
            boolean passed,
            String output,
            List<CheckResult> checks,
            Money cost,
            String error) {

        public CaseResult {
            checks = List.copyOf(checks);
        }
    }

    public TestReport {
        cases = List.copyOf(cases);
    }

    public long passedCount() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    public boolean allPassed() {
        return cases.stream().allMatch(CaseResult::passed);
    }
}
