package org.muster.registry.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.muster.platform.problem.ProblemException;

/**
 * Takes registrations at both doors (the public form, an officer on the phone). In a crisis the
 * same family registers from two phones at once, and a bad connection resends a request before the
 * first answer arrived: then the checks of both transactions pass and a unique constraint of the
 * database refuses the second at commit. Its sender gets the answer it would have got a moment
 * later, not a generic conflict: the duplicate-document answer, or the first request's answer
 * for the same Idempotency-Key.
 */
@ApplicationScoped
public class RegistrationDesk {

    static final String DOCUMENT_ONCE = "identity_document_once";
    static final String KEY_ONCE = "registration_request_pkey";

    @Inject
    RegistrationService registrations;

    public Registered register(Registration registration, String idempotencyKey, String actor) {
        try {
            return registrations.register(registration, idempotencyKey, actor);
        } catch (RuntimeException e) {
            String constraint = violatedConstraint(e);
            if (DOCUMENT_ONCE.equals(constraint)) {
                throw ProblemException.conflict("already-registered", "Already registered",
                        RegistrationService.DUPLICATE_DETAIL);
            }
            if (KEY_ONCE.equals(constraint) && idempotencyKey != null) {
                // The other request with this key has committed: asking again returns its answer
                // (or idempotency-key-reused if the two bodies differ).
                return registrations.register(registration, idempotencyKey, actor);
            }
            throw e;
        }
    }

    /** The unique constraint that refused a write, as PostgreSQL names it, or null. */
    static String violatedConstraint(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                String name = violation.getConstraintName();
                return name.substring(name.lastIndexOf('.') + 1);
            }
            if (cause == cause.getCause()) {
                break;
            }
        }
        return null;
    }
}
