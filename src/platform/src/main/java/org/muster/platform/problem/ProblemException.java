package org.muster.platform.problem;

import java.util.List;

/**
 * Thrown by domain code when a request cannot be done, carrying the problem the client gets:
 * a rule the input breaks (400 naming the fields), a conflict with recorded data (409), ...
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Input that is well-formed but breaks a rule the domain knows (unknown region, invalid number). */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.invalid("Some fields are not valid; see errors.", errors));
    }

    public static ProblemException invalid(String field, String pointer, String message) {
        return invalid(List.of(new Problem.FieldError(field, pointer, message)));
    }

    public static ProblemException conflict(String type, String title, String detail) {
        return new ProblemException(Problem.of(type, title, 409, detail));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of("not-found", "Not found", 404, detail));
    }
}
