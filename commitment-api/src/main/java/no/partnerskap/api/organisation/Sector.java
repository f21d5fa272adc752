package no.partnerskap.api.organisation;

public enum Sector {
    PUBLIC_STATE, PUBLIC_COUNTY, PUBLIC_MUNICIPAL, BUSINESS, ACADEMIA, CIVIL_SOCIETY, OTHER
}
