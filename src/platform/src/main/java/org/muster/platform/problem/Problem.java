package org.muster.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response of every service.
 *
 * @param errors for validation errors: one entry per field at fault
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Base of the problem type URIs; each type is documented in docs/api/problems.md. */
    public static final String TYPE_BASE = "https://muster.example/problems/";

    /**
     * One field at fault.
     *
     * @param field   the field as a client names it: {@code household[0].givenName}, or a query
     *                or path parameter's name
     * @param pointer RFC 6901 JSON pointer into the request body, for fields of the body
     * @param message what is wrong, in words a developer can act on
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String pointer, String message) {
    }

    public static Problem of(String type, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + type), title, status, detail, null, List.of());
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(URI.create(TYPE_BASE + "validation"), "The request is not valid", 400, detail, null,
                List.copyOf(errors));
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors);
    }
}
