package nl.peilbot.report;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import nl.peilbot.aggregation.UnknownResultException;

/** The report routes' answer to an unknown wave or question: 404 with a problem detail, as the results API gives. */
@RestControllerAdvice(assignableTypes = {ReportController.class, ReportTemplateController.class})
class ReportProblems {

    @ExceptionHandler(UnknownResultException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownResultException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown result");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
