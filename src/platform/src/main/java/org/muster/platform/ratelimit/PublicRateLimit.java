package org.muster.platform.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.muster.platform.problem.Problem;
import org.muster.platform.problem.Problems;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits the public endpoints per client address: anyone can call them, and a script must not
 * be able to flood a service. Every service that has /public/ endpoints gets this filter from
 * platform; each sets its own limit. Behind a proxy, set quarkus.http.proxy.proxy-address-forwarding
 * so that the address is the client's, not the proxy's.
 */
@ApplicationScoped
public class PublicRateLimit {

    @ConfigProperty(name = "muster.public.rate-limit.requests", defaultValue = "30")
    int requests;

    @ConfigProperty(name = "muster.public.rate-limit.window", defaultValue = "PT1M")
    Duration window;

    private RequestRateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RequestRateLimiter(requests, window, Clock.systemUTC());
    }

    @ServerRequestFilter
    public Optional<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/public/")) {
            return Optional.empty();
        }
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        RequestRateLimiter.Decision decision = limiter.tryAcquire(client);
        if (decision.allowed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        return Optional.of(Response.fromResponse(Problems.response(Problem.of("too-many-requests",
                        "Too many requests", 429, "Too many requests from your address. Retry after "
                                + seconds + " seconds.")))
                .header("Retry-After", seconds).build());
    }
}
