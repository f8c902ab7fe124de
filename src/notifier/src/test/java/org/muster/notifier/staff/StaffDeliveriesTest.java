package org.muster.notifier.staff;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.muster.contracts.alerts.DeliveryRequested;
import org.muster.contracts.common.Channel;
import org.muster.contracts.common.DeliveryStatus;
import org.muster.notifier.Lookups;
import org.muster.notifier.NotifierStack;
import org.muster.notifier.Requests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** What consular staff read: deliveries per campaign and per person, with history and the provider's codes. */
@QuarkusTest
@QuarkusTestResource(value = NotifierStack.class, initArgs = @ResourceArg(name = "schema", value = "notifier"))
@TestSecurity(user = "viewer", roles = org.muster.platform.security.Roles.CONSULAR_VIEWER)
class StaffDeliveriesTest {

    @Inject
    Lookups lookups;

    @Test
    void a_campaigns_deliveries_with_history_and_codes() {
        UUID campaign = UUID.randomUUID();
        UUID recipient = UUID.randomUUID();
        DeliveryRequested sms = Requests.request(campaign, recipient, Channel.SMS, NotifierStack.LANDLINE, "en",
                "Leave now.", 0);
        Requests.publish(sms);
        await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(sms.requestId()),
                d -> d != null && d.status == DeliveryStatus.FAILED);

        given().queryParam("campaignId", campaign).get("/deliveries").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].recipientId", equalTo(recipient.toString()))
                .body("[0].status", equalTo("FAILED"))
                .body("[0].errorCode", equalTo("21614"))
                .body("[0].history.status", hasItem("QUEUED"))
                .body("[0].history.errorCode", hasItem("21614"));
        given().queryParam("recipientId", recipient).get("/deliveries").then().statusCode(200)
                .body("[0].channel", equalTo("SMS"));
    }

    @Test
    void a_large_campaign_is_read_page_by_page_and_its_failures_alone() {
        UUID campaign = UUID.randomUUID();
        List<DeliveryRequested> requests = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> Requests.request(campaign, UUID.randomUUID(), Channel.SMS,
                        i == 3 ? NotifierStack.LANDLINE : "+9370073000" + i, "en", "Leave now.", 0))
                .toList();
        requests.forEach(Requests::publish);
        for (DeliveryRequested r : requests) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lookups.delivery(r.requestId()),
                    d -> d != null && d.status.isFinal());
        }

        List<String> firstPage = given().queryParam("campaignId", campaign).queryParam("limit", 2).get("/deliveries")
                .then().statusCode(200).body("", hasSize(2)).extract().path("id");
        List<String> secondPage = given().queryParam("campaignId", campaign).queryParam("limit", 2)
                .queryParam("after", firstPage.get(1)).get("/deliveries")
                .then().statusCode(200).body("", hasSize(2)).extract().path("id");
        List<String> lastPage = given().queryParam("campaignId", campaign).queryParam("limit", 2)
                .queryParam("after", secondPage.get(1)).get("/deliveries")
                .then().statusCode(200).body("", hasSize(1)).extract().path("id");
        List<String> all = new java.util.ArrayList<>(firstPage);
        all.addAll(secondPage);
        all.addAll(lastPage);
        assertThat(all).doesNotHaveDuplicates().hasSize(5);

        given().queryParam("campaignId", campaign).queryParam("status", "failed").get("/deliveries").then()
                .statusCode(200).body("", hasSize(1))
                .body("[0].recipientId", equalTo(requests.get(3).recipientId().toString()))
                .body("[0].errorCode", equalTo("21614"));
    }

    @Test
    void without_a_campaign_or_person_the_field_is_named() {
        given().get("/deliveries").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("campaignId"));
        given().queryParam("campaignId", "not-a-uuid").get("/deliveries").then().statusCode(400)
                .body("errors[0].field", equalTo("campaignId"));
        given().queryParam("campaignId", UUID.randomUUID()).queryParam("limit", 0).get("/deliveries").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("campaignId", UUID.randomUUID()).queryParam("limit", "abc").get("/deliveries").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
        given().queryParam("campaignId", UUID.randomUUID()).queryParam("status", "LOST").get("/deliveries").then()
                .statusCode(400).body("errors[0].field", equalTo("status"));
        given().queryParam("campaignId", UUID.randomUUID()).queryParam("after", UUID.randomUUID()).get("/deliveries")
                .then().statusCode(400).body("errors[0].field", equalTo("after"));
        given().queryParam("limit", "many").get("/replies").then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().get("/deliveries/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
