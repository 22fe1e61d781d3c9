package nl.peilbot.invitation;

/** What a token from a link is worth now. */
public sealed interface TokenCheck {

    /** The token opens this invitation. */
    record Valid(Invitation invitation) implements TokenCheck {
    }

    /** The token opens nothing, for this reason. */
    record Refused(Reason reason) implements TokenCheck {
    }

    /** Why a token is refused. */
    enum Reason {
        UNKNOWN,
        REVOKED,
        NOT_YET_VALID,
        EXPIRED
    }
}
