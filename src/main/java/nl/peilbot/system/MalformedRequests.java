package nl.peilbot.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Requests the server cannot even read (a query string like {@code ?=x}, a multipart body without a boundary) are
 * the client's mistake: 400 through the usual error page or JSON, and at most one debug line, never a stack trace,
 * so that one client cannot flood the log.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class MalformedRequests {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequests.class);

    @ExceptionHandler({InvalidParameterException.class, MultipartException.class})
    void malformed(Exception e, HttpServletResponse response) throws IOException {
        log.debug("Malformed request refused: {}", e.getClass().getSimpleName());
        response.sendError(HttpStatus.BAD_REQUEST.value(), "The request could not be read.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response) throws IOException {
        log.debug("Upload refused: larger than allowed");
        response.sendError(HttpStatus.CONTENT_TOO_LARGE.value(), "The upload is too large.");
    }
}
