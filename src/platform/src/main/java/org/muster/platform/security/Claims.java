package org.muster.platform.security;

/** Token claims the services rely on besides roles. */
public final class Claims {

    /**
     * ISO 3166-1 alpha-2 code of the partner embassy's country, carried by every partner token.
     * A partner sees only its own nationals and what was shared with that country.
     */
    public static final String PARTNER_COUNTRY = "partner_country";

    /** Where Quarkus OIDC finds the realm roles in a Keycloak access token. */
    public static final String ROLE_CLAIM_PATH = "realm_access/roles";

    private Claims() {
    }
}
