package nl.peilbot.results;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import nl.peilbot.aggregation.PublishedFiguresException;
import nl.peilbot.aggregation.UnknownResultException;

/**
 * Problem details for the results API: unknown waves, questions, parts or respondents are 404, bad parameters 400;
 * Spring MVC's own refusals (a missing or mistyped parameter, an unreadable body, a method not allowed) are problem
 * details too, as {@link ProblemResponses} documents them.
 */
@RestControllerAdvice(basePackageClasses = ResultsProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResultsProblems extends ResponseEntityExceptionHandler {

    /** A query string the server cannot read (e.g. {@code ?=x}): the client's mistake, answered without a log line. */
    @ExceptionHandler(InvalidParameterException.class)
    ProblemDetail unreadable(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The query string could not be read.");
        problem.setTitle("Invalid parameter");
        return problem;
    }

    @ExceptionHandler(UnknownResultException.class)
    ProblemDetail unknown(UnknownResultException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown result");
        return problem;
    }

    /** A published-figures file with a mistake: the server's data, not the request, so 500, naming file and mistake. */
    @ExceptionHandler(PublishedFiguresException.class)
    ProblemDetail unreadableFigures(PublishedFiguresException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
        problem.setTitle("Published figures unreadable");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        return problem;
    }
}
