package org.muster.notifier.sending;

import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.core5.http.Header;
import org.muster.platform.tracing.TraceParents;
import org.muster.twilio.BaseUrlHttpClient;

/**
 * The project's Twilio HTTP client with two changes notifier needs: each request is made exactly once (the SDK's
 * {@code reliableRequest} otherwise resends a POST three times on any 5xx, which can send an alert twice behind
 * the caller's back), and the last response of the calling thread is kept so its {@code Retry-After} can be read.
 */
final class ProviderHttpClient extends BaseUrlHttpClient {

    private static final ThreadLocal<Response> LAST = new ThreadLocal<>();

    ProviderHttpClient(URI baseUrl, Duration connectTimeout, Duration readTimeout, int maxConnections) {
        super(baseUrl, connectTimeout, readTimeout, maxConnections);
    }

    /** Each request carries the current span's W3C trace context: Twilio's side of the send joins the trace. */
    @Override
    public Response makeRequest(Request request) {
        String traceParent = TraceParents.current();
        if (traceParent != null) {
            request.addHeaderParam(TraceParents.HEADER, traceParent);
        }
        return super.makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        LAST.remove();
        Response response = makeRequest(request);
        LAST.set(response);
        return response;
    }

    /** The Retry-After of this thread's last response, if it had one in seconds. */
    static Duration lastRetryAfter() {
        Response response = LAST.get();
        if (response == null || response.getHeaders() == null) {
            return null;
        }
        for (Header header : response.getHeaders()) {
            if ("Retry-After".equalsIgnoreCase(header.getName())) {
                try {
                    return Duration.ofSeconds(Long.parseLong(header.getValue().trim()));
                } catch (NumberFormatException notSeconds) {
                    return null;
                }
            }
        }
        return null;
    }
}
