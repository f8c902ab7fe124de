package org.muster.registry.registration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestProfile(PublicRateLimitTest.FiveAMinute.class)
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class PublicRateLimitTest {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("muster.public.rate-limit.requests", "5", "muster.public.rate-limit.window", "PT10M");
        }
    }

    @Test
    void past_the_limit_a_client_gets_429_with_retry_after_and_staff_endpoints_are_not_counted() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON).body("{}").post("/public/registrations")
                    .then().statusCode(not(equalTo(429)));
        }
        given().contentType(ContentType.JSON).body("{}").post("/public/registrations")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", not(equalTo(null)));
        given().get("/nationals").then().statusCode(401);
    }
}
