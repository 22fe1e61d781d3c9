package nl.peilbot.invitation;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** The organisers' endpoint to invite a respondent; answers with the token and the chat link, once. */
@RestController
@RequestMapping("/api/invitations")
class InvitationController {

    private final Invitations invitations;

    InvitationController(Invitations invitations) {
        this.invitations = invitations;
    }

    record CreateInvitation(String survey, Map<String, String> profile) {
    }

    record CreatedInvitation(String token, String link) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedInvitation create(@RequestBody CreateInvitation request) {
        if (request == null || request.survey() == null || request.survey().isBlank()) {
            throw new InvalidInvitationException("survey is required");
        }
        // Like the console: a field sent blank is a mistake here (a script's empty column), not "unknown".
        if (request.profile() != null) {
            request.profile().forEach((field, value) -> {
                if (value == null || value.isBlank()) {
                    throw new InvalidInvitationException("profile field '" + field + "' is blank; leave it out instead");
                }
            });
        }
        String token = invitations.create(request.survey(), request.profile() == null ? Map.of() : request.profile());
        String link = "/chat/" + UriUtils.encodePathSegment(request.survey().strip(), StandardCharsets.UTF_8) + "#t=" + token;
        return new CreatedInvitation(token, link);
    }

    @ExceptionHandler(InvalidInvitationException.class)
    ProblemDetail invalid(InvalidInvitationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
