package nl.peilbot.results;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import nl.peilbot.aggregation.UnknownResultException;

/** Problem details for the results API: unknown waves, questions, parts or respondents are 404, bad parameters 400. */
@RestControllerAdvice(basePackageClasses = ResultsProblems.class)
class ResultsProblems {

    @ExceptionHandler(UnknownResultException.class)
    ProblemDetail unknown(UnknownResultException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown result");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        return problem;
    }
}
