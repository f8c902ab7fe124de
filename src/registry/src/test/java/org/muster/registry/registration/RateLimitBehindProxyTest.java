package org.muster.registry.registration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.muster.testing.MusterStackResource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Behind the cluster's ingress every citizen's request comes from the ingress: the public rate limit counts each
 * client by the address the trusted proxy forwards (X-Forwarded-For), as production is configured (the platform's
 * {@code %prod.quarkus.http.proxy.*}, trusting private networks), not the ingress's own, which would throttle
 * everyone at once. Here the test client at 127.0.0.1 plays the ingress.
 */
@QuarkusTest
@TestProfile(RateLimitBehindProxyTest.BehindAnIngress.class)
@QuarkusTestResource(value = MusterStackResource.class, initArgs = @ResourceArg(name = "schema", value = "registry"))
class RateLimitBehindProxyTest {

    public static class BehindAnIngress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("muster.public.rate-limit.requests", "5", "muster.public.rate-limit.window", "PT10M",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,127.0.0.1");
        }
    }

    @Test
    void each_forwarded_client_has_its_own_limit() {
        for (int i = 0; i < 5; i++) {
            register("203.0.113.7").statusCode(not(equalTo(429)));
        }
        register("203.0.113.7").statusCode(429).header("Retry-After", not(equalTo(null)));
        // Another citizen behind the same ingress is not held back by the first.
        register("198.51.100.9").statusCode(not(equalTo(429)));
    }

    private static io.restassured.response.ValidatableResponse register(String client) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", client).body("{}")
                .post("/public/registrations").then();
    }
}
