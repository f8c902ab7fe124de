package org.muster.platform.problem;

/** The problem for an HTTP error that the framework raised: unknown route, wrong method, ... */
final class HttpProblems {

    private HttpProblems() {
    }

    static Problem forStatus(int status, String frameworkMessage) {
        return switch (status) {
            case 400 -> Problem.of("bad-request", "Bad request", 400, "The request cannot be read.");
            case 401 -> Problem.of("unauthenticated", "Not signed in", 401, "This needs a valid access token.");
            case 403 -> Problem.of("forbidden", "Not allowed", 403, "Your role does not allow this.");
            case 404 -> Problem.of("not-found", "Not found", 404, "There is nothing at this address.");
            case 405 -> Problem.of("method-not-allowed", "Method not allowed", 405,
                    "This address does not accept this HTTP method.");
            case 406 -> Problem.of("not-acceptable", "Not acceptable", 406,
                    "This address cannot answer in the media type asked for in Accept.");
            case 409 -> Problem.of("conflict", "Conflict", 409, "The request conflicts with the current state.");
            case 413 -> Problem.of("too-large", "Request too large", 413, "The request body is too large.");
            case 415 -> Problem.of("unsupported-media-type", "Unsupported media type", 415,
                    "This address does not accept a body of this Content-Type.");
            case 429 -> Problem.of("too-many-requests", "Too many requests", 429,
                    "Slow down and retry after the time given in Retry-After.");
            default -> Problem.of("http-" + status, "HTTP " + status, status, safe(frameworkMessage));
        };
    }

    /** Framework messages of 4xx exceptions carry no internals; cap them anyway. */
    private static String safe(String message) {
        if (message == null) {
            return null;
        }
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
