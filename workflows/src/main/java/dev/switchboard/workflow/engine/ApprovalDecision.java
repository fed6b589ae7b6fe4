package dev.switchboard.workflow.engine;

/**
 * A person's decision on an approval step.
 *
 * @param approved approved or rejected
 * @param fieldsJson the form's fields as a JSON object
 */
public record ApprovalDecision(String stepKey, boolean approved, String decidedBy, String comment, String fieldsJson) {}
