package dev.switchboard.gateway.routing;

/**
 * Where an org unit's calls may go. Policies of a unit and its ancestors combine with {@link
 * #narrowedBy}: a team can narrow, never widen, what its department allows.
 */
public record OrgPolicy(AllowList providers, AllowList regions, AllowList jurisdictions) {

    public static final OrgPolicy UNRESTRICTED = new OrgPolicy(AllowList.ANY, AllowList.ANY, AllowList.ANY);

    /** The stricter of both: what both allow. */
    public OrgPolicy narrowedBy(OrgPolicy inner) {
        return new OrgPolicy(
                providers.and(inner.providers), regions.and(inner.regions), jurisdictions.and(inner.jurisdictions));
    }
}
