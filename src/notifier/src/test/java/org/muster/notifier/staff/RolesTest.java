package org.muster.notifier.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.muster.notifier.NotifierStack;
import org.muster.platform.security.Roles;

import static io.restassured.RestAssured.given;

/** Every staff endpoint: 401 without a token, 403 with a role below consular-viewer. */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
class RolesTest {

    private static final String CAMPAIGN = "00000000-0000-0000-0000-000000000001";

    @ParameterizedTest
    @ValueSource(strings = {"/deliveries?campaignId=" + CAMPAIGN, "/deliveries/" + CAMPAIGN, "/replies"})
    void without_a_token_401(String path) {
        given().get(path).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deliveries?campaignId=" + CAMPAIGN, "/deliveries/" + CAMPAIGN, "/replies"})
    @TestSecurity(user = "partner", roles = Roles.PARTNER_EMBASSY)
    void a_partner_403(String path) {
        given().get(path).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/deliveries?campaignId=" + CAMPAIGN, "/deliveries/" + CAMPAIGN, "/replies"})
    @TestSecurity(user = "citizen", roles = Roles.CITIZEN)
    void a_citizen_403(String path) {
        given().get(path).then().statusCode(403);
    }
}
