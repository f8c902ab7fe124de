package org.muster.platform.security;

/**
 * The realm roles of Keycloak realm {@code muster}, as endpoints name them in
 * {@code @RolesAllowed}. Admin includes officer, officer includes viewer (composite roles in the
 * realm), so an endpoint names the least role that may use it.
 */
public final class Roles {

    /** Partners, staff, data retention and erasure; everything an officer does. */
    public static final String CONSULAR_ADMIN = "consular-admin";
    /** Registry, advisories, campaigns, flights, manifests, the control point. */
    public static final String CONSULAR_OFFICER = "consular-officer";
    /** Reads what officers see, changes nothing. */
    public static final String CONSULAR_VIEWER = "consular-viewer";
    /** A partner embassy's machine client (client credentials). */
    public static final String PARTNER_EMBASSY = "partner-embassy";
    /** A citizen signed in to the public pages. */
    public static final String CITIZEN = "citizen";

    private Roles() {
    }
}
