package org.muster.devstack.twilio;

/**
 * Transient refusals of {@code POST Messages.json} and {@code POST Calls.json}, chosen by the last four digits of
 * the recipient's number, so that a client's retries can be tested against the API it really talks to:
 *
 * <table>
 *   <caption>Fault by recipient number</caption>
 *   <tr><th>Number ends in</th><th>The first two requests to that number</th><th>Later requests</th></tr>
 *   <tr><td>0429</td><td>429, code 20429, {@code Retry-After: 1}</td><td>accepted</td></tr>
 *   <tr><td>0500</td><td>500, code 20500</td><td>accepted</td></tr>
 *   <tr><td>0599</td><td>500, code 20500</td><td>500, code 20500 (never recovers)</td></tr>
 * </table>
 *
 * <p>Requests are counted per number; {@link TwilioSandbox#reset()} forgets the counts.
 */
enum ApiFault {

    TOO_MANY_REQUESTS("0429", 2),
    SERVER_ERROR("0500", 2),
    BROKEN("0599", Integer.MAX_VALUE);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final String suffix;
    final int failures;

    ApiFault(String suffix, int failures) {
        this.suffix = suffix;
        this.failures = failures;
    }

    static ApiFault forNumber(String number) {
        for (ApiFault fault : values()) {
            if (number.endsWith(fault.suffix)) {
                return fault;
            }
        }
        return null;
    }

    /** Throws this fault's error if {@code requestNumber} (1 for the first request to the number) is refused. */
    void apply(int requestNumber) {
        if (requestNumber > failures) {
            return;
        }
        throw this == TOO_MANY_REQUESTS
                ? TwilioApiError.tooManyRequests(NANOS_PER_SECOND)
                : new TwilioApiError(500, 20500, "Internal Server Error");
    }

    /** Applies the fault of {@code handset}'s number, if any, counting the request in {@code store}. */
    static void check(SandboxStore store, String handset) {
        ApiFault fault = forNumber(handset);
        if (fault != null) {
            fault.apply(store.countRequest(handset));
        }
    }
}
