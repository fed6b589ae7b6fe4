package dev.switchboard.org;

/**
 * Extra rules for new passwords beyond length. The prod profile plugs in one that refuses the
 * documented demo passwords.
 */
@FunctionalInterface
public interface PasswordPolicy {

    /** Throws a validation error on the {@code password} field when the password is not acceptable. */
    void check(String password);

    PasswordPolicy ANY = password -> {};
}
