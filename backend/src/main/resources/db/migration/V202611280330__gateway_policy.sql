-- Where an org unit's model calls may go. NULL = no restriction in that dimension; an empty array
-- allows nothing. A unit's effective policy is the intersection along its path to the company.
CREATE TABLE gateway_policy (
    org_unit_id           uuid        PRIMARY KEY REFERENCES org_unit (id),
    allowed_providers     text[],
    allowed_regions       text[],
    allowed_jurisdictions text[],
    updated_at            timestamptz NOT NULL
);
