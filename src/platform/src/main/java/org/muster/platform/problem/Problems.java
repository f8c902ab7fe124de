package org.muster.platform.problem;

import jakarta.ws.rs.core.Response;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Response response(String type, String title, int status, String detail) {
        return response(Problem.of(type, title, status, detail));
    }
}
