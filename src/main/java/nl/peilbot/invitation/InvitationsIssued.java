package nl.peilbot.invitation;

import java.util.List;

/**
 * Invitations were stored and count from now on: one, or all of an import after its commit. Published after the
 * write, at least once per successful call; a listener re-reads what it needs by the response ids, so a repeated or
 * late event changes nothing.
 *
 * @param responseIds the references of the new invitations (their response ids)
 */
public record InvitationsIssued(String survey, String wave, List<String> responseIds) {

    public InvitationsIssued {
        responseIds = List.copyOf(responseIds);
    }
}
