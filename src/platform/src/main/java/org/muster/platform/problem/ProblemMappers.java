package org.muster.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.UUID;

/**
 * Maps every failure of a request to an RFC 9457 problem: bad input to a 4xx that names the
 * field, conflicts to 409, a database that cannot be reached to 503 with Retry-After, and anything
 * unexpected to a 500 that says nothing of the internals (the stack trace goes to the log under an
 * id the client can quote).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A restart or failover of PostgreSQL takes seconds. */
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper(priority = 1)
    public Response refused(ProblemException e) {
        return Problems.response(e.problem());
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalid(ConstraintViolationException e) {
        return Problems.response(Problem.invalid("Some fields are not valid; see errors.",
                ValidationProblems.fieldErrors(e.getConstraintViolations())));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonParseException e) {
        return Problems.response(Problem.invalid("The body is not valid JSON.", List.of()));
    }

    // Registered for each Jackson type the framework has its own mapper for, so that ours wins.
    @ServerExceptionMapper(priority = 1)
    public Response unreadable(MismatchedInputException e) {
        return unreadable((JsonMappingException) e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(InvalidFormatException e) {
        return unreadable((JsonMappingException) e);
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonMappingException e) {
        String field = JsonPaths.field(e.getPath());
        String pointer = JsonPaths.pointer(e.getPath());
        String message;
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "is not a known field";
            field = JsonPaths.field(unknown.getPath());
        } else if (e instanceof InvalidFormatException format) {
            message = "cannot be read as " + JsonPaths.describe(format.getTargetType());
        } else if (field.isEmpty()) {
            return Problems.response(Problem.invalid("The body does not have the expected shape.", List.of()));
        } else {
            message = "has the wrong type or shape";
        }
        return Problems.response(Problem.invalid("Some fields are not valid; see errors.",
                List.of(new Problem.FieldError(field, pointer, message))));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadable(JsonProcessingException e) {
        return Problems.response(Problem.invalid("The body is not valid JSON.", List.of()));
    }

    @ServerExceptionMapper(priority = 1)
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // The framework wraps what Jackson could not read in a plain 400; say what it was.
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return Problems.response(Problem.invalid("The body is not valid JSON.", List.of()));
        }
        if (status >= 500) {
            return unexpected(e);
        }
        return Problems.response(HttpProblems.forStatus(status, e.getMessage()));
    }

    /**
     * A signed-in caller whose role does not allow the call. (A caller who is not signed in gets
     * Quarkus' own 401, which carries the authentication challenge the client needs.)
     */
    @ServerExceptionMapper(priority = 1)
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return Problems.response(HttpProblems.forStatus(403, null));
    }

    @ServerExceptionMapper(priority = 1)
    public Response conflict(OptimisticLockException e) {
        return Problems.response(conflict());
    }

    @ServerExceptionMapper(priority = 1)
    public Response conflict(StaleStateException e) {
        return Problems.response(conflict());
    }

    @ServerExceptionMapper(priority = 1)
    public Response any(Throwable e) {
        // Transactions wrap what went wrong at commit; look inside before calling it unexpected.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return Problems.response(conflict());
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                LOG.debugf("constraint %s refused a write", violation.getConstraintName());
                return Problems.response(Problem.of("conflict", "Conflicting data", 409,
                        "The request conflicts with data already recorded."));
            }
            if (cause instanceof ConstraintViolationException violation) {
                return invalid(violation);
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        if (DatabaseOutages.isOutage(e)) {
            LOG.warnf("the database could not be reached: %s", e.getMessage());
            return Response.fromResponse(Problems.response(Problem.of("database-unavailable", "Temporarily unavailable", 503,
                            "The service cannot reach its database just now; retry after the time given in Retry-After. "
                                    + "A change may or may not have been recorded: read before changing again, or send the same "
                                    + "Idempotency-Key where the endpoint takes one.")))
                    .header("Retry-After", DATABASE_RETRY_AFTER_SECONDS).build();
        }
        return unexpected(e);
    }

    private Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, problem instance %s", id);
        return Problems.response(Problem.of("internal", "Internal error", 500,
                "Something went wrong on our side. Quote the instance id when reporting it.")
                .withInstance("urn:uuid:" + id));
    }

    private static Problem conflict() {
        return Problem.of("stale-version", "The record changed meanwhile", 409,
                "Someone else changed this record after you read it. Read it again and retry.");
    }
}
