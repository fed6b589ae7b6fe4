package dev.switchboard.procurement;

/** How the platform pays a provider. */
public enum AccountKind {
    /** Money paid in advance; spend draws it down and top-ups refill it. */
    PREPAID,
    /**
     * The provider invoices later up to a credit limit; spend uses the line up and payments (recorded as
     * top-ups) free it again.
     */
    CREDIT_LINE
}
