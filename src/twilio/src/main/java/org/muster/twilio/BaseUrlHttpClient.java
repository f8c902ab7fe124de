package org.muster.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SDK's HTTP client, sending every request to a configured base URL instead of {@code *.twilio.com}.
 *
 * <p>The SDK has no base-URL option: each generated request carries an absolute {@code https://api.twilio.com/...}
 * URL. This client replaces scheme, host and port (and prepends the base URL's path, if any) and keeps everything
 * else: method, path, query and form parameters, headers, credentials and body. With the production base URL
 * requests are left exactly as the SDK built them. Every Twilio domain maps to the one base URL, so region and edge
 * settings are not applied: the project only uses the 2010-04-01 API on {@code api.twilio.com}.
 *
 * <p>Connect and read timeouts are always set: a hung Twilio must not hang an evacuation alert run. Nothing is
 * retried behind the caller's back: a 429 or a 5xx comes back at once as an {@code ApiException}.
 */
public class BaseUrlHttpClient extends NetworkHttpClient implements AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    /** Connections kept to the API host; a caller with more threads than this makes them wait for one. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20;

    private final URI baseUrl;
    private final boolean passThrough;

    public BaseUrlHttpClient(URI baseUrl) {
        this(baseUrl, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public BaseUrlHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this(baseUrl, connectTimeout, readTimeout, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * @param maxConnections connections kept alive to the API host (all requests go to one host): as many as the
     *                       caller has threads making requests at once, so none waits for a connection
     */
    public BaseUrlHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        super(clientBuilder(connectTimeout, readTimeout, maxConnections));
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.passThrough = TwilioAccount.PRODUCTION_BASE_URL.equals(baseUrl);
    }

    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(redirect(request));
    }

    /**
     * One request, one attempt: the SDK's default resends any request, POSTs included, up to three
     * times on a 5xx, which could send an alert twice. The caller decides what to retry.
     */
    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    /** The request as it will be sent: same everything, but addressed to the base URL. */
    Request redirect(Request original) {
        if (passThrough) {
            return original;
        }
        // constructURL applies the SDK's own host and path handling; only its path survives.
        URI sdkUrl = URI.create(original.constructURL().toString());
        String ownQuery = URI.create(original.getUrl()).getRawQuery();
        String target = origin() + basePath() + sdkUrl.getRawPath() + (ownQuery == null ? "" : "?" + ownQuery);

        Request copy = new RedirectedRequest(original, target);
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        } else if (original.getUsername() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        }
        copy.setBody(original.getBody());
        copy.setContentType(original.getContentType());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private String origin() {
        return baseUrl.getScheme() + "://" + baseUrl.getRawAuthority();
    }

    private String basePath() {
        String path = baseUrl.getRawPath();
        if (path == null) {
            return "";
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private interface ParamSink {
        void add(String name, String value);
    }

    private static void copyParams(Map<String, List<String>> params, ParamSink sink) {
        params.forEach((name, values) -> values.forEach(value -> sink.add(name, value)));
    }

    private static HttpClientBuilder clientBuilder(Duration connectTimeout, Duration readTimeout, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        Timeout connect = Timeout.of(Objects.requireNonNull(connectTimeout, "connectTimeout"));
        Timeout read = Timeout.of(Objects.requireNonNull(readTimeout, "readTimeout"));
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(read)
                .build();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                .setMaxConnPerRoute(maxConnections)
                .setMaxConnTotal(maxConnections)
                .build();
        return HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(timeouts)
                // Apache's default strategy silently retries 429 and 503 after Retry-After; the caller owns
                // retries (backoff on 20429, never blindly resending a create that may have gone through).
                .disableAutomaticRetries()
                // NetworkHttpClient.makeRequest stamps the SDK's own config (30.5 s connect, no read timeout)
                // on every request, which would win over the defaults above: put ours back first thing.
                .addExecInterceptorFirst("muster-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(timeouts);
                    return chain.proceed(request, scope);
                });
    }

    /** A request whose URL is final: the SDK's host rewriting (regions, edges) must not touch the base URL. */
    private static final class RedirectedRequest extends Request {
        private final String target;

        RedirectedRequest(Request original, String target) {
            super(original.getMethod(), target);
            this.target = target;
        }

        @Override
        protected String buildURL() {
            return target;
        }
    }
}
