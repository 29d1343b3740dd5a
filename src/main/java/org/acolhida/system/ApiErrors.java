package org.acolhida.system;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import org.acolhida.errors.ForbiddenException;
import org.acolhida.errors.InvalidInputException;
import org.acolhida.errors.InvalidInputException.FieldMessage;
import org.acolhida.errors.NotFoundException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How {@code /api} answers what it refuses: an RFC 9457 problem with, for bad input, an
 * {@code errors} list of {@code {field, message}}.
 */
// Before Spring Boot's own problem-details handler, which would answer these without field names.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackages = "org.acolhida")
class ApiErrors {

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException e) {
		return badRequest(e.getErrors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException e) {
		return badRequest(e.getBindingResult().getFieldErrors().stream()
			.map(error -> new FieldMessage(error.getField(), error.getDefaultMessage()))
			.toList());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail invalid(MethodArgumentTypeMismatchException e) {
		return badRequest(List.of(new FieldMessage(e.getName(), "not a valid value: '" + e.getValue() + "'")));
	}

	/** Malformed JSON or a value of the wrong type: name the field when Jackson knows it. */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof TextWithoutNul.NulInText nul && !nul.getPath().isEmpty()) {
			return badRequest(List.of(new FieldMessage(path(nul.getPath()), "must not contain the NUL character")));
		}
		if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return badRequest(List.of(new FieldMessage(path(mapping.getPath()), "has a value of the wrong type")));
		}
		return badRequest(List.of(new FieldMessage("body", "is not readable JSON")));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(ForbiddenException.class)
	ProblemDetail forbidden(ForbiddenException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	/** The engine refused the request as the caller made it. */
	@ExceptionHandler(BadUserRequestException.class)
	ProblemDetail engineRefused(BadUserRequestException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	/** The engine's authorizations do not let the signed-in user do this. */
	@ExceptionHandler(AuthorizationException.class)
	ProblemDetail engineForbidden(AuthorizationException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail conflict(OptimisticLockingFailureException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone else changed this in the meantime; reload it and apply your change again");
	}

	private static ProblemDetail badRequest(List<FieldMessage> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.stream().map(FieldMessage::toString).collect(Collectors.joining("; ")));
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static String path(List<Reference> path) {
		StringBuilder field = new StringBuilder();
		for (Reference reference : path) {
			if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
		}
		return field.toString();
	}

}
