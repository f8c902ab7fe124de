package org.muster.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns Bean Validation violations into field errors a client can act on. A violation's path
 * starts with the resource method and its parameter; for a body those are dropped and the rest
 * becomes a JSON pointer, for a query or path parameter the parameter's name is the field.
 */
public final class ValidationProblems {

    private ValidationProblems() {
    }

    public static List<Problem.FieldError> fieldErrors(Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(fieldError(violation.getPropertyPath(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    static Problem.FieldError fieldError(Path path, String message) {
        String parameter = null;
        StringBuilder field = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
                pointer.append('/').append(node.getIndex());
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
                pointer.append('/').append(escape(String.valueOf(node.getKey())));
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
                pointer.append('/').append(escape(node.getName()));
            }
        }
        if (field.isEmpty()) {
            // The constraint is on a parameter itself: a query or path parameter, or a missing body.
            return new Problem.FieldError(parameter == null ? "" : parameter, null, message);
        }
        return new Problem.FieldError(field.toString(), pointer.toString(), message);
    }

    /** RFC 6901: '~' and '/' inside a reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
