package dev.switchboard.org;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a person may do on the platform. The code ({@code platform-admin}) is what the REST API and a
 * future Keycloak realm use; the Spring authority is {@code ROLE_PLATFORM_ADMIN}.
 */
public enum UserRole {
    /** Runs the platform: organisation, users, providers, everything. */
    PLATFORM_ADMIN,
    /** Watches and manages spend: budgets, price plans, chargeback. */
    FINANCE,
    /** Builds prompts, knowledge bases and workflows. */
    DESIGNER,
    /** Runs workflows and batch jobs, handles approvals. */
    OPERATOR,
    /** Reads what their org units do. */
    VIEWER;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String authority() {
        return "ROLE_" + name();
    }

    @JsonCreator
    public static UserRole fromCode(String code) {
        return Arrays.stream(values())
                .filter(r -> r.code().equals(code) || r.name().equals(code))
                .findFirst()
                .orElseThrow(() -> new OrgValidationException(
                        "roles",
                        "unknown role '" + code + "'; known roles are "
                                + Arrays.stream(values()).map(UserRole::code).toList()));
    }
}
