package dev.switchboard.org;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Field rules for users, each failure naming its field. */
final class UserRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,62}");
    // deliberately loose: one @, something on each side, a dot in the domain; the mail server decides the rest
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD_LENGTH = 10;

    private UserRules() {}

    static String username(String raw) {
        String username = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new OrgValidationException(
                    "username", "must be 2-63 characters: a letter, then letters, digits, '.', '_' or '-'");
        }
        return username;
    }

    static String displayName(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new OrgValidationException("displayName", "must be 1-200 characters");
        }
        return name;
    }

    static String email(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip();
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            throw new OrgValidationException("email", "'" + email + "' is not an e-mail address");
        }
        return email;
    }

    static Set<UserRole> roles(Set<UserRole> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new OrgValidationException("roles", "must name at least one role");
        }
        return Set.copyOf(roles);
    }

    static void password(String password, PasswordPolicy policy) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new OrgValidationException("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 72) {
            // bcrypt only reads the first 72 bytes
            throw new OrgValidationException("password", "must be at most 72 characters");
        }
        policy.check(password);
    }
}
