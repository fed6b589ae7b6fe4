package dev.switchboard.org;

import java.util.List;
import java.util.Set;

/**
 * The documented demo accounts of the embedded mode (see README). Their passwords are public, so the
 * prod profile refuses them.
 */
public final class DemoAccounts {

    /** One demo account: who, with which password, roles and department. */
    public record Account(String username, String displayName, String password, UserRole role, String department) {}

    public static final List<Account> ALL = List.of(
            new Account("admin", "Ada Admin", "admin-demo-pass", UserRole.PLATFORM_ADMIN, null),
            new Account("alice", "Alice Designer", "alice-demo-pass", UserRole.DESIGNER, "Marketing"),
            new Account("bob", "Bob Operator", "bob-demo-pass", UserRole.OPERATOR, "IT"),
            new Account("carol", "Carol Finance", "carol-demo-pass", UserRole.FINANCE, "Finance"));

    private static final Set<String> PASSWORDS =
            Set.copyOf(ALL.stream().map(Account::password).toList());

    private DemoAccounts() {}

    public static boolean isDemoPassword(String password) {
        return PASSWORDS.contains(password);
    }
}
