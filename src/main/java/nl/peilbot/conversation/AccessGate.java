package nl.peilbot.conversation;

import org.springframework.stereotype.Component;

import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.TokenCheck;
import nl.peilbot.response.StoredResponse;

/** Decides whether a token, an open link or an answer is let through: invitation state and wave state. */
@Component
class AccessGate {

    private final Invitations invitations;
    private final Waves waves;
    private final Withdrawals withdrawals;

    AccessGate(Invitations invitations, Waves waves, Withdrawals withdrawals) {
        this.invitations = invitations;
        this.waves = waves;
        this.withdrawals = withdrawals;
    }

    /** The invitation a token opens now, in a wave that takes answers. */
    Invitation invitation(String token) {
        TokenCheck check = invitations.check(token);
        if (check instanceof TokenCheck.Refused refused) {
            throw switch (refused.reason()) {
                case UNKNOWN -> new UnknownAccessException("this link is not (or no longer) valid");
                case REVOKED -> new AccessRefusedException(withdrawn(token)
                        ? AccessRefusedException.Reason.WITHDRAWN : AccessRefusedException.Reason.REVOKED_TOKEN);
                case NOT_YET_VALID -> new AccessRefusedException(AccessRefusedException.Reason.TOKEN_NOT_YET_VALID);
                case EXPIRED -> new AccessRefusedException(AccessRefusedException.Reason.TOKEN_EXPIRED);
            };
        }
        Invitation invitation = ((TokenCheck.Valid) check).invitation();
        requireTakingAnswers(invitation.survey());
        return invitation;
    }

    private boolean withdrawn(String token) {
        return invitations.find(token).map(i -> withdrawals.withdrew(i.responseId())).orElse(false);
    }

    /** Throws when the response's invitation was revoked, or its wave does not take answers now. */
    void requireResumable(StoredResponse response) {
        if (invitations.revoked(response.id())) {
            throw new AccessRefusedException(AccessRefusedException.Reason.REVOKED_TOKEN);
        }
        requireTakingAnswers(response.survey());
    }

    /** Throws unless the survey exists, takes answers and allows its open link. */
    void requireOpenLink(String survey) {
        Wave wave = waves.current(survey).orElseThrow(() -> new UnknownAccessException("unknown survey '" + survey + "'"));
        requireTakingAnswers(wave);
        if (!wave.openLink()) {
            throw new AccessRefusedException(AccessRefusedException.Reason.OPEN_LINK_CLOSED);
        }
    }

    /**
     * Throws when the survey's wave is paused or closed; a survey without a current flow file passes. Goes by the
     * wave's state as this instance read it within {@link Waves#STATE_FRESH_FOR}.
     */
    void requireTakingAnswers(String survey) {
        waves.current(survey).ifPresent(AccessGate::requireTakingAnswers);
    }

    private static void requireTakingAnswers(Wave wave) {
        switch (wave.state()) {
            case PAUSED -> throw new AccessRefusedException(AccessRefusedException.Reason.WAVE_PAUSED);
            case CLOSED -> throw new AccessRefusedException(AccessRefusedException.Reason.WAVE_CLOSED);
            default -> {
            }
        }
    }
}
