package nl.peilbot.invitation;

/**
 * A token just made for an invitation: returned once, never stored.
 *
 * @param responseId the invitation's stable reference (also across re-issues)
 */
public record IssuedInvitation(String responseId, String token, InvitationDraft draft) {
}
