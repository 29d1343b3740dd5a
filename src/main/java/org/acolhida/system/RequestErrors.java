package org.acolhida.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;

/**
 * Refusals of requests that fail before any controller is chosen, which {@link ApiErrors} (limited
 * to our controllers) does not see.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice
class RequestErrors {

	/**
	 * A body declared multipart that is not (e.g. without a boundary): the servlet fails to parse it
	 * before the controller is known, which would otherwise be a 500. No endpoint of ours takes one.
	 */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableMultipart(MultipartException e) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The body is not a readable multipart request; send JSON");
		problem.setTitle("Invalid input");
		return problem;
	}

}
