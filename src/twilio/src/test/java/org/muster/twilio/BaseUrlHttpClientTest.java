package org.muster.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlHttpClientTest {

    private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";
    private static final String AUTH_TOKEN = "test-auth-token";
    private static final String MESSAGE_JSON = """
            {"sid": "SM0123456789abcdef0123456789abcdef", "account_sid": "%s", "to": "+93700000001",
             "from": "+15005550006", "body": "Leave now", "status": "queued", "num_segments": "1",
             "direction": "outbound-api", "api_version": "2010-04-01"}""".formatted(ACCOUNT_SID);

    private record Recorded(String method, String path, String query, Map<String, String> form, String authorization) {
    }

    private final List<Recorded> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlowResponses = new CountDownLatch(1);
    private HttpServer server;
    private URI serverUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::record);
        server.createContext("/slow/", exchange -> {
            awaitRelease();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        serverUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        releaseSlowResponses.countDown();
        server.stop(0);
    }

    @Test
    void a_message_created_for_api_twilio_com_arrives_at_the_base_url_with_its_path_form_and_credentials() {
        TwilioRestClient client = TwilioClients.create(new TwilioAccount(serverUrl, ACCOUNT_SID, AUTH_TOKEN, null, null));

        Message message = Message.creator(new PhoneNumber("+93700000001"), new PhoneNumber("+15005550006"), "Leave now")
                .setStatusCallback(URI.create("https://muster.example/twilio/status"))
                .create(client);

        assertThat(message.getSid()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
            assertThat(request.form()).containsEntry("To", "+93700000001")
                    .containsEntry("From", "+15005550006")
                    .containsEntry("Body", "Leave now")
                    .containsEntry("StatusCallback", "https://muster.example/twilio/status");
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.US_ASCII)));
        });
    }

    @Test
    void a_rewritten_request_keeps_method_path_query_form_headers_auth_and_body() {
        Request original = new Request(HttpMethod.POST, "api", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        original.addQueryParam("PageSize", "20");
        original.addQueryParam("To", "whatsapp:+93700000001");
        original.addPostParam("Body", "سفارت را فوراً ترک کنید");
        original.addHeaderParam("X-Custom", "kept");
        original.setAuth(ACCOUNT_SID, AUTH_TOKEN);
        original.setContentType(EnumConstants.ContentType.FORM_URLENCODED);
        original.setBody("raw-body");

        try (BaseUrlHttpClient http = new BaseUrlHttpClient(URI.create("http://127.0.0.1:8089"))) {
            Request redirected = http.redirect(original);

            URI url = URI.create(redirected.constructURL().toString());
            assertThat(url.getScheme()).isEqualTo("http");
            assertThat(url.getHost()).isEqualTo("127.0.0.1");
            assertThat(url.getPort()).isEqualTo(8089);
            assertThat(url.getPath()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
            assertThat(url.getQuery()).contains("PageSize=20").contains("To=whatsapp:+93700000001");
            assertThat(redirected.getMethod()).isEqualTo(HttpMethod.POST);
            assertThat(redirected.getQueryParams()).isEqualTo(original.getQueryParams());
            assertThat(redirected.getPostParams()).isEqualTo(original.getPostParams());
            assertThat(redirected.getHeaderParams()).isEqualTo(original.getHeaderParams());
            assertThat(redirected.getAuthString()).isEqualTo(original.getAuthString());
            assertThat(redirected.getBody()).isEqualTo("raw-body");
            assertThat(redirected.getContentType()).isEqualTo(EnumConstants.ContentType.FORM_URLENCODED);
        }
    }

    @Test
    void a_base_url_with_a_path_prefixes_the_api_path() {
        Request original = new Request(HttpMethod.GET, "api", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/CA1.json");

        try (BaseUrlHttpClient http = new BaseUrlHttpClient(URI.create("https://gateway.example:8443/twilio/"))) {
            assertThat(http.redirect(original).constructURL().toString())
                    .isEqualTo("https://gateway.example:8443/twilio/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/CA1.json");
        }
    }

    @Test
    void with_the_production_base_url_requests_go_out_exactly_as_the_sdk_built_them() {
        Request original = new Request(HttpMethod.GET, "api", "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");

        try (BaseUrlHttpClient http = new BaseUrlHttpClient(TwilioAccount.PRODUCTION_BASE_URL)) {
            assertThat(http.redirect(original)).isSameAs(original);
            assertThat(original.constructURL().toString())
                    .isEqualTo("https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
        }
    }

    @Test
    void a_response_slower_than_the_read_timeout_fails_instead_of_hanging() {
        TwilioAccount account = new TwilioAccount(URI.create(serverUrl + "/slow"), ACCOUNT_SID, AUTH_TOKEN, null, null);
        TwilioRestClient client = TwilioClients.create(account, Duration.ofSeconds(1), Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> Message.fetcher("SM0123456789abcdef0123456789abcdef").fetch(client))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("Read timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_429_comes_back_to_the_caller_at_once_instead_of_being_retried_behind_its_back() {
        server.createContext("/busy/", exchange -> {
            received.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), null,
                    Map.of(), null));
            byte[] body = """
                    {"code": 20429, "message": "Too Many Requests",
                     "more_info": "https://www.twilio.com/docs/errors/20429", "status": 429}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.sendResponseHeaders(429, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        TwilioAccount account = new TwilioAccount(URI.create(serverUrl + "/busy"), ACCOUNT_SID, AUTH_TOKEN, null, null);

        assertThatThrownBy(() -> Message.creator(new PhoneNumber("+93700000001"), new PhoneNumber("+15005550006"),
                "Leave now").create(TwilioClients.create(account)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(20429));
        assertThat(received).hasSize(1);
    }

    @Test
    void a_500_is_requested_once_so_an_alert_is_never_sent_twice_behind_the_callers_back() {
        server.createContext("/broken/", exchange -> {
            received.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), null,
                    Map.of(), null));
            byte[] body = """
                    {"code": 20500, "message": "Internal Server Error",
                     "more_info": "https://www.twilio.com/docs/errors/20500", "status": 500}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(500, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        TwilioAccount account = new TwilioAccount(URI.create(serverUrl + "/broken"), ACCOUNT_SID, AUTH_TOKEN, null, null);

        assertThatThrownBy(() -> Message.creator(new PhoneNumber("+93700000001"), new PhoneNumber("+15005550006"),
                "Leave now").create(TwilioClients.create(account)))
                .isInstanceOf(ApiException.class);
        assertThat(received).hasSize(1);
    }

    @Test
    void as_many_requests_as_connections_are_in_flight_at_once() throws Exception {
        int connections = 32;
        CountDownLatch allArrived = new CountDownLatch(connections);
        java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        server.createContext("/held/", exchange -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allArrived.countDown();
            try {
                // Held until every request is in, or long enough to show that some could not be.
                allArrived.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            record(exchange);
        });
        TwilioAccount account = new TwilioAccount(URI.create(serverUrl + "/held"), ACCOUNT_SID, AUTH_TOKEN, null, null);
        try (BaseUrlHttpClient http = new BaseUrlHttpClient(account.baseUrl(), Duration.ofSeconds(10),
                Duration.ofSeconds(10), connections)) {
            TwilioRestClient client = new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN).httpClient(http).build();
            var pool = Executors.newFixedThreadPool(connections);
            for (int i = 0; i < connections; i++) {
                pool.execute(() -> Message.creator(new PhoneNumber("+93700000001"), new PhoneNumber("+15005550006"),
                        "Leave now").create(client));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        // With the former fixed 20 per host, 12 of them waited for a connection.
        assertThat(mostInFlight.get()).isEqualTo(connections);
        assertThat(received).hasSize(connections);
    }

    @Test
    void the_auth_token_stays_out_of_the_account_description() {
        TwilioAccount account = TwilioAccount.production(ACCOUNT_SID, AUTH_TOKEN, "MG0000", null);

        assertThat(account.toString()).contains(ACCOUNT_SID).doesNotContain(AUTH_TOKEN);
        assertThat(account.isProduction()).isTrue();
    }

    @Test
    void an_account_needs_an_http_base_url_and_credentials() {
        assertThatThrownBy(() -> new TwilioAccount(URI.create("ftp://example.org"), ACCOUNT_SID, AUTH_TOKEN, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TwilioAccount(serverUrl, ACCOUNT_SID, " ", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void record(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), decodeForm(body),
                exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] response = MESSAGE_JSON.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(201, response.length);
        exchange.getResponseBody().write(response);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            releaseSlowResponses.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> decodeForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
