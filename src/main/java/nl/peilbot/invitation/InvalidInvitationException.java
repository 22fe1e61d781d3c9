package nl.peilbot.invitation;

/** An invitation that cannot be made: an unknown survey, or a profile that does not fit the survey. */
public class InvalidInvitationException extends IllegalArgumentException {

    public InvalidInvitationException(String message) {
        super(message);
    }
}
